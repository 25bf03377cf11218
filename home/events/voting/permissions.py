"""Who may vote and who sees the counts (``lms.permissions.RulePolicy``),
registered with the events' policies in ``home.events.permissions.register``."""

from __future__ import annotations

from django.db.models import Q

from home.events.voting.models import Ballot, Vote
from lms.permissions import RulePolicy, has_role, is_staff
from lms.roles import Role


def is_organiser(user) -> bool:
    return is_staff(user) or has_role(user, Role.ORGANISER)


class BallotPolicy(RulePolicy):
    def rule_vote(self, user):
        """Every signed-in person may try; being verified, the times and one vote
        per person are the service's rules."""
        return True

    def rule_view_counts(self, user):
        """The live counts while voting is open: the organisers (everyone sees the
        totals once it has closed)."""
        return is_organiser(user)


class VotePolicy(RulePolicy):
    def rule_view(self, user):
        """A person sees their own vote; nobody sees who voted for whom."""
        return Q(voter=user)


ballots = BallotPolicy(Ballot)
votes = VotePolicy(Vote)
