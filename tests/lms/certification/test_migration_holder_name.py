"""The migration that adds the holder's name at issue fills it in for certificates
that exist already (from the holder's name that day) and gives each issuer name an
issuing body record; an erased holder's name is not written back."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("lms", "0008_import_batch_summary")]
AFTER = [("lms", "0009_bilingual_names_issuing_bodies_holder_name")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_certificates_get_their_holders_name_and_an_issuing_body():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    User = apps.get_model("lms", "User")
    Industry = apps.get_model("lms", "Industry")
    Occupation = apps.get_model("lms", "Occupation")
    SkillCertificate = apps.get_model("lms", "SkillCertificate")
    occupation = Occupation.objects.create(
        code="9-99-99-99",
        name="Welder",
        industry=Industry.objects.create(code="test-industry", name="Testing"),
    )
    named = User.objects.create(email="wang@example.com", display_name="王芳")
    erased = User.objects.create(email="x1@erased.invalid", first_name="Gone")
    for number, holder in (("A-1", named), ("A-2", erased)):
        SkillCertificate.objects.create(
            holder=holder,
            occupation=occupation,
            level=4,
            number=number,
            issuer_kind="outside",
            issuer_name="Appraisal Centre",
            issued_on=datetime.date(2025, 1, 1),
            evidence_kind="appraisal",
        )

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    apps = executor.loader.project_state(AFTER).apps
    SkillCertificate = apps.get_model("lms", "SkillCertificate")
    first, second = SkillCertificate.objects.order_by("number")
    assert first.holder_name == "王芳" and second.holder_name == ""
    assert first.issuing_body.name == "Appraisal Centre"
    assert first.issuing_body_id == second.issuing_body_id
