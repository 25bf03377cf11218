"""The competition page (public, both languages), the enterprise's entry form and
the organiser's view: thin views over the services, answers per role."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from home.events.competitions.models import CompetitionEntry
from home.events.competitions.services import (
    competition_entry_create,
    competition_publish,
)
from lms.roles import Role
from tests.lms.factories import UserFactory

from .factories import EntryFactory
from .helpers import practical_round, sign_off

pytestmark = pytest.mark.django_db


def url(name, competition):
    return reverse(f"competitions:{name}", args=[competition.pk])


def test_the_public_page_shows_occupation_rounds_and_entrants(client, competition):
    EntryFactory(competition=competition)
    EntryFactory(competition=competition)
    page = client.get(url("detail", competition))
    assert page.status_code == 200
    text = page.content.decode()
    assert competition.name in text and competition.occupation.name in text
    assert "Theory round" in text and "Practical round" in text
    assert "30 % of the combined score" in text
    assert "Places 1 to 3 may apply for one skill level up." in text
    assert "<dd>2</dd>" in text  # entrants
    assert "The rankings are published once" in text


def test_the_page_reads_in_chinese(client, competition):
    page = client.get("/zh-hans" + url("detail", competition)).content.decode()
    assert competition.name_zh in page
    assert "理论赛" in page and "实操赛" in page
    assert "第1名至第3名可申报高一级技能等级。" in page


def test_published_rankings_show_on_the_page_with_certificate_links(
    client, hr_user, competition, workers
):
    for worker in workers:
        competition_entry_create(user=hr_user, competition=competition, worker=worker)
    panel = practical_round(competition, points=[(10, 10), (9, 9), (5, 5)])
    sign_off(panel)
    competition.refresh_from_db()
    first, *_rest = competition_publish(
        user=competition.organiser, competition=competition
    )
    text = client.get(url("detail", competition)).content.decode()
    assert workers[0].get_full_name() in text
    assert "<strong>70</strong>" in text  # combined score
    verify = reverse("certification:verify", args=[first.certificate.verification_code])
    assert verify in text
    chinese = client.get("/zh-hans" + url("detail", competition)).content.decode()
    assert "已发布的排名" in chinese and "查验名次证书" in chinese


def test_hr_enters_a_worker_through_the_form(client, hr_user, competition, workers):
    client.force_login(hr_user)
    form = client.get(url("enter", competition))
    assert form.status_code == 200
    assert workers[0].get_full_name() in form.content.decode()
    sent = client.post(url("enter", competition), {"worker": workers[0].pk})
    assert sent.status_code == 302
    assert CompetitionEntry.objects.filter(worker=workers[0]).count() == 1
    # Entered: no longer offered; sending it again is a form error.
    again = client.post(url("enter", competition), {"worker": workers[0].pk})
    assert again.status_code == 400
    assert "not entered yet" in again.content.decode()
    assert CompetitionEntry.objects.count() == 1


def test_another_enterprises_worker_is_not_offered(
    client, hr_user, competition, other_worker
):
    client.force_login(hr_user)
    sent = client.post(url("enter", competition), {"worker": other_worker.pk})
    assert sent.status_code == 400
    assert not CompetitionEntry.objects.exists()


def test_after_the_window_the_form_says_entries_are_closed(
    client, hr_user, competition, workers
):
    competition.entries_close_at = timezone.now() - datetime.timedelta(minutes=1)
    competition.save()
    client.force_login(hr_user)
    page = client.get(url("enter", competition)).content.decode()
    assert "Entries to this competition are closed." in page
    sent = client.post(url("enter", competition), {"worker": workers[0].pk})
    assert sent.status_code == 409
    assert not CompetitionEntry.objects.exists()


def test_people_without_an_enterprise_to_enter_for_are_refused(client, competition):
    client.force_login(UserFactory(roles=[Role.LEARNER]))
    assert client.get(url("enter", competition)).status_code == 403
    client.force_login(competition.organiser)
    assert client.get(url("enter", competition)).status_code == 403


def test_only_this_competitions_organiser_sees_the_organisers_view(client, competition):
    client.force_login(UserFactory(roles=[Role.ORGANISER]))
    assert client.get(url("manage", competition)).status_code == 403
    client.force_login(competition.organiser)
    page = client.get(url("manage", competition))
    assert page.status_code == 200
    assert "Publish the rankings" in page.content.decode()


def test_publishing_before_the_sign_off_says_why_and_changes_nothing(
    client, competition
):
    client.force_login(competition.organiser)
    sent = client.post(url("publish", competition), follow=True)
    assert "has not signed off its results" in sent.content.decode()
    competition.refresh_from_db()
    assert competition.published_at is None
