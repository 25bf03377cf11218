"""1,000 votes from 1,000 different people at the same moment, on PostgreSQL, 100 of
them sending their vote twice at once: exactly 1,000 votes are counted, nobody has
two, every second send is refused with the "voted once" message, and no call fails
otherwise. The unique constraint (ballot, voter) holds what the service's check
cannot see between two simultaneous sends."""

from __future__ import annotations

from collections import Counter

import pytest
from django.db.models import Count

from home.events.models import EventIndexPage, Vote
from home.events.voting.selectors import tally
from home.events.voting.services import vote_cast
from home.models import HomePage
from lms.errors import DomainError
from tests.home.events.factories import EventPageFactory, ballot_with_options
from tests.lms.factories import UserFactory
from tests.services.test_event_reservations import _all_at_once

pytestmark = pytest.mark.services

PEOPLE, DOUBLES, OPTIONS = 1000, 100, 8


def _ballot():
    home = HomePage.objects.get(locale__language_code="en", depth=2)
    index = EventIndexPage(title="Events", slug="events")
    home.add_child(instance=index)
    event = EventPageFactory(parent=index)
    return ballot_with_options(
        event, names=[f"Presenter {n}" for n in range(OPTIONS)], closes=2
    )


def _voting(person, option_id, ballot):
    def call():
        try:
            return vote_cast(user=person, ballot=ballot, option_id=option_id)
        except DomainError as refused:
            return refused.code

    return call


@pytest.mark.django_db(transaction=True)
def test_1000_votes_at_once_count_each_person_once(
    services_env, django_db_serialized_rollback
):
    ballot = _ballot()
    options = list(ballot.options.order_by("sort_order").values_list("pk", flat=True))
    people = [UserFactory() for _ in range(PEOPLE)]
    chosen = {p.pk: options[n % OPTIONS] for n, p in enumerate(people)}
    second = {p.pk: options[-1 - n % OPTIONS] for n, p in enumerate(people[:DOUBLES])}
    calls = [_voting(p, chosen[p.pk], ballot) for p in people] + [
        _voting(p, second[p.pk], ballot) for p in people[:DOUBLES]
    ]
    answers, errors, took = _all_at_once(calls)
    print(f"1,100 votes answered in {took:.1f} s")  # noqa: T201 - measured
    assert errors == []
    refused = Counter(a for a in answers if isinstance(a, str))
    assert refused == {"voted": DOUBLES}
    votes = Vote.objects.filter(ballot=ballot)
    assert votes.count() == PEOPLE
    doubled = votes.values("voter").annotate(n=Count("id")).filter(n__gt=1)
    assert list(doubled) == []
    # Whichever of a double's two sends won, it is one of the two the person sent.
    for vote in votes.filter(voter_id__in=list(second)):
        assert vote.option_id in {chosen[vote.voter_id], second[vote.voter_id]}
    _options, total = tally(ballot=ballot)
    assert total == PEOPLE
