"""A profile linked to a mentor's account shows live figures from the mentorship and
courses apps: they change as soon as the mentor's work is recorded. (Production's
anonymous page cache serves a visitor's copy of the profile for up to
ANON_PAGE_CACHE_SECONDS, five minutes: these tests read the rendered page, so it is
off here whatever PRODUCTION_CACHES says.)"""

import datetime

import pytest
from django.utils import timezone

from mentorship.services.sessions import guidance_session_confirm, guidance_session_log
from tests.courses.factories import course
from tests.home.factories import CraftsmanProfilePageFactory
from tests.mentorship.factories import AgreementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _rendered_pages(settings):
    settings.ANON_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def agreement(mentor):
    return AgreementFactory(mentor=mentor)


@pytest.fixture
def profile(profile_index, mentor):
    return CraftsmanProfilePageFactory(parent=profile_index["en"], user=mentor)


def _figures(client, profile) -> dict:
    response = client.get(profile.url)
    assert response.status_code == 200
    return response.context["live_figures"]


def test_figures_change_when_the_mentor_logs_and_the_apprentice_confirms_a_session(
    client, profile, agreement, mentor
):
    before = _figures(client, profile)
    assert before["apprentices_mentored"] == 1
    assert before["guidance_hours"] == 0

    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    session = guidance_session_log(
        agreement=agreement,
        mentor=mentor,
        date=yesterday,
        start_time=datetime.time(9, 0),
        end_time=datetime.time(10, 30),
        topics="Welding-robot teach pendant",
    )
    guidance_session_confirm(session=session, apprentice=agreement.apprentice)

    after = _figures(client, profile)
    assert float(after["guidance_hours"]) == 1.5
    assert "1.5" in client.get(profile.url).text


def test_profile_lists_the_courses_the_mentor_teaches(client, profile, mentor):
    course(title="Welding-robot basics", instructors=[mentor])
    response = client.get(profile.url)
    assert [c.title for c in response.context["courses"]] == ["Welding-robot basics"]
    assert "Welding-robot basics" in response.text


def test_profile_without_an_account_shows_no_live_figures(client, profile_index):
    profile = CraftsmanProfilePageFactory(parent=profile_index["en"])
    response = client.get(profile.url)
    assert response.context["live_figures"] is None
    assert "Mentoring on the platform" not in response.text


def test_a_figure_of_zero_is_not_shown(client, profile, agreement):
    """No advertised zeros: one apprentice and no hours yet shows the apprentice
    figure only."""
    html = client.get(profile.url).text
    assert "apprentice mentored" in html
    assert "of guidance" not in html
    assert "solved" not in html
