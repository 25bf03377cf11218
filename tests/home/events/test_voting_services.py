"""Casting a vote (``home.events.voting.services.vote_cast``): a verified person
votes once per ballot while it is open; every refusal has a message a person can
read and stores nothing. The totals count one vote per person."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from home.events.voting import selectors
from home.events.voting.models import Vote
from home.events.voting.services import vote_cast, votes_anonymise
from lms.errors import DomainError, PermissionDenied
from tests.lms.factories import UserFactory

from .factories import ballot_with_options

pytestmark = pytest.mark.django_db


def _option(ballot, n=0):
    return ballot.options.order_by("sort_order")[n]


def refused(code, **kwargs):
    with pytest.raises(DomainError) as caught:
        vote_cast(**kwargs)
    assert caught.value.code == code
    assert str(caught.value.message)
    return caught.value


def test_a_verified_person_votes_once(ballot, visitors):
    vote = vote_cast(user=visitors[0], ballot=ballot, option_id=_option(ballot).pk)
    assert (vote.ballot, vote.option, vote.voter) == (
        ballot,
        _option(ballot),
        visitors[0],
    )


def test_a_second_vote_is_refused_and_the_first_stands(ballot, visitors):
    """Even for another option: one vote per person per ballot."""
    vote_cast(user=visitors[0], ballot=ballot, option_id=_option(ballot).pk)
    error = refused(
        "voted", user=visitors[0], ballot=ballot, option_id=_option(ballot, 1).pk
    )
    assert "once" in error.message
    assert list(Vote.objects.values_list("option", flat=True)) == [_option(ballot).pk]


def test_the_database_keeps_one_vote_per_person_per_ballot(ballot, visitors):
    """The unique constraint (ballot, voter) holds without the service's check."""
    Vote.objects.create(ballot=ballot, option=_option(ballot), voter=visitors[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(ballot=ballot, option=_option(ballot, 1), voter=visitors[0])


def test_the_same_person_votes_once_in_each_of_two_ballots(event, ballot, visitors):
    other = ballot_with_options(event, names=("Zhang Min", "Zhao Lei"))
    vote_cast(user=visitors[0], ballot=ballot, option_id=_option(ballot).pk)
    vote_cast(user=visitors[0], ballot=other, option_id=_option(other).pk)
    assert Vote.objects.filter(voter=visitors[0]).count() == 2


def test_before_the_opening_time_a_vote_is_refused(event, visitors):
    ballot = ballot_with_options(event, opens=1, closes=2)
    error = refused(
        "not_open", user=visitors[0], ballot=ballot, option_id=_option(ballot).pk
    )
    assert "opens" in error.message
    assert not Vote.objects.exists()


def test_after_the_closing_time_a_vote_is_refused(event, visitors):
    ballot = ballot_with_options(event, opens=-3, closes=-1)
    error = refused(
        "closed", user=visitors[0], ballot=ballot, option_id=_option(ballot).pk
    )
    assert "closed" in error.message
    assert not Vote.objects.exists()


def test_a_person_without_a_confirmed_address_or_number_may_not_vote(ballot):
    person = UserFactory(verified=False)
    error = refused("unverified", user=person, ballot=ballot, option_id=1)
    assert "confirm" in error.message
    assert not Vote.objects.exists()


def test_a_confirmed_mobile_number_is_enough(ballot):
    person = UserFactory(verified=False, email=None, phone="+8613900000001")
    person.phone_verified = True
    person.save(update_fields=["phone_verified"])
    vote_cast(user=person, ballot=ballot, option_id=_option(ballot).pk)
    assert Vote.objects.filter(voter=person).exists()


def test_the_anonymous_visitor_is_told_to_sign_in(ballot):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        vote_cast(user=AnonymousUser(), ballot=ballot, option_id=_option(ballot).pk)


def test_an_option_of_another_ballot_is_refused(event, ballot, visitors):
    other = ballot_with_options(event, names=("Zhang Min", "Zhao Lei"))
    refused(
        "not_an_option", user=visitors[0], ballot=ballot, option_id=_option(other).pk
    )
    assert not Vote.objects.exists()


@pytest.mark.parametrize("sent", [None, "", "abc", "999999"])
def test_a_missing_or_unknown_option_is_refused(ballot, visitors, sent):
    refused("not_an_option", user=visitors[0], ballot=ballot, option_id=sent)
    assert not Vote.objects.exists()


def test_the_tally_ranks_options_by_votes_with_shared_ranks_for_ties(event, visitors):
    ballot = ballot_with_options(event, names=("A", "B", "C"))
    a, b, c = ballot.options.order_by("sort_order")
    for person, option in zip(visitors, [b, b, c, a], strict=True):
        vote_cast(user=person, ballot=ballot, option_id=option.pk)
    options, total = selectors.tally(ballot=ballot)
    assert total == 4
    assert [(o.name, o.votes_count, o.rank, o.share) for o in options] == [
        ("B", 2, 1, 50),
        ("A", 1, 2, 25),
        ("C", 1, 2, 25),
    ]


def test_an_erased_persons_vote_still_counts_without_their_name(ballot, visitors):
    vote_cast(user=visitors[0], ballot=ballot, option_id=_option(ballot).pk)
    votes_anonymise(user=visitors[0])
    visitors[0].delete()
    assert Vote.objects.get().voter is None
    assert selectors.tally(ballot=ballot)[1] == 1


def test_a_ballot_closes_at_its_closing_time_not_before(ballot):
    assert ballot.is_open() and not ballot.has_closed()
    at_close = ballot.closes_at
    assert ballot.has_closed(at_close)
    assert not ballot.is_open(at_close)
    assert ballot.is_open(at_close - datetime.timedelta(seconds=1))
    assert not ballot.is_open(ballot.opens_at - datetime.timedelta(seconds=1))
    assert timezone.now() < at_close


def test_a_persons_votes_are_in_their_data_and_erased_with_it(ballot, visitors):
    from home.events.personal_data import erase_events, export_events

    vote_cast(user=visitors[0], ballot=ballot, option_id=_option(ballot).pk)
    exported = export_events(visitors[0])["event_votes"]
    assert [(v["vote"], v["option"]) for v in exported] == [
        ("Audience award", "Li Wei")
    ]
    erase_events(visitors[0])
    assert not Vote.objects.filter(voter=visitors[0]).exists()
    assert Vote.objects.count() == 1
