"""The audit trail: the services write who changed a certificate, membership, role
or token, when and from where; HR read their enterprise's, officers the
certificates', nobody else's."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from lms import permissions
from lms.certification.services.certificates import certificate_revoke
from lms.client_ip import ClientAddressMiddleware
from lms.models import AuditEvent
from lms.services.accounts import membership_add
from tests.lms.certification.factories import (
    SkillCertificateFactory,
    hr_of,
    officer,
    worker_of,
)
from tests.lms.factories import EnterpriseFactory, UserFactory

pytestmark = pytest.mark.django_db


def in_request(action, address="198.51.100.4"):
    """Runs ``action`` as a view would, with a client address."""
    request = RequestFactory().get("/", REMOTE_ADDR=address)
    return ClientAddressMiddleware(lambda request: action())(request)


@pytest.fixture
def world():
    a, b = EnterpriseFactory(), EnterpriseFactory()
    holder = worker_of(a, "A-1")
    certificate = SkillCertificateFactory(holder=holder)
    clerk = officer()
    in_request(
        lambda: certificate_revoke(actor=clerk, certificate=certificate, reason="Fraud")
    )
    membership_add(user=UserFactory(), enterprise=b)
    return {"a": a, "b": b, "certificate": certificate, "officer": clerk}


def test_a_revocation_records_who_when_what_and_from_where(world):
    event = AuditEvent.objects.get(action="certificate.revoke")
    assert event.actor == world["officer"]
    assert event.certificate == world["certificate"]
    assert event.ip_address == "198.51.100.4"
    assert event.data["reason"] == "Fraud" and event.at is not None


def test_hr_read_their_enterprise_only_and_officers_the_certificates(world):
    hr_a, hr_b = hr_of(world["a"]), hr_of(world["b"])
    seen_a = set(
        permissions.records_for(hr_a, "view", AuditEvent).values_list(
            "action", flat=True
        )
    )
    seen_b = set(
        permissions.records_for(hr_b, "view", AuditEvent).values_list(
            "action", flat=True
        )
    )
    assert "certificate.revoke" in seen_a and "certificate.revoke" not in seen_b
    assert "membership.add" in seen_b and "membership.add" not in seen_a
    seen = set(
        permissions.records_for(world["officer"], "view", AuditEvent).values_list(
            "action", flat=True
        )
    )
    assert seen == {"certificate.revoke"}


def test_the_audit_page_shows_the_events_in_the_readers_language(client, world):
    client.force_login(hr_of(world["a"]))
    response = client.get(reverse("lms:audit_trail"))
    assert response.status_code == 200
    assert "Certificate revoked" in response.text and "198.51.100.4" in response.text
    response = client.get("/zh-hans" + reverse("lms:audit_trail"))
    assert (
        "198.51.100.4" in response.text and "Certificate revoked" not in response.text
    )


def test_people_without_a_reason_to_read_it_are_refused(client, learner):
    client.force_login(learner)
    assert client.get(reverse("lms:audit_trail")).status_code == 403
