"""The coordinator's agreement list: search, status filter, totals per status that
link to their filter, scoped by the agreement policy, at a fixed query count."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mentorship.models import Agreement
from tests.lms.factories import OccupationFactory, UserFactory

from .factories import AgreementFactory, coordinator, mentor

pytestmark = pytest.mark.django_db
LIST = reverse("mentorship:agreement_list")


def listed(client, **params) -> str:
    response = client.get(LIST, params)
    assert response.status_code == 200
    return response.content.decode()


def rows(html: str) -> int:
    return len(re.findall(r"<tr>\s*<td><a href=", html))


def totals(html: str) -> dict[str, int]:
    """The count shown beside each status link of the totals bar."""
    bar = html[html.index('class="tag-filter agreement-totals"') :]
    bar = bar[: bar.index("</nav>")]
    found = re.findall(r'status=(\w+)"[^>]*>[^<]*<strong class="n">(\d+)', bar)
    return {status: int(n) for status, n in found}


@pytest.fixture
def boss():
    return coordinator()


def test_search_finds_apprentice_mentor_or_occupation(client, boss):
    welder = AgreementFactory(
        coordinator=boss, apprentice=UserFactory(display_name="Wang Hanjie")
    )
    fitter = AgreementFactory(coordinator=boss, mentor=mentor(display_name="Li Shifu"))
    robot = AgreementFactory(
        coordinator=boss,
        occupation=OccupationFactory(name="Robot operator", name_zh="机器人操作员"),
    )
    client.force_login(boss)
    for text, expected in (
        ("hanjie", welder),
        ("li shifu", fitter),
        ("机器人", robot),
    ):
        html = listed(client, q=text)
        assert rows(html) == 1, text
        assert str(expected.mentor) in html
    assert rows(listed(client, q="nobody at all")) == 0
    assert "No agreements match this search." in listed(client, q="nobody at all")


def test_status_filter_and_search_combine(client, boss):
    named = UserFactory(display_name="Zhao Ming")
    AgreementFactory(coordinator=boss, apprentice=named)
    draft = AgreementFactory(
        coordinator=boss,
        apprentice=UserFactory(display_name="Zhao Lei"),
        status="draft",
    )
    AgreementFactory(coordinator=boss, status="draft")
    client.force_login(boss)
    html = listed(client, q="zhao", status="draft")
    assert rows(html) == 1 and str(draft.apprentice) in html
    assert rows(listed(client, status="draft")) == 2
    assert rows(listed(client, status="bogus")) == 3  # an unknown status: all


def test_totals_match_the_database_and_link_to_their_filter(client, boss):
    for status in ("draft", "draft", "completed"):
        AgreementFactory(coordinator=boss, status=status)
    qian = UserFactory(display_name="Qian Xuetu")
    AgreementFactory(coordinator=boss, status="active", apprentice=qian)
    AgreementFactory(status="active")  # another coordinator's: not counted
    client.force_login(boss)
    html = listed(client)
    mine = Agreement.objects.filter(coordinator=boss)
    expected = {
        value: mine.filter(status=value).count() for value in Agreement.Status.values
    }
    assert totals(html) == expected
    assert re.search(r'href="\?status=draft"[^>]*>', html)
    assert re.search(r">All <strong>4</strong>", html)
    # with a search, the totals count only what matches
    searched = totals(listed(client, q="qian xuetu"))
    assert searched["active"] == 1 and searched["draft"] == 0


def test_a_mentor_sees_only_their_own_agreements_in_list_and_totals(client, boss):
    own = AgreementFactory(coordinator=boss, status="active")
    AgreementFactory(coordinator=boss, status="active")
    client.force_login(own.mentor)
    html = listed(client)
    assert rows(html) == 1 and totals(html)["active"] == 1


def _queries(client, user, **params) -> int:
    client.get(LIST, params)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(LIST, params).status_code == 200
    return len(captured)


def test_list_costs_the_same_queries_for_2_and_20_agreements(client, boss):
    for _ in range(2):
        AgreementFactory(coordinator=boss)
    client.force_login(boss)
    few = _queries(client, boss), _queries(client, boss, q="Person", status="active")
    for _ in range(18):
        AgreementFactory(coordinator=boss)
    many = _queries(client, boss), _queries(client, boss, q="Person", status="active")
    assert rows(listed(client)) == 20
    assert few == many
