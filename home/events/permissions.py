"""The permission policies of event records (``lms.permissions.RulePolicy``): one
rule per action answers both "may this user do this to this record" and "which
records may this user see". Registered in ``HomeConfig.ready()``."""

from __future__ import annotations

from django.db.models import Q

from home.events.models import EventSession, Reservation
from lms.permissions import RulePolicy, has_role, is_staff, register_policy
from lms.roles import Role


def is_organiser(user) -> bool:
    return is_staff(user) or has_role(user, Role.ORGANISER)


def is_door_staff(user) -> bool:
    """Stewards check visitors in; organisers may stand at the door too."""
    return is_organiser(user) or has_role(user, Role.STEWARD)


class EventSessionPolicy(RulePolicy):
    def rule_reserve(self, user):
        """Every signed-in person may ask for a seat (capacity is the service's)."""
        return True

    def rule_check_in(self, user):
        return is_door_staff(user)

    def rule_view_counts(self, user):
        """Reserved, waiting and checked-in counts: organisers, and stewards who
        pick the session they stand at the door of."""
        return is_door_staff(user)


class ReservationPolicy(RulePolicy):
    def rule_view(self, user):
        """The visitor's own ticket; organisers see every reservation."""
        return True if is_organiser(user) else Q(user=user)

    def rule_cancel(self, user):
        return True if is_organiser(user) else Q(user=user)


sessions = EventSessionPolicy(EventSession)
reservations = ReservationPolicy(Reservation)


def register() -> None:
    """Called from HomeConfig.ready()."""
    from home.events.voting.permissions import ballots, votes

    for policy in (sessions, reservations, ballots, votes):
        register_policy(policy.model, policy)
