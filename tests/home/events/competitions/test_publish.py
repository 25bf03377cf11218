"""The practical round is a judging panel of the entries; rankings are published
only after its sign-off, once; placings within the rule count on the winners'
ladders and get a placing certificate that verifies like the others."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from home.events.competitions.models import CompetitionPlacing
from home.events.competitions.services import (
    competition_entry_create,
    competition_practical_panel_create,
    competition_publish,
)
from lms.certification.selectors import ladder_for
from lms.errors import DomainError, PermissionDenied
from lms.models import SkillCertificate, SkillLevel
from tests.home.events.judging import factories as jf
from tests.lms.certification.factories import SkillCertificateFactory

from .helpers import practical_round, sign_off

pytestmark = pytest.mark.django_db


@pytest.fixture
def entered(hr_user, competition, workers):
    competition.placings_count = 2
    competition.save()
    for worker in workers:
        competition_entry_create(user=hr_user, competition=competition, worker=worker)
    return competition


@pytest.fixture
def scored(entered):
    """Practical (of 30 points): 10+10·2=30, 9·2+9=27, 5·2+5=15 → 100, 90, 50 %."""
    panel = practical_round(entered, points=[(10, 10), (9, 9), (5, 5)])
    entered.refresh_from_db()
    return entered, panel


def test_the_panel_has_the_entrants_and_closes_the_entries(scored, hr_user):
    competition, panel = scored
    names = [c.display_name for c in panel.contestants.order_by("sort_order")]
    assert names == [e.worker.get_full_name() for e in competition.entries.all()]
    assert not competition.entries_open()
    with pytest.raises(DomainError) as refused:
        competition_practical_panel_create(
            user=competition.organiser,
            competition=competition,
            sheet=jf.sheet(),
            chair=jf.chair_user(),
            judges=[jf.judge_user()],
        )
    assert refused.value.code == "panel_exists"


def test_publishing_before_the_sign_off_is_refused_and_changes_nothing(scored):
    competition, panel = scored
    with pytest.raises(DomainError) as refused:
        competition_publish(user=competition.organiser, competition=competition)
    assert refused.value.code == "not_signed_off"
    competition.refresh_from_db()
    assert competition.published_at is None
    assert not CompetitionPlacing.objects.exists()
    assert not SkillCertificate.objects.exists()


def test_only_the_organiser_publishes(scored, hr_user, learner):
    competition, panel = scored
    sign_off(panel)
    for someone in (hr_user, learner, panel.chair):
        with pytest.raises(PermissionDenied):
            competition_publish(user=someone, competition=competition)
    assert not CompetitionPlacing.objects.exists()


def test_published_rankings_combine_theory_and_practical(scored, workers):
    competition, panel = scored
    sign_off(panel)
    placings = competition_publish(user=competition.organiser, competition=competition)
    # No theory quiz set: theory 0; practical weighs 70 %.
    assert [(p.entry.worker, p.rank, p.combined_score) for p in placings] == [
        (workers[0], 1, Decimal("70.00")),
        (workers[1], 2, Decimal("63.00")),
        (workers[2], 3, Decimal("35.00")),
    ]
    assert placings[1].practical_score == Decimal("90.00")
    with pytest.raises(DomainError) as again:
        competition_publish(user=competition.organiser, competition=competition)
    assert again.value.code == "already_published"
    assert CompetitionPlacing.objects.count() == 3


def test_placings_within_the_rule_get_a_placing_certificate(scored, workers):
    competition, panel = scored
    sign_off(panel)
    first, second, third = competition_publish(
        user=competition.organiser, competition=competition
    )
    assert third.certificate is None and third.may_apply_for is None
    certificate = first.certificate
    assert certificate.kind == SkillCertificate.Kind.PLACING
    assert certificate.holder == workers[0]
    assert certificate.occupation == competition.occupation
    assert "1st place" in certificate.evidence_detail
    assert "第一名" in certificate.evidence_detail
    assert second.certificate.number != certificate.number


def test_the_placing_is_on_the_winners_ladder_one_level_up(scored, workers):
    competition, panel = scored
    SkillCertificateFactory(
        holder=workers[0],
        occupation=competition.occupation,
        level=SkillLevel.INTERMEDIATE_WORKER,
        issued_on=timezone.localdate() - datetime.timedelta(days=30),
    )
    sign_off(panel)
    competition_publish(user=competition.organiser, competition=competition)
    (step,) = ladder_for(person=workers[0])
    # The placing certificate holds no level: the held level is still the old one.
    assert step.held_level == SkillLevel.INTERMEDIATE_WORKER
    assert step.next_level == SkillLevel.SENIOR_WORKER
    assert step.eligible
    (evidence,) = step.evidence
    assert evidence.level == SkillLevel.SENIOR_WORKER
    assert evidence.text.startswith("1st place, " + competition.name)
    assert "may apply for Level 3 / Senior worker" in evidence.text
    # Outside the rule (third of two placings): nothing on the ladder.
    assert ladder_for(person=workers[2]) == []


def test_the_placing_certificate_verifies_in_both_languages(client, scored):
    competition, panel = scored
    sign_off(panel)
    (first, *_rest) = competition_publish(
        user=competition.organiser, competition=competition
    )
    code = first.certificate.verification_code
    page = client.get(reverse("certification:verify", args=[code]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Competition placing certificate" in text
    assert "1st place, " + competition.name in text
    page = client.get("/zh-hans" + reverse("certification:verify", args=[code]))
    assert "竞赛名次证书" in page.content.decode()
    assert "第一名，" + competition.name_zh in page.content.decode()


def test_the_winners_ladder_page_shows_the_placing(client, scored, workers):
    competition, panel = scored
    sign_off(panel)
    competition_publish(user=competition.organiser, competition=competition)
    client.force_login(workers[0])
    page = client.get(reverse("certification:mine")).content.decode()
    assert "1st place, " + competition.name in page
    assert reverse("competitions:detail", args=[competition.pk]) in page
