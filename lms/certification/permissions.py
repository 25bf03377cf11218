"""The permission policies of certificates and of the HR board's exports. One rule
per action (``lms.permissions.RulePolicy``) answers both "may this user do this to this
certificate" and "which certificates may this user see"; the pages, the HR board,
its exports, the HR systems' API, the services and the admin ask it. Registered by
``startup.connect()``."""

from __future__ import annotations

from django.db.models import Q

from lms.certification.models import BoardExport, SkillCertificate
from lms.permissions import (
    RulePolicy,
    hr_enterprise_ids,
    hr_people,
    is_certification_officer,
    register_policy,
)


class CertificatePolicy(RulePolicy):
    def rule_view(self, user):
        """The holder their own, HR their enterprises' workers', officers and staff
        all. Every certificate page, file and list starts here."""
        if is_certification_officer(user):
            return True
        mine = Q(holder_id=user.pk)
        return mine | self.rule_api(user) if hr_enterprise_ids(user) else mine

    def rule_record(self, user):
        """Officers (and staff) record, correct, renew and import certificates."""
        return is_certification_officer(user)

    def rule_revoke(self, user):
        """Suspend, reinstate, revoke: officers and staff."""
        return is_certification_officer(user)

    def rule_import(self, user):
        return is_certification_officer(user)

    def rule_view_board(self, user):
        """The status board: HR their workers' certificates; officers and staff
        everyone's."""
        return True if is_certification_officer(user) else self.rule_api(user)

    def rule_view_history(self, user):
        """The event history: who sees the certificate on the board (not the holder
        alone)."""
        return self.rule_view_board(user)

    def rule_api(self, user):
        """The HR systems' API: HR of an enterprise, its workers' certificates."""
        if not hr_enterprise_ids(user):
            return False
        return Q(holder_id__in=hr_people(user))


certificate_policy = CertificatePolicy(SkillCertificate)


class BoardExportPolicy(RulePolicy):
    def rule_view(self, user):
        """An export (its progress and its file) is its requester's alone, while
        they may still see the board: HR of another enterprise, an officer or
        staff get a 404 like for an id that does not exist."""
        if not certificate_policy.user_has_permission(user, "view_board"):
            return False
        return Q(requested_by=user.pk)


board_export_policy = BoardExportPolicy(BoardExport)


def register() -> None:
    register_policy(SkillCertificate, certificate_policy)
    register_policy(BoardExport, board_export_policy)
