"""The voting pages: the ballot as radio cards for a signed-in person while voting
is open, the vote refused with its message and status (nothing stored), the
rate limit per person, the results hidden until the closing time and published
after it, and the organisers' live counts. In English and Chinese."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from home.events.voting.models import Vote
from home.events.voting.services import vote_cast

from .factories import ballot_with_options

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


def first(ballot):
    return ballot.options.order_by("sort_order").first()


def test_the_ballot_shows_each_option_as_a_radio_card(client, ballot, visitors):
    client.force_login(visitors[0])
    page = client.get(reverse("voting:ballot", args=[ballot.pk])).content.decode()
    assert page.count('type="radio" name="option"') == 2
    assert 'for="option-' in page  # the whole card is the radio's label
    assert "Li Wei" in page and "Wang Fang" in page
    assert "Voting is open until" in page


def test_the_anonymous_visitor_sees_the_options_and_a_sign_in_link(client, ballot):
    page = client.get(reverse("voting:ballot", args=[ballot.pk])).content.decode()
    assert "Sign in to vote" in page
    assert 'type="radio"' not in page


def test_a_vote_is_counted_and_the_page_says_so(client, ballot, visitors):
    client.force_login(visitors[0])
    response = client.post(
        reverse("voting:vote", args=[ballot.pk]), {"option": first(ballot).pk}
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "your vote is counted" in page
    assert "You voted for Li Wei" in page
    assert 'type="radio"' not in page
    assert Vote.objects.get().voter == visitors[0]


def test_a_second_vote_is_refused_with_409_and_changes_nothing(
    client, ballot, visitors
):
    vote_cast(user=visitors[0], ballot=ballot, option_id=first(ballot).pk)
    client.force_login(visitors[0])
    other = ballot.options.order_by("sort_order").last()
    response = client.post(
        reverse("voting:vote", args=[ballot.pk]), {"option": other.pk}
    )
    assert response.status_code == 409
    assert "each person votes once" in response.content.decode()
    assert list(Vote.objects.values_list("option", flat=True)) == [first(ballot).pk]


def test_no_choice_is_a_400_with_a_message(client, ballot, visitors):
    client.force_login(visitors[0])
    response = client.post(reverse("voting:vote", args=[ballot.pk]), {})
    assert response.status_code == 400
    assert "Choose one of this ballot" in response.content.decode()
    assert not Vote.objects.exists()


def test_voting_after_the_close_is_refused(client, event, visitors):
    ballot = ballot_with_options(event, opens=-3, closes=-1)
    client.force_login(visitors[0])
    response = client.post(
        reverse("voting:vote", args=[ballot.pk]), {"option": first(ballot).pk}
    )
    assert response.status_code == 409
    assert "Voting closed at" in response.content.decode()
    assert not Vote.objects.exists()


def test_too_many_sends_from_one_person_are_refused_with_429(
    client, event, visitors, settings
):
    """The limit is per person (a hall's audience shares one address): the
    sixth send in a minute is refused before the service is asked."""
    settings.VOTE_RATE_LIMIT = 5
    ballots = [ballot_with_options(event) for _ in range(6)]
    client.force_login(visitors[0])
    statuses = [
        client.post(
            reverse("voting:vote", args=[b.pk]), {"option": first(b).pk}
        ).status_code
        for b in ballots
    ]
    assert statuses == [302] * 5 + [429]
    assert Vote.objects.count() == 5
    client.force_login(visitors[1])  # the same address, another person
    response = client.post(
        reverse("voting:vote", args=[ballots[5].pk]), {"option": first(ballots[5]).pk}
    )
    assert response.status_code == 302


def test_the_anonymous_visitor_is_sent_to_sign_in_to_vote(client, ballot):
    response = client.post(
        reverse("voting:vote", args=[ballot.pk]), {"option": first(ballot).pk}
    )
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert not Vote.objects.exists()


def test_totals_are_hidden_while_voting_is_open(client, ballot, visitors):
    vote_cast(user=visitors[0], ballot=ballot, option_id=first(ballot).pk)
    page = client.get(reverse("voting:results", args=[ballot.pk])).content.decode()
    assert "published when voting closes" in page
    assert "1 vote" not in page
    ballot_page = client.get(reverse("voting:ballot", args=[ballot.pk]))
    assert "1 vote" not in ballot_page.content.decode()


def test_totals_are_published_once_voting_has_closed(client, event, visitors):
    ballot = ballot_with_options(event)
    for person in visitors[:3]:
        vote_cast(user=person, ballot=ballot, option_id=first(ballot).pk)
    ballot.closes_at = ballot.opens_at + (ballot.closes_at - ballot.opens_at) / 4
    ballot.save()  # closed a while ago
    assert ballot.has_closed()
    page = client.get(reverse("voting:results", args=[ballot.pk])).content.decode()
    assert "3 votes were cast" in page
    assert "Li Wei" in page and "100%" in page
    event_page = client.get(event.url).content.decode()
    assert reverse("voting:results", args=[ballot.pk]) in event_page


def test_the_results_page_in_chinese(client, event, visitors):
    ballot = ballot_with_options(event, opens=-3, closes=-1)
    page = client.get(
        "/zh-hans" + reverse("voting:results", args=[ballot.pk])
    ).content.decode()
    assert "观众最喜爱奖" in page
    assert "选手1" in page
    assert "投票已于" in page


def test_the_voting_page_in_chinese(client, ballot, visitors):
    client.force_login(visitors[0])
    page = client.get(
        "/zh-hans" + reverse("voting:ballot", args=[ballot.pk])
    ).content.decode()
    assert "观众最喜爱奖" in page
    assert "选手2" in page
    assert "投票" in page


def test_organisers_see_live_counts_while_voting_is_open(
    client, ballot, visitors, organiser
):
    vote_cast(user=visitors[0], ballot=ballot, option_id=first(ballot).pk)
    client.force_login(organiser)
    response = client.get(reverse("voting:counts", args=[ballot.pk]))
    assert response.status_code == 200
    assert "1 vote so far" in response.content.decode()
    ballot_page = client.get(reverse("voting:ballot", args=[ballot.pk]))
    assert reverse("voting:counts", args=[ballot.pk]) in ballot_page.content.decode()


@pytest.mark.parametrize("who", ["visitor", "steward"])
def test_nobody_else_sees_the_live_counts(client, ballot, visitors, steward, who):
    client.force_login(visitors[0] if who == "visitor" else steward)
    assert client.get(reverse("voting:counts", args=[ballot.pk])).status_code == 403


def test_a_draft_events_ballot_is_not_found(client, ballot, visitors):
    ballot.event.unpublish()
    client.force_login(visitors[0])
    assert client.get(reverse("voting:ballot", args=[ballot.pk])).status_code == 404
    response = client.post(
        reverse("voting:vote", args=[ballot.pk]), {"option": first(ballot).pk}
    )
    assert response.status_code == 404
    assert not Vote.objects.exists()


def test_the_event_page_lists_its_ballots_in_both_languages(client, ballot):
    page = client.get(ballot.event.url).content.decode()
    assert "Audience award" in page
    assert reverse("voting:ballot", args=[ballot.pk]) in page


def test_an_option_links_its_published_profile_and_no_draft(
    client, ballot, profile_index
):
    from tests.home.factories import CraftsmanProfilePageFactory

    live = CraftsmanProfilePageFactory(parent=profile_index["en"], slug="li-wei")
    draft = CraftsmanProfilePageFactory(
        parent=profile_index["en"], slug="wang-fang", live=False
    )
    first_option, second_option = ballot.options.order_by("sort_order")
    first_option.profile, second_option.profile = live, draft
    first_option.save()
    second_option.save()
    page = client.get(reverse("voting:ballot", args=[ballot.pk])).content.decode()
    assert live.url in page
    assert "/wang-fang/" not in page
