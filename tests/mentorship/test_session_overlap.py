"""Issue 14.8: a mentor's sessions never overlap, so confirmed hours cannot double;
a form sent twice makes one session, and a correction cannot move a session onto
another."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from lms.errors import DomainError
from mentorship.models import GuidanceSession
from mentorship.services import sessions as services

from .factories import (
    AgreementFactory,
    GuidanceSessionFactory,
    ServiceRequestFactory,
    today,
)

pytestmark = pytest.mark.django_db
T = datetime.time
YESTERDAY = today() - datetime.timedelta(days=1)


def log(agreement, start, end, *, date=YESTERDAY, mentor=None):
    return services.guidance_session_log(
        agreement=agreement,
        mentor=mentor or agreement.mentor,
        date=date,
        start_time=start,
        end_time=end,
    )


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (T(9, 0), T(10, 30)),  # the same again
        (T(10, 0), T(11, 0)),  # starts inside
        (T(8, 0), T(9, 30)),  # ends inside
        (T(8, 0), T(12, 0)),  # around it
        (T(9, 30), T(9, 45)),  # within it
    ],
)
def test_a_session_overlapping_another_of_the_mentor_is_refused(start, end):
    agreement = AgreementFactory()
    log(agreement, T(9, 0), T(10, 30))
    with pytest.raises(DomainError) as error:
        log(agreement, start, end)
    assert error.value.code == "overlap"
    assert "09:00" in error.value.message
    assert GuidanceSession.objects.count() == 1


def test_overlap_counts_across_the_mentors_agreements_and_visits():
    first = AgreementFactory()
    second = AgreementFactory(mentor=first.mentor)
    log(first, T(9, 0), T(10, 30))
    with pytest.raises(DomainError):
        log(second, T(10, 0), T(11, 0))
    request = ServiceRequestFactory(
        status="assigned", assigned_mentor=first.mentor, occupation=first.occupation
    )
    with pytest.raises(DomainError) as error:
        services.service_visit_log(
            service_request=request,
            mentor=first.mentor,
            date=YESTERDAY,
            start_time=T(10, 0),
            end_time=T(10, 20),
        )
    assert error.value.code == "overlap"


def test_sessions_that_touch_or_belong_to_other_mentors_are_accepted():
    agreement = AgreementFactory()
    log(agreement, T(9, 0), T(10, 30))
    log(agreement, T(10, 30), T(11, 0))  # back to back
    log(agreement, T(9, 0), T(10, 30), date=YESTERDAY - datetime.timedelta(days=1))
    log(AgreementFactory(), T(9, 0), T(10, 30))  # another mentor
    assert GuidanceSession.objects.count() == 4


def test_a_correction_may_keep_its_own_time_but_not_move_onto_another():
    agreement = AgreementFactory()
    first = log(agreement, T(9, 0), T(10, 30))
    log(agreement, T(11, 0), T(12, 0))
    services.guidance_session_update(
        session=first,
        mentor=agreement.mentor,
        date=YESTERDAY,
        start_time=T(9, 0),
        end_time=T(10, 45),
    )
    with pytest.raises(DomainError) as error:
        services.guidance_session_update(
            session=first,
            mentor=agreement.mentor,
            date=YESTERDAY,
            start_time=T(10, 0),
            end_time=T(11, 30),
        )
    assert error.value.code == "overlap"
    first.refresh_from_db()
    assert first.end_time == T(10, 45)


def test_the_session_form_sent_twice_makes_one_session(client):
    agreement = AgreementFactory()
    client.force_login(agreement.mentor)
    data = {"date": YESTERDAY.isoformat(), "start_time": "08:00", "end_time": "09:15"}
    url = reverse("mentorship:session_log", args=[agreement.pk])
    assert client.post(url, data).status_code == 302
    again = client.post(url, data)
    assert again.status_code == 400
    assert GuidanceSession.objects.count() == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="exclusion constraints: PostgreSQL only"
)
def test_on_postgresql_the_database_refuses_an_overlap_written_past_the_service():
    """mentorship/migrations/0002: the exclusion constraint, for writes that do not
    go through the service (a bulk load, the shell)."""
    first = GuidanceSessionFactory(start_time=T(9, 0), end_time=T(10, 30))
    GuidanceSessionFactory(  # back to back: allowed
        agreement=first.agreement, start_time=T(10, 30), end_time=T(11, 0), minutes=30
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        GuidanceSessionFactory(
            agreement=first.agreement, start_time=T(10, 0), end_time=T(10, 20)
        )
