import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lms.errors import DomainError, PermissionDenied
from lms.models import Notification
from mentorship.models import GuidanceSession, ServiceRequest
from mentorship.services import sessions as session_services
from mentorship.services.requests.matching import (
    service_request_assign,
    service_request_offer,
)
from mentorship.services.requests.outcome import (
    service_request_close,
    service_request_confirm,
)
from mentorship.services.requests.placing import (
    service_request_cancel,
    service_request_create,
    service_request_publish,
    service_requests_notify_pending,
)
from tests.lms.factories import (
    EnterpriseFactory,
    MembershipFactory,
    OccupationFactory,
    UserFactory,
)

from .factories import (
    MentorTradeFactory,
    ServiceRequestFactory,
    coordinator,
    mentor,
    today,
)

pytestmark = pytest.mark.django_db
Status = ServiceRequest.Status


def post(manager, **overrides):
    kwargs = {
        "enterprise": manager.memberships.get().enterprise,
        "posted_by": manager,
        "title": "Vibration in high-speed winding machines",
        "problem": "Spindles vibrate above 8,000 rpm.",
        "occupation": OccupationFactory(),
        "site": "Winding workshop",
    }
    kwargs.update(overrides)
    return service_request_create(**kwargs)


def test_the_whole_order_is_recorded_step_by_step(
    manager, django_capture_on_commit_callbacks
):
    request = post(
        manager,
        attachments=[SimpleUploadedFile("spec.pdf", b"%PDF-1.7 x", "application/pdf")],
    )
    trade = MentorTradeFactory(occupation=request.occupation)
    union = coordinator()
    with django_capture_on_commit_callbacks(execute=True):
        service_request_publish(service_request=request, actor=union)
    assert Notification.objects.filter(
        recipient=trade.user, key__endswith=":published"
    ).exists()
    service_request_offer(service_request=request, mentor=trade.user)
    service_request_assign(service_request=request, actor=union, mentor=trade.user)
    visit = session_services.service_visit_log(
        service_request=request,
        mentor=trade.user,
        date=today() - datetime.timedelta(days=1),
        start_time=datetime.time(13, 0),
        end_time=datetime.time(17, 0),
        problem="Bearing wear",
    )
    service_request_close(
        service_request=request, mentor=trade.user, solution="Replaced bearings"
    )
    service_request_confirm(service_request=request, actor=manager, rating=5)
    request.refresh_from_db()
    assert request.status == Status.CONFIRMED and request.rating == 5
    assert request.attachments.count() == 1
    assert list(request.events.values_list("to_status", flat=True)) == [
        "submitted",
        "published",
        "assigned",
        "closed",
        "confirmed",
    ]
    visit.refresh_from_db()
    assert visit.status == GuidanceSession.Status.CONFIRMED


def test_a_worker_cannot_post_for_the_enterprise(manager):
    worker = UserFactory()
    MembershipFactory(user=worker, enterprise=manager.memberships.get().enterprise)
    with pytest.raises(PermissionDenied):
        post(manager, posted_by=worker)


def test_hr_of_another_enterprise_cannot_post(manager):
    other_hr = UserFactory()
    MembershipFactory(user=other_hr, enterprise=EnterpriseFactory(), role="hr")
    with pytest.raises(PermissionDenied):
        post(manager, posted_by=other_hr)
    assert not ServiceRequest.objects.exists()


def test_a_bad_attachment_is_refused_and_nothing_saved(manager):
    bad = SimpleUploadedFile("run.exe", b"MZ", "application/octet-stream")
    with pytest.raises(DomainError):
        post(manager, attachments=[bad])
    assert not ServiceRequest.objects.exists()


@pytest.mark.parametrize(
    "status, step",
    [
        (Status.SUBMITTED, "assign"),
        (Status.SUBMITTED, "close"),
        (Status.PUBLISHED, "publish"),
        (Status.PUBLISHED, "confirm"),
        (Status.ASSIGNED, "cancel"),
        (Status.CONFIRMED, "close"),
        (Status.CANCELLED, "publish"),
    ],
)
def test_steps_out_of_order_are_refused(status, step):
    trade = MentorTradeFactory()
    owner = UserFactory()
    request = ServiceRequestFactory(
        status=status,
        occupation=trade.occupation,
        posted_by=owner,
        assigned_mentor=trade.user if status in ("assigned", "confirmed") else None,
        rating=4 if status == "confirmed" else None,
    )
    MembershipFactory(user=owner, enterprise=request.enterprise, role="hr")
    union = coordinator()
    steps = {
        "publish": lambda: service_request_publish(
            service_request=request, actor=union
        ),
        "assign": lambda: service_request_assign(
            service_request=request, actor=union, mentor=trade.user
        ),
        "close": lambda: service_request_close(
            service_request=request, mentor=trade.user, solution="Done"
        ),
        "confirm": lambda: service_request_confirm(
            service_request=request, actor=owner, rating=4
        ),
        "cancel": lambda: service_request_cancel(service_request=request, actor=owner),
    }
    with pytest.raises(DomainError):
        steps[step]()
    request.refresh_from_db()
    assert request.status == status
    assert not request.events.exists()


def test_only_mentors_of_the_trade_offer_and_only_once():
    trade = MentorTradeFactory()
    request = ServiceRequestFactory(
        status=Status.PUBLISHED, occupation=trade.occupation
    )
    with pytest.raises(DomainError):
        service_request_offer(service_request=request, mentor=mentor())
    service_request_offer(service_request=request, mentor=trade.user)
    with pytest.raises(DomainError) as error:
        service_request_offer(service_request=request, mentor=trade.user)
    assert error.value.code == "already_offered"
    assert request.offers.count() == 1


def test_assigning_a_mentor_of_another_trade_is_refused():
    request = ServiceRequestFactory(status=Status.PUBLISHED)
    with pytest.raises(DomainError) as error:
        service_request_assign(
            service_request=request, actor=coordinator(), mentor=mentor()
        )
    assert error.value.code == "unsuitable_mentor"


def test_only_coordinators_publish():
    request = ServiceRequestFactory()
    with pytest.raises(PermissionDenied):
        service_request_publish(service_request=request, actor=mentor())


def test_rating_must_be_one_to_five(manager):
    trade = MentorTradeFactory()
    request = ServiceRequestFactory(
        status=Status.CLOSED,
        enterprise=manager.memberships.get().enterprise,
        occupation=trade.occupation,
        assigned_mentor=trade.user,
    )
    with pytest.raises(DomainError):
        service_request_confirm(service_request=request, actor=manager, rating=6)
    request.refresh_from_db()
    assert request.status == Status.CLOSED


def test_visits_only_by_the_assigned_mentor():
    trade = MentorTradeFactory()
    request = ServiceRequestFactory(
        status=Status.ASSIGNED, occupation=trade.occupation, assigned_mentor=trade.user
    )
    other = MentorTradeFactory(occupation=trade.occupation).user
    with pytest.raises(PermissionDenied):
        session_services.service_visit_log(
            service_request=request,
            mentor=other,
            date=today(),
            start_time=datetime.time(0, 0),
            end_time=datetime.time(0, 10),
        )


def broker_down(*args, **kwargs):
    from kombu.exceptions import OperationalError

    raise OperationalError("Error 111 connecting to 127.0.0.1:63799.")


def test_publishing_with_the_broker_down_succeeds_and_beat_tells_the_mentors_later(
    manager, monkeypatch, django_capture_on_commit_callbacks
):
    from mentorship.tasks import notify_mentors_of_request

    request = post(manager)
    trade = MentorTradeFactory(occupation=request.occupation)
    monkeypatch.setattr(notify_mentors_of_request, "delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        service_request_publish(service_request=request, actor=coordinator())
    request.refresh_from_db()
    assert request.status == Status.PUBLISHED
    told = Notification.objects.filter(recipient=trade.user)
    assert not told.exists()

    assert service_requests_notify_pending() == 1
    assert told.count() == 1
    service_requests_notify_pending()  # again: nobody is told twice
    assert told.count() == 1


def test_the_sweep_leaves_requests_not_published_or_published_long_ago(manager):
    draft = post(manager)
    MentorTradeFactory(occupation=draft.occupation)
    old = ServiceRequestFactory(status=Status.PUBLISHED)
    MentorTradeFactory(occupation=old.occupation)
    ServiceRequest.objects.filter(pk=old.pk).update(
        updated_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    assert service_requests_notify_pending() == 0
    assert not Notification.objects.exists()
