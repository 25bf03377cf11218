"""Who may do what with competitions (``lms.permissions.RulePolicy``): the public
reads a competition and its published rankings; its organiser (and staff) manage
it and publish; an enterprise's HR enters the enterprise's workers. Registered in
``HomeConfig.ready()``."""

from __future__ import annotations

from django.db.models import Q

from home.events.competitions.models import Competition, CompetitionEntry
from lms.permissions import (
    RulePolicy,
    any_of,
    has_role,
    hr_enterprise_ids,
    is_staff,
    register_policy,
)
from lms.roles import Role


def _organiser_rule(user, path: str = "organiser") -> bool | Q:
    """Staff manage every competition; an event organiser the ones they organise."""
    if is_staff(user):
        return True
    if has_role(user, Role.ORGANISER):
        return Q(**{path: user})
    return False


class CompetitionPolicy(RulePolicy):
    def rule_view(self, user):
        return True

    def rule_manage(self, user):
        """The organiser's view: entrants, theory scores, ranking, publishing."""
        return _organiser_rule(user)

    def rule_enter(self, user):
        """HR of an enterprise enter its workers (which workers: the service)."""
        return bool(hr_enterprise_ids(user)) or is_staff(user)


class CompetitionEntryPolicy(RulePolicy):
    def rule_view(self, user):
        """The worker's own entry, their enterprise's HR, the organiser."""
        if not getattr(user, "is_authenticated", False):
            return False
        return any_of(
            _organiser_rule(user, "competition__organiser"),
            Q(enterprise_id__in=hr_enterprise_ids(user)),
            Q(worker=user),
        )


competitions = CompetitionPolicy(Competition)
entries = CompetitionEntryPolicy(CompetitionEntry)


def register() -> None:
    """Called from HomeConfig.ready()."""
    for policy in (competitions, entries):
        register_policy(policy.model, policy)
