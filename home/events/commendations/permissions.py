"""The permission policies of commendations (``lms.permissions.RulePolicy``), shaped
like ``home/events/permissions.py``: union coordinators nominate the members of
their unions' enterprises, committee members review, the committee or an organiser
selects, organisers close nominations and publish. Registered in
``HomeConfig.ready()``."""

from __future__ import annotations

from django.db.models import Q

from home.events.commendations.models import Commendation, Nomination
from home.events.permissions import is_organiser
from lms.permissions import RulePolicy, any_of, is_staff, register_policy, values_of
from lms.policies import coordinated_union_ids


def committee_of(user):
    """The commendations whose committee the user sits on (a subquery for rules)."""
    cached = getattr(user, "_home_committees", None)
    if cached is None:
        cached = values_of(
            Commendation.committee.through.objects.filter(user_id=user.pk).values_list(
                "commendation_id", flat=True
            )
        )
        user._home_committees = cached
    return cached


def nominating_union_ids(user) -> frozenset[int] | None:
    """The unions the user may nominate for: those they coordinate; ``None`` for
    staff (any union)."""
    return None if is_staff(user) else coordinated_union_ids(user)


class CommendationPolicy(RulePolicy):
    def rule_nominate(self, user):
        """Union coordinators (for the members of their unions' enterprises) and
        staff; the window and the status are the service's."""
        return is_staff(user) or bool(coordinated_union_ids(user))

    def rule_view_nominations(self, user):
        """The working list: organisers and staff all, committee members their
        commendations', coordinators their own unions' nominations."""
        if is_organiser(user) or coordinated_union_ids(user):
            return True
        return Q(pk__in=committee_of(user))

    def rule_review(self, user):
        """Committee members, each on their own commendation."""
        return Q(pk__in=committee_of(user))

    def rule_select(self, user):
        """The committee, or an organiser."""
        return True if is_organiser(user) else Q(pk__in=committee_of(user))

    def rule_manage(self, user):
        """Close nominations and publish the list: organisers and staff."""
        return is_organiser(user)


class NominationPolicy(RulePolicy):
    def rule_view(self, user):
        """Organisers and staff every nomination, committee members those of their
        commendations, coordinators their unions'."""
        if is_organiser(user):
            return True
        unions = coordinated_union_ids(user)
        return any_of(
            Q(commendation_id__in=committee_of(user)),
            Q(union_id__in=unions) if unions else False,
        )

    def rule_review(self, user):
        return Q(commendation_id__in=committee_of(user))


commendations = CommendationPolicy(Commendation)
nominations = NominationPolicy(Nomination)


def register() -> None:
    """Called from HomeConfig.ready()."""
    for policy in (commendations, nominations):
        register_policy(policy.model, policy)
