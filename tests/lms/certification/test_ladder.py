"""The skill-level ladder reads the facts other apps provide and says what is
missing for the next level."""

import datetime
from decimal import Decimal

import pytest

from lms import providers
from lms.certification.selectors import ladder_for, workers_eligible
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
        occupation=occupation, level=5, issued_on=TODAY - datetime.timedelta(days=400)
    )
    LevelRequirementFactory(
        occupation=occupation,
        level=4,
        years_at_level_below=2,
        training_hours=40,
        mentor_signoff=True,
    )
    [step] = ladder_for(person=certificate.holder, today=TODAY)
    assert (step.held_level, step.next_level, step.eligible) == (5, 4, False)
    assert len(step.missing) == 3  # years, hours, sign-off
    facts["hours"] = Decimal(40)
    facts["signoffs"] = {(occupation.pk, 4)}
    [step] = ladder_for(
        person=certificate.holder, today=TODAY + datetime.timedelta(days=400)
    )
    assert step.eligible and step.missing == []


def test_revoked_certificates_do_not_count_and_unpublished_levels_say_so(facts):
    certificate = SkillCertificateFactory(level=3, revoked=True)
    assert ladder_for(person=certificate.holder, today=TODAY) == []
    held = SkillCertificateFactory(holder=certificate.holder, level=3)
    [step] = ladder_for(person=held.holder, today=TODAY)
    assert step.next_level == 2 and not step.eligible
    assert "not published" in step.missing[0]


def test_hr_sees_their_eligible_workers_only(facts):
    enterprise = EnterpriseFactory()
    hr = hr_of(enterprise)
    occupation = OccupationFactory()
    LevelRequirementFactory(occupation=occupation, level=4)
    SkillCertificateFactory(
        holder=worker_of(enterprise), occupation=occupation, level=5
    )
    SkillCertificateFactory(
        holder=worker_of(EnterpriseFactory()), occupation=occupation, level=5
    )
    rows = workers_eligible(user=hr)
    assert len(rows) == 1 and rows[0][1].next_level == 4
