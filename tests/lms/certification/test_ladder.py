"""The skill-level ladder reads the facts other apps provide and says what is
missing for the next level."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from lms import providers
from lms.certification.selectors import ladder_for, workers_eligible
from lms.models import SkillLevel as L
from tests.lms.certification.factories import (
    LevelRequirementFactory,
    SkillCertificateFactory,
    hr_of,
    worker_of,
)
from tests.lms.factories import EnterpriseFactory, OccupationFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 6, 1)


@pytest.fixture
def facts(monkeypatch):
    """Stand-in providers, as the courses and mentorship apps would register."""
    state = {"courses": set(), "hours": Decimal(0), "signoffs": set()}
    for fact, key in (
        (providers.COMPLETED_COURSES, "courses"),
        (providers.TRAINING_HOURS, "hours"),
        (providers.MENTOR_SIGNOFFS, "signoffs"),
    ):
        batch = lambda users, key=key: {u.pk: state[key] for u in users}  # noqa: E731
        monkeypatch.setattr(fact, "providers", [batch])
    return state


def test_missing_items_are_listed_then_eligible_once_met(facts):
    occupation = OccupationFactory()
    certificate = SkillCertificateFactory(
        occupation=occupation,
        level=L.JUNIOR_WORKER,
        issued_on=TODAY - datetime.timedelta(days=400),
    )
    LevelRequirementFactory(
        occupation=occupation,
        level=L.INTERMEDIATE_WORKER,
        years_at_level_below=2,
        training_hours=40,
        mentor_signoff=True,
    )
    [step] = ladder_for(person=certificate.holder, today=TODAY)
    assert (step.held_level, step.next_level, step.eligible) == (
        L.JUNIOR_WORKER,
        L.INTERMEDIATE_WORKER,
        False,
    )
    assert len(step.missing) == 3  # years, hours, sign-off
    facts["hours"] = Decimal(40)
    facts["signoffs"] = {(occupation.pk, L.INTERMEDIATE_WORKER)}
    [step] = ladder_for(
        person=certificate.holder, today=TODAY + datetime.timedelta(days=400)
    )
    assert step.eligible and step.missing == []


def test_revoked_certificates_do_not_count_and_unpublished_levels_say_so(facts):
    certificate = SkillCertificateFactory(level=L.SENIOR_WORKER, revoked=True)
    assert ladder_for(person=certificate.holder, today=TODAY) == []
    held = SkillCertificateFactory(holder=certificate.holder, level=L.SENIOR_WORKER)
    [step] = ladder_for(person=held.holder, today=TODAY)
    assert step.next_level == L.TECHNICIAN and not step.eligible
    assert "not published" in step.missing[0]


def test_hr_sees_their_eligible_workers_only(facts):
    enterprise = EnterpriseFactory()
    hr = hr_of(enterprise)
    occupation = OccupationFactory()
    LevelRequirementFactory(occupation=occupation, level=L.INTERMEDIATE_WORKER)
    SkillCertificateFactory(
        holder=worker_of(enterprise), occupation=occupation, level=L.JUNIOR_WORKER
    )
    SkillCertificateFactory(
        holder=worker_of(EnterpriseFactory()),
        occupation=occupation,
        level=L.JUNIOR_WORKER,
    )
    rows = workers_eligible(user=hr)
    assert len(rows) == 1 and rows[0][1].next_level == L.INTERMEDIATE_WORKER


def test_my_certificates_page_shows_the_next_level_requirements_as_bars(facts, client):
    """The holder's own ladder ("My certificates") draws each requirement of the next
    level as a progress bar with what they have and what is needed."""
    occupation = OccupationFactory()
    certificate = SkillCertificateFactory(occupation=occupation, level=L.JUNIOR_WORKER)
    LevelRequirementFactory(
        occupation=occupation, level=L.INTERMEDIATE_WORKER, training_hours=40
    )
    facts["hours"] = Decimal(10)
    client.force_login(certificate.holder)
    page = client.get(reverse("certification:mine")).text
    assert '<progress class="" max="100" value="25">' in page
    assert "10 / 40" in page


def test_an_apprentice_climbs_to_level_5_counting_years_as_an_apprentice(facts):
    occupation = OccupationFactory()
    certificate = SkillCertificateFactory(
        occupation=occupation,
        level=L.APPRENTICE,
        issued_on=TODAY - datetime.timedelta(days=800),
    )
    LevelRequirementFactory(
        occupation=occupation, level=L.JUNIOR_WORKER, years_at_level_below=2
    )
    [step] = ladder_for(person=certificate.holder, today=TODAY)
    assert (step.held_level, step.next_level) == (L.APPRENTICE, L.JUNIOR_WORKER)
    assert step.eligible and step.bars[0].have == 2
    assert not step.next_is_appointed


def test_level_1_leads_to_special_grade_then_chief_appointed_by_the_enterprise(
    facts, client
):
    """After 一级 the ladder goes on to 特级技师 and 首席技师, both marked as
    appointed by the enterprise; 首席技师 is the top."""
    occupation = OccupationFactory()
    senior = SkillCertificateFactory(
        occupation=occupation,
        level=L.SENIOR_TECHNICIAN,
        issued_on=TODAY - datetime.timedelta(days=6 * 366),
    )
    LevelRequirementFactory(
        occupation=occupation, level=L.SPECIAL_GRADE_TECHNICIAN, years_at_level_below=5
    )
    [step] = ladder_for(person=senior.holder, today=TODAY)
    assert step.next_level == L.SPECIAL_GRADE_TECHNICIAN
    assert step.eligible and step.next_is_appointed
    special = SkillCertificateFactory(
        holder=senior.holder,
        occupation=occupation,
        level=L.SPECIAL_GRADE_TECHNICIAN,
        issued_on=TODAY,
    )
    [step] = ladder_for(person=special.holder, today=TODAY)
    assert step.next_level == L.CHIEF_TECHNICIAN and step.next_is_appointed
    SkillCertificateFactory(
        holder=senior.holder, occupation=occupation, level=L.CHIEF_TECHNICIAN
    )
    [step] = ladder_for(person=senior.holder, today=TODAY)
    assert (step.held_level, step.next_level) == (L.CHIEF_TECHNICIAN, None)
    client.force_login(senior.holder)
    with translation.override("zh-hans"):
        page = client.get(reverse("certification:mine")).text
    assert "首席技师" in page and "这已是最高等级" in page
