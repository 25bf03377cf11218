"""The permission policies of lms's own records: people, trade unions,
enterprises, memberships, invitations, erasure requests, the audit trail and API
tokens. One rule per action (``lms.permissions.RulePolicy``) answers both "may this
user do this to this record" and "which records may this user see"; registered in
``LmsConfig.ready()``. Certificates have theirs in
``lms/certification/permissions.py``."""

from __future__ import annotations

from django.db.models import Q

from lms.models import (
    ApiToken,
    AuditEvent,
    Enterprise,
    ErasureRequest,
    Invitation,
    Membership,
    TradeUnion,
    User,
)
from lms.permissions import (
    RulePolicy,
    all_of,
    any_of,
    enterprise_ids_where,
    hr_enterprise_ids,
    hr_people,
    is_certification_officer,
    is_coordinator,
    is_staff,
    register_policy,
    through,
)


def coordinated_union_ids(user) -> frozenset[int]:
    """The unions a union coordinator keeps, read once per user object."""
    if not is_coordinator(user):
        return frozenset()
    cached = getattr(user, "_lms_unions", None)
    if cached is None:
        cached = frozenset(
            TradeUnion.objects.filter(coordinators=user).values_list("pk", flat=True)
        )
        user._lms_unions = cached
    return cached


class PersonPolicy(RulePolicy):
    def rule_view(self, user):
        """A person's own page: themselves, staff, and HR of their enterprise."""
        if is_staff(user):
            return True
        mine = Q(pk=user.pk)
        return mine | Q(pk__in=hr_people(user)) if hr_enterprise_ids(user) else mine

    def rule_erase(self, user):
        """Staff erase a person's data on request; never their own account (another
        administrator does that)."""
        return ~Q(pk=user.pk) if is_staff(user) else False

    def rule_request_erasure(self, user):
        """A person asks for the erasure of their own data; an administrator account
        is handed over first (``personal_data_erase`` refuses it)."""
        return False if user.is_superuser else Q(pk=user.pk)


class TradeUnionPolicy(RulePolicy):
    def rule_manage(self, user):
        """All for staff, the ones they coordinate for union coordinators."""
        if is_staff(user):
            return True
        ids = coordinated_union_ids(user)
        return Q(pk__in=ids) if ids else False

    def rule_appoint_coordinators(self, user):
        """Who coordinates a union is decided by staff (a coordinator would otherwise
        make themselves coordinator of any union, and so of its enterprises)."""
        return is_staff(user)


class EnterprisePolicy(RulePolicy):
    def rule_manage(self, user):
        """Details and memberships: all for staff, their unions' for coordinators."""
        if is_staff(user):
            return True
        ids = coordinated_union_ids(user)
        return Q(union_id__in=ids) if ids else False

    def rule_invite(self, user):
        """Invite people into: HR their own (HR role and HR membership),
        coordinators their unions' enterprises, staff all."""
        ids = hr_enterprise_ids(user)
        return any_of(Q(pk__in=ids) if ids else False, self.rule_manage(user))

    def rule_represent(self, user):
        """HR and managers act for their enterprise (post its service requests)."""
        ids = enterprise_ids_where(user, Membership.Role.HR, Membership.Role.MANAGER)
        return Q(pk__in=ids) if ids else False


class MembershipPolicy(RulePolicy):
    def rule_view(self, user):
        """The memberships of the enterprises the user keeps (the admin's list)."""
        return through(enterprises.rule(user, "manage"), "enterprise")

    def rule_change(self, user):
        """Add, change or remove: as ``view``, never one's own membership."""
        return all_of(self.rule_view(user), ~Q(user_id=user.pk))


class InvitationPolicy(RulePolicy):
    def rule_view(self, user):
        """List, see and revoke: those of the enterprises the user may invite into."""
        return through(enterprises.rule(user, "invite"), "enterprise")


class ErasureRequestPolicy(RulePolicy):
    def rule_view(self, user):
        """Platform administrators (staff) decide erasure requests."""
        return is_staff(user)

    def rule_decide(self, user):
        """As erasing the person: never one's own request."""
        return ~Q(person_id=user.pk) if is_staff(user) else False


CERTIFICATE_ACTIONS = [a for a in AuditEvent.Action if a.startswith("certificate.")]


class AuditEventPolicy(RulePolicy):
    def rule_view(self, user):
        """Staff see every event; officers those of certificates; HR those of their
        enterprises (memberships) and of their enterprises' people (certificates,
        roles, tokens)."""
        if is_staff(user):
            return True
        rules = []
        if is_certification_officer(user):
            rules.append(
                Q(certificate__isnull=False) | Q(action__in=CERTIFICATE_ACTIONS)
            )
        ids = hr_enterprise_ids(user)
        if ids:
            rules.append(
                Q(enterprise_id__in=ids)
                | Q(enterprise__isnull=True, subject_id__in=hr_people(user))
            )
        return any_of(*rules)


class ApiTokenPolicy(RulePolicy):
    def rule_issue(self, user):
        """HR of an enterprise hold API tokens for their HR system."""
        return Q(user_id=user.pk) if hr_enterprise_ids(user) else False

    def rule_revoke(self, user):
        """One's own tokens; staff any."""
        return True if is_staff(user) else Q(user_id=user.pk)


people = PersonPolicy(User)
unions = TradeUnionPolicy(TradeUnion)
enterprises = EnterprisePolicy(Enterprise)
memberships = MembershipPolicy(Membership)
invitations = InvitationPolicy(Invitation)
erasure_requests = ErasureRequestPolicy(ErasureRequest)
audit_events = AuditEventPolicy(AuditEvent)
api_tokens = ApiTokenPolicy(ApiToken)


def register() -> None:
    """Called from LmsConfig.ready()."""
    for policy in (
        people,
        unions,
        enterprises,
        memberships,
        invitations,
        erasure_requests,
        audit_events,
        api_tokens,
    ):
        register_policy(policy.model, policy)


def invitation_roles_for(user, enterprise: Enterprise) -> list[str]:
    """The enterprise roles an invitation from this user may carry: HR invites
    workers and managers; an HR officer is appointed by coordinators or staff."""
    if not enterprises.user_has_permission_for_instance(user, "invite", enterprise):
        return []
    roles = [Membership.Role.WORKER, Membership.Role.MANAGER]
    if enterprises.user_has_permission_for_instance(user, "manage", enterprise):
        roles.append(Membership.Role.HR)
    return roles
