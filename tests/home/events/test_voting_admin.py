"""Organisers set audience votes in the Wagtail admin: a ballot with its options
inline. Once people have voted, an option with votes is not removed and the opening
time is not moved; the form says why and nothing is saved."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.events.voting.models import Ballot, VoteOption
from home.events.voting.services import vote_cast

pytestmark = pytest.mark.django_db


def _when(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def ballot_form(event, options, *, opens_at, closes_at, initial=0) -> dict:
    return nested_form_data(
        {
            "event": event.pk,
            "title": "Audience award",
            "title_zh": "观众最喜爱奖",
            "intro": "",
            "intro_zh": "",
            "opens_at": _when(opens_at),
            "closes_at": _when(closes_at),
            "options": inline_formset(options, initial=initial),
        }
    )


def test_an_organiser_adds_a_ballot_with_its_options(client, organiser, event):
    client.force_login(organiser)
    url = reverse("ballots:add")
    assert client.get(url).status_code == 200
    now = timezone.now()
    options = [
        {"name": "Li Wei", "name_zh": "李伟", "profile": "", "achievement": ""},
        {"name": "Wang Fang", "name_zh": "王芳", "profile": "", "achievement": ""},
    ]
    response = client.post(
        url,
        ballot_form(
            event, options, opens_at=now, closes_at=now + datetime.timedelta(days=1)
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    ballot = Ballot.objects.get()
    assert ballot.event == event
    assert list(ballot.options.values_list("name_zh", flat=True)) == ["李伟", "王芳"]


def test_a_closing_time_before_the_opening_is_refused(client, organiser, event):
    client.force_login(organiser)
    now = timezone.now()
    options = [
        {"name": n, "name_zh": "", "profile": "", "achievement": ""} for n in "AB"
    ]
    response = client.post(
        reverse("ballots:add"),
        ballot_form(
            event, options, opens_at=now, closes_at=now - datetime.timedelta(hours=1)
        ),
    )
    assert response.status_code == 200
    assert not Ballot.objects.exists()


def test_people_without_the_role_may_not_edit_ballots(client, visitors, steward):
    for person in (visitors[0], steward):
        client.force_login(person)
        assert client.get(reverse("ballots:index")).status_code == 302
    client.logout()


def _rows(ballot, **delete):
    return [
        {
            "id": o.pk,
            "name": o.name,
            "name_zh": o.name_zh,
            "profile": "",
            "achievement": "",
            **({"DELETE": "1"} if o.pk in delete.get("ids", ()) else {}),
        }
        for o in ballot.options.order_by("sort_order")
    ]


def test_an_option_with_votes_is_not_removed(client, organiser, ballot, visitors):
    voted = ballot.options.order_by("sort_order").first()
    vote_cast(user=visitors[0], ballot=ballot, option_id=voted.pk)
    client.force_login(organiser)
    data = ballot_form(
        ballot.event,
        _rows(ballot, ids=[voted.pk]),
        opens_at=ballot.opens_at,
        closes_at=ballot.closes_at,
        initial=2,
    )
    response = client.post(reverse("ballots:edit", args=[ballot.pk]), data)
    assert response.status_code == 200
    assert "has 1 vote: it stays on the ballot" in response.content.decode()
    assert VoteOption.objects.filter(pk=voted.pk).exists()


def test_the_opening_time_stays_once_people_voted(client, organiser, ballot, visitors):
    vote_cast(user=visitors[0], ballot=ballot, option_id=ballot.options.first().pk)
    client.force_login(organiser)
    later = ballot.opens_at + datetime.timedelta(minutes=30)
    data = ballot_form(
        ballot.event,
        _rows(ballot),
        opens_at=later,
        closes_at=ballot.closes_at,
        initial=2,
    )
    response = client.post(reverse("ballots:edit", args=[ballot.pk]), data)
    assert response.status_code == 200
    assert "the opening time stays as it was" in response.content.decode()
    assert Ballot.objects.get().opens_at == ballot.opens_at


def test_the_closing_time_may_be_extended_while_open(
    client, organiser, ballot, visitors
):
    vote_cast(user=visitors[0], ballot=ballot, option_id=ballot.options.first().pk)
    client.force_login(organiser)
    later = ballot.closes_at + datetime.timedelta(hours=2)
    data = ballot_form(
        ballot.event,
        _rows(ballot),
        opens_at=ballot.opens_at,
        closes_at=later,
        initial=2,
    )
    response = client.post(reverse("ballots:edit", args=[ballot.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Ballot.objects.get().closes_at.replace(second=0, microsecond=0) == (
        later.replace(second=0, microsecond=0)
    )
