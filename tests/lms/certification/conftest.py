"""Fixtures the certification tests share."""

import pytest

from tests.lms.certification.factories import officer, worker_of
from tests.lms.factories import EnterpriseFactory, OccupationFactory


@pytest.fixture
def setting(django_capture_on_commit_callbacks):
    """An import's world: an enterprise, the welder occupation, two of its workers
    (Alice by e-mail, Bob by employee number E-2) and an officer."""
    enterprise = EnterpriseFactory()
    occupation = OccupationFactory(code="6-18-02-04")
    alice = worker_of(enterprise, "E-1", email="alice@example.com")
    bob = worker_of(enterprise, "E-2", email="bob@example.com")
    return {
        "enterprise": enterprise,
        "occupation": occupation,
        "alice": alice,
        "bob": bob,
        "officer": officer(),
        "capture": django_capture_on_commit_callbacks,
    }
