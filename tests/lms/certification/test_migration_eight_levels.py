"""The eight-level migration keeps every stored level's meaning: certificates,
ladder requirements and the level changes in certificate histories written as
national grades (1 highest … 5) come out as the same levels on the new rank scale
(2 = 五级 … 6 = 一级), and a requirement pair whose numbers trade places (grades
2 and 5) moves without breaking the one-requirement-per-level rule."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("lms", "0015_board_exports"),
    ("courses", "0005_lesson_video_poster_captions"),
    ("mentorship", "0004_service_request_reopen_and_auto_confirm"),
]
AFTER = [
    ("lms", "0016_eight_skill_levels"),
    ("courses", "0006_eight_skill_levels"),
    ("mentorship", "0005_eight_skill_levels"),
]


def _apps_at(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_old_grades_become_the_same_levels_on_the_eight_level_scale():
    from lms.models import SkillLevel

    apps = _apps_at(BEFORE)
    User = apps.get_model("lms", "User")
    Industry = apps.get_model("lms", "Industry")
    Occupation = apps.get_model("lms", "Occupation")
    SkillCertificate = apps.get_model("lms", "SkillCertificate")
    LevelRequirement = apps.get_model("lms", "LevelRequirement")
    CertificateEvent = apps.get_model("lms", "CertificateEvent")
    occupation = Occupation.objects.create(
        code="9-99-99-99",
        name="Welder",
        industry=Industry.objects.create(code="test-industry", name="Testing"),
    )
    holder = User.objects.create(email="wang@example.com", display_name="王芳")
    for grade in range(1, 6):
        SkillCertificate.objects.create(
            holder=holder,
            occupation=occupation,
            level=grade,
            number=f"G-{grade}",
            issuer_kind="outside",
            issuer_name="Appraisal Centre",
            issued_on=datetime.date(2025, 1, 1),
            evidence_kind="appraisal",
        )
        LevelRequirement.objects.create(
            occupation=occupation, level=grade, training_hours=grade * 10
        )
    edited = SkillCertificate.objects.get(number="G-4")
    CertificateEvent.objects.create(
        certificate=edited, action="edit", changes={"level": [5, 4]}
    )
    CertificateEvent.objects.create(
        certificate=edited, action="issue", changes={"number": "G-4"}
    )

    apps = _apps_at(AFTER)
    SkillCertificate = apps.get_model("lms", "SkillCertificate")
    LevelRequirement = apps.get_model("lms", "LevelRequirement")
    CertificateEvent = apps.get_model("lms", "CertificateEvent")
    expected = {
        "G-1": SkillLevel.SENIOR_TECHNICIAN,
        "G-2": SkillLevel.TECHNICIAN,
        "G-3": SkillLevel.SENIOR_WORKER,
        "G-4": SkillLevel.INTERMEDIATE_WORKER,
        "G-5": SkillLevel.JUNIOR_WORKER,
    }
    assert dict(SkillCertificate.objects.values_list("number", "level")) == expected
    for number, level in expected.items():
        assert SkillLevel(level).national_grade == int(number[-1])
    # Each requirement kept its hours: grade g had g * 10 hours.
    assert {
        SkillLevel(r.level).national_grade: r.training_hours
        for r in LevelRequirement.objects.all()
    } == {g: g * 10 for g in range(1, 6)}
    edit = CertificateEvent.objects.get(action="edit")
    assert edit.changes == {
        "level": [SkillLevel.JUNIOR_WORKER, SkillLevel.INTERMEDIATE_WORKER]
    }
    assert CertificateEvent.objects.get(action="issue").changes == {"number": "G-4"}
