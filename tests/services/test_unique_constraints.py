"""Two callers issuing the certificate of the same completion at the same moment, on
PostgreSQL (as a task and beat's sweep, or two deliveries of one task, would without
the completion's row lock): the unique constraint on the certificate's source key lets
one insert through and the other returns that certificate. Its twin drops the
constraint and shows that the same check then fails."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.db.models import Count

from lms.certification.services.certificates import platform_certificate_issue
from lms.models import CertificateEvent, SkillCertificate
from tests.lms.factories import OccupationFactory, UserFactory

pytestmark = pytest.mark.services

PAIRS = 20


def issue_in_pairs(holder, occupation, prefix: str) -> dict[str, set[int]]:
    """For each of PAIRS keys, two threads (own connections) issue at once; returns
    the certificate ids each key's two calls answered with."""
    from django.db import connections

    answers: dict[str, set[int]] = {}
    errors: list[str] = []
    lock = threading.Lock()

    def issue(key: str, barrier: threading.Barrier) -> None:
        try:
            barrier.wait(timeout=30)
            made = platform_certificate_issue(
                holder=holder,
                occupation=occupation,
                level=2,
                course_title="Pressure vessels",
                source_key=key,
            )
            with lock:
                answers.setdefault(key, set()).add(made.pk)
        except Exception as error:  # noqa: BLE001 - reported to the test
            errors.append(f"{type(error).__name__}: {error}")
        finally:
            connections.close_all()

    for n in range(PAIRS):
        key = f"{prefix}:{n}"
        barrier = threading.Barrier(2)
        pair = [threading.Thread(target=issue, args=(key, barrier)) for _ in range(2)]
        for thread in pair:
            thread.start()
        for thread in pair:
            thread.join(timeout=60)
    assert errors == []
    return answers


def check_one_certificate_per_key(answers: dict[str, set[int]]) -> None:
    """Each key: one certificate stored, and both calls answered with it."""
    stored = dict(
        SkillCertificate.objects.filter(source_key__in=answers)
        .values_list("source_key")
        .annotate(n=Count("id"))
    )
    doubled = {key: n for key, n in stored.items() if n != 1}
    assert doubled == {}, f"{len(doubled)} keys have more than one certificate"
    assert len(stored) == PAIRS
    assert all(len(ids) == 1 for ids in answers.values()), answers


@pytest.mark.django_db(transaction=True)
def test_same_completion_issued_twice_at_once_gets_one_certificate(services_env):
    holder, occupation = UserFactory(), OccupationFactory()
    answers = issue_in_pairs(holder, occupation, "pair")
    check_one_certificate_per_key(answers)


@pytest.fixture
def without_source_key_constraint(transactional_db):
    """The unique constraint dropped for this test, and put back afterwards (its
    duplicate rows removed first)."""
    constraint = next(
        c
        for c in SkillCertificate._meta.constraints
        if c.name == "certificate_source_key_once"
    )
    with connection.schema_editor() as editor:
        editor.remove_constraint(SkillCertificate, constraint)
    yield
    CertificateEvent.objects.all().delete()  # they protect their certificates
    SkillCertificate.objects.all().delete()
    with connection.schema_editor() as editor:
        editor.add_constraint(SkillCertificate, constraint)


def test_twin_without_the_unique_constraint_fails_the_same_check(
    services_env, without_source_key_constraint, capsys
):
    """Negative control: the same pairs with the constraint dropped: both calls of a
    pair find no certificate yet, both insert, and the check fails."""
    holder, occupation = UserFactory(), OccupationFactory()
    answers = issue_in_pairs(holder, occupation, "twin")
    with pytest.raises(AssertionError, match="more than one certificate") as failed:
        check_one_certificate_per_key(answers)
    with capsys.disabled():
        print(f"\nunique constraint twin failed as it must: {failed.value}")
