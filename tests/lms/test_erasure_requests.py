"""A worker asks for erasure from their data page; platform administrators (staff)
see the requests with their due date, approve (the erasure runs) or refuse with a
reason; the worker is told and sees the outcome; every step is audited."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from lms.errors import PermissionDenied
from lms.models import AuditEvent, ErasureRequest, Notification, User
from lms.roles import Role
from lms.services.personal_data import (
    erasure_request_create,
    erasure_request_refuse,
)
from tests.lms.factories import MembershipFactory, UserFactory
from tests.lms.helpers import give_totp

pytestmark = pytest.mark.django_db
Status = ErasureRequest.Status


@pytest.fixture
def worker():
    person = UserFactory(email="wang.fang@example.com", display_name="Wang Fang")
    MembershipFactory(user=person)
    return person


@pytest.fixture
def staff():
    return give_totp(UserFactory(is_staff=True, is_superuser=True))


def ask(client, worker, reason="Leaving the trade"):
    client.force_login(worker)
    return client.post(reverse("lms:erasure_request"), {"reason": reason})


def test_a_worker_asks_from_their_data_page_and_sees_it_waiting(client, worker):
    """One pending request, due 30 days later, audited; a second click (or a
    double-submitted form) is the same request."""
    assert ask(client, worker).status_code == 302
    assert ask(client, worker, reason="again").status_code == 302
    erasure = ErasureRequest.objects.get(person=worker)
    assert erasure.status == Status.PENDING and erasure.reason == "Leaving the trade"
    assert erasure.due_on == timezone.localdate() + datetime.timedelta(days=30)
    assert (
        AuditEvent.objects.filter(
            action=AuditEvent.Action.ERASURE_REQUEST, subject=worker, actor=worker
        ).count()
        == 1
    )
    page = client.get(reverse("lms:profile")).content.decode()
    assert "Waiting for a decision" in page
    assert "Ask for erasure" not in page


def test_the_service_returns_the_pending_request_instead_of_a_second():
    person = UserFactory()
    first = erasure_request_create(person=person)
    assert erasure_request_create(person=person, reason="again") == first
    assert ErasureRequest.objects.filter(person=person).count() == 1


def test_staff_see_pending_requests_with_their_due_date_overdue_marked(
    client, staff, worker
):
    erasure_request_create(person=worker)
    late = erasure_request_create(person=UserFactory(display_name="Li Lei"))
    ErasureRequest.objects.filter(pk=late.pk).update(
        due_on=timezone.localdate() - datetime.timedelta(days=2)
    )
    client.force_login(staff)
    page = client.get(reverse("lms:erasure_requests")).content.decode()
    assert "Wang Fang" in page and "Decide by" in page
    assert "Li Lei" in page and "Overdue since" in page


def test_the_admin_menu_links_the_requests_for_staff_only(client, staff):
    url = reverse("lms:erasure_requests")
    client.force_login(staff)
    assert url in client.get(reverse("wagtailadmin_home")).content.decode()
    officer = give_totp(UserFactory(roles=[Role.OFFICER]))
    client.force_login(officer)
    assert url not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_approving_erases_the_person_and_tells_them_at_their_old_address(
    client, staff, worker, django_capture_on_commit_callbacks
):
    erasure = erasure_request_create(person=worker, reason="Leaving the trade")
    client.force_login(staff)
    url = reverse("lms:erasure_request_decide", args=[erasure.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"decision": "approve", "email": "wang.fang@example.com"}
        )
    assert response.status_code == 302
    erasure.refresh_from_db()
    assert erasure.status == Status.APPROVED
    assert erasure.decided_by == staff and erasure.decided_at is not None
    assert erasure.reason == ""  # the person's words go with their data
    person = User.objects.get(pk=worker.pk)
    assert not person.is_active and person.email != "wang.fang@example.com"
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.ERASURE_APPROVE, actor=staff, subject=worker
    ).exists()
    assert [m.to for m in mail.outbox] == [["wang.fang@example.com"]]
    assert "erased" in mail.outbox[0].subject


def test_approving_with_the_wrong_address_erases_nothing(client, staff, worker):
    erasure = erasure_request_create(person=worker)
    client.force_login(staff)
    url = reverse("lms:erasure_request_decide", args=[erasure.pk])
    response = client.post(url, {"decision": "approve", "email": "x@example.com"})
    assert response.status_code == 400
    erasure.refresh_from_db()
    assert erasure.status == Status.PENDING
    assert User.objects.get(pk=worker.pk).is_active


def test_refusing_needs_a_reason_which_the_worker_reads(client, staff, worker):
    """Without a note: 400 and nothing decided. With one: refused, the worker gets
    a notification and sees the reason on their data page, and may ask again."""
    erasure = erasure_request_create(person=worker)
    client.force_login(staff)
    url = reverse("lms:erasure_request_decide", args=[erasure.pk])
    assert client.post(url, {"decision": "refuse", "note": " "}).status_code == 400
    erasure.refresh_from_db()
    assert erasure.status == Status.PENDING
    response = client.post(
        url, {"decision": "refuse", "note": "Your apprenticeship contract is open"}
    )
    assert response.status_code == 302
    erasure.refresh_from_db()
    assert erasure.status == Status.REFUSED and erasure.decided_by == staff
    notice = Notification.objects.get(recipient=worker, kind="lms.erasure_refused")
    assert "contract is open" in notice.render("en").body
    assert AuditEvent.objects.filter(action=AuditEvent.Action.ERASURE_REFUSE).exists()
    client.force_login(worker)
    page = client.get(reverse("lms:profile")).content.decode()
    assert "Refused" in page and "contract is open" in page
    assert "Ask for erasure" in page
    ask(client, worker)
    assert ErasureRequest.objects.filter(person=worker, status=Status.PENDING).exists()


def test_a_decided_request_cannot_be_decided_again(client, staff, worker):
    erasure = erasure_request_create(person=worker)
    erasure_request_refuse(erasure_request=erasure, actor=staff, note="No")
    client.force_login(staff)
    url = reverse("lms:erasure_request_decide", args=[erasure.pk])
    response = client.post(
        url, {"decision": "approve", "email": "wang.fang@example.com"}
    )
    assert response.status_code == 400
    assert User.objects.get(pk=worker.pk).is_active


def test_only_staff_decide(worker):
    """HR of the worker's enterprise, an officer and the worker are refused."""
    erasure = erasure_request_create(person=worker)
    hr = give_totp(UserFactory(roles=[Role.HR]))
    MembershipFactory(
        user=hr, enterprise=worker.memberships.get().enterprise, role="hr"
    )
    officer = give_totp(UserFactory(roles=[Role.OFFICER]))
    for person in (hr, officer, worker):
        with pytest.raises(PermissionDenied):
            erasure_request_refuse(erasure_request=erasure, actor=person, note="No")
    erasure.refresh_from_db()
    assert erasure.status == Status.PENDING
