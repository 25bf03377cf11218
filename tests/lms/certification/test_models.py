import datetime

import pytest
from django.db import IntegrityError, transaction
from hypothesis import given, settings
from hypothesis import strategies as st

from lms.certification.models.status import status_q
from lms.models import CertificateStatus, SkillCertificate
from tests.lms.certification.factories import SkillCertificateFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 6, 1)


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.mark.parametrize(
    ("fields", "superseded", "expected"),
    [
        ({"valid_until": days(200)}, False, CertificateStatus.VALID),
        ({"valid_until": None}, False, CertificateStatus.VALID),
        ({"valid_until": days(90)}, False, CertificateStatus.EXPIRING),
        ({"valid_until": days(0)}, False, CertificateStatus.EXPIRING),
        ({"valid_until": days(-1)}, False, CertificateStatus.EXPIRED),
        ({"valid_until": days(-1), "suspended": True}, False, "suspended"),
        ({"suspended": True, "revoked": True}, False, CertificateStatus.REVOKED),
        ({"valid_until": days(-1)}, True, CertificateStatus.SUPERSEDED),
    ],
)
def test_status_is_the_same_in_python_and_in_sql(fields, superseded, expected):
    """The one status rule gives the same answer on an instance and as an
    annotation the board filters on."""
    issued = days(-2000)
    certificate = SkillCertificateFactory(issued_on=issued, **fields)
    if superseded:
        SkillCertificateFactory(
            holder=certificate.holder, replaces=certificate, issued_on=issued
        )
    plain = SkillCertificate.objects.get(pk=certificate.pk)
    annotated = SkillCertificate.objects.with_status(TODAY).get(pk=certificate.pk)
    assert plain.status_on(TODAY) == expected
    assert annotated.status_value == expected
    assert (
        SkillCertificate.objects.with_status_in([expected], TODAY)
        .filter(pk=certificate.pk)
        .exists()
    )


@settings(max_examples=40, deadline=None)
@given(
    offset=st.one_of(st.none(), st.integers(-400, 400)),
    suspended=st.booleans(),
    revoked=st.booleans(),
    superseded=st.booleans(),
)
def test_status_python_and_sql_agree_for_any_dates(
    offset, suspended, revoked, superseded
):
    """Fuzzed: Python, the SQL CASE and the SQL filter (``status_q``, what the board
    filters on) never disagree on a certificate's status, and the filter puts it
    under exactly one status."""
    with transaction.atomic():
        certificate = SkillCertificateFactory(
            issued_on=days(-1000),
            valid_until=None if offset is None else days(offset),
            suspended=suspended,
            revoked=revoked,
            superseded=superseded,
        )
        expected = certificate.status_on(TODAY)
        sql = SkillCertificate.objects.with_status(TODAY).get(pk=certificate.pk)
        assert sql.status_value == expected
        matching = [
            status
            for status in CertificateStatus.values
            if SkillCertificate.objects.filter(status_q(status, TODAY))
            .filter(pk=certificate.pk)
            .exists()
        ]
        assert matching == [expected]
        transaction.set_rollback(True)


def test_superseded_is_stored_for_existing_renewals_by_the_migration():
    """The data migration marks every certificate a renewal replaces."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("lms.migrations.0005_certificate_superseded")
    old = SkillCertificateFactory()
    SkillCertificateFactory(holder=old.holder, replaces=old)
    current = SkillCertificateFactory()
    SkillCertificate.objects.update(superseded=False)  # as before the migration
    migration.mark_superseded(apps, None)
    old.refresh_from_db()
    current.refresh_from_db()
    assert old.superseded and not current.superseded


def test_valid_until_before_issue_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        SkillCertificateFactory(issued_on=TODAY, valid_until=days(-1))


def test_level_outside_1_to_8_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        SkillCertificateFactory(level=9)


def test_certificate_number_is_unique_per_issuing_body_only():
    """Two bodies may use the same number; one body may not use it twice."""
    SkillCertificateFactory(number="A-1", issuer_name="Body one")
    SkillCertificateFactory(number="A-1", issuer_name="Body two")
    with pytest.raises(IntegrityError), transaction.atomic():
        SkillCertificateFactory(number="A-1", issuer_name="Body one")


def test_verification_code_is_random_and_long_enough():
    """At least 80 bits: 20 URL-safe characters carry 120."""
    a, b = SkillCertificateFactory(), SkillCertificateFactory()
    assert len(a.verification_code) >= 20
    assert a.verification_code != b.verification_code


def test_a_certificate_is_replaced_at_most_once():
    old = SkillCertificateFactory()
    SkillCertificateFactory(holder=old.holder, replaces=old)
    with pytest.raises(IntegrityError), transaction.atomic():
        SkillCertificateFactory(holder=old.holder, replaces=old)


def test_no_statuses_asked_means_no_certificates():
    SkillCertificateFactory()
    assert not SkillCertificate.objects.with_status_in([], TODAY).exists()
