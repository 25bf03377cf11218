"""The permission policy of judging panels (``lms.permissions.RulePolicy``): a judge
scores the panels they sit on, the chair runs their own panel, organisers set
panels up and may publish them. Registered in ``HomeConfig.ready()``."""

from __future__ import annotations

from django.db.models import Q

from home.events.judging.models import Panel, PanelJudge
from home.events.permissions import is_organiser
from lms.permissions import RulePolicy, any_of, has_role, register_policy, values_of
from lms.roles import Role


def seats_of(user):
    """The panels the user sits on as a judge (a subquery; read once per user)."""
    return values_of(
        PanelJudge.objects.filter(user=user).values_list("panel_id", flat=True)
    )


def chairs(user) -> bool | Q:
    return Q(chair=user) if has_role(user, Role.CHAIR) else False


class PanelPolicy(RulePolicy):
    def rule_score(self, user):
        """Judges score (and declare conflicts on) the panels they are assigned to."""
        return Q(pk__in=seats_of(user)) if has_role(user, Role.JUDGE) else False

    def rule_chair(self, user):
        """Corrections, closing, reveal and sign-off: the panel's own chair only."""
        return chairs(user)

    def rule_view_console(self, user):
        """The progress of scoring: the chair, and organisers following it."""
        return True if is_organiser(user) else chairs(user)

    def rule_publish(self, user):
        """After the chair's sign-off, the chair or an organiser publishes."""
        return True if is_organiser(user) else chairs(user)

    def rule_close(self, user):
        return any_of(is_organiser(user), chairs(user))

    def rule_manage(self, user):
        """Setting panels, sheets, judges and contestants up."""
        return is_organiser(user)


panels = PanelPolicy(Panel)


def register() -> None:
    """Called from HomeConfig.ready()."""
    register_policy(Panel, panels)
