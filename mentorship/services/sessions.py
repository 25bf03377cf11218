"""Guidance sessions (under an agreement) and visits (for a service request): logged by
the mentor, confirmed or disputed by the apprentice; a change keeps the old version."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import permissions
from lms.errors import DomainError, PermissionDenied
from lms.models import User
from lms.services.notifications import notification_mark_done
from lms.validators import validate_files
from mentorship.models import (
    Agreement,
    GuidanceSession,
    GuidanceSessionPhoto,
    GuidanceSessionRevision,
    ServiceRequest,
)
from mentorship.models.sessions import (
    MAX_SESSION_MINUTES,
    MIN_SESSION_MINUTES,
)
from mentorship.models.sessions import (
    SESSION_DETAIL_FIELDS as DETAIL_FIELDS,
)
from mentorship.validators import validate_photo

from .notify import notify

TIME_FIELDS = ("date", "start_time", "end_time")


def _minutes(
    date: datetime.date, start_time: datetime.time, end_time: datetime.time
) -> int:
    """Length of a session in minutes, refusing future, too short and too long."""
    if end_time <= start_time:
        raise DomainError(_("The session must end after it starts."), code="times")
    tz = timezone.get_current_timezone()
    if datetime.datetime.combine(date, end_time, tzinfo=tz) > timezone.now():
        raise DomainError(
            _("A session can only be logged once it has taken place."), code="future"
        )
    minutes = (
        datetime.datetime.combine(date, end_time)
        - datetime.datetime.combine(date, start_time)
    ).seconds // 60
    if minutes < MIN_SESSION_MINUTES:
        raise DomainError(
            _("A session lasts at least %(n)s minutes.") % {"n": MIN_SESSION_MINUTES},
            code="too_short",
        )
    if minutes > MAX_SESSION_MINUTES:
        raise DomainError(
            _("A session lasts at most %(n)s hours.")
            % {"n": MAX_SESSION_MINUTES // 60},
            code="too_long",
        )
    return minutes


def _check_no_overlap(
    *,
    mentor: User,
    date: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time,
    exclude_pk: int | None = None,
) -> None:
    """A mentor is in one place at a time: a session overlapping another of theirs
    (any agreement or visit) would count the same hours twice. Touching is fine. The
    mentor's row is locked first, so two submits of one form cannot both pass."""
    User.objects.select_for_update().filter(pk=mentor.pk).first()
    clash = (
        GuidanceSession.objects.filter(
            mentor=mentor, date=date, start_time__lt=end_time, end_time__gt=start_time
        )
        .exclude(pk=exclude_pk)
        .order_by("start_time")
        .first()
    )
    if clash:
        raise DomainError(
            _(
                "This overlaps the session you logged on %(date)s from %(start)s to "
                "%(end)s: a mentor logs each hour once."
            )
            % {
                "date": clash.date,
                "start": f"{clash.start_time:%H:%M}",
                "end": f"{clash.end_time:%H:%M}",
            },
            code="overlap",
        )


def _check_agreement_session(agreement: Agreement, date: datetime.date) -> None:
    if agreement.status != Agreement.Status.ACTIVE:
        raise DomainError(
            _("Sessions are logged only while the agreement is active."),
            code="agreement_not_active",
        )
    if not agreement.start_date <= date <= agreement.end_date:
        raise DomainError(
            _("The date is outside the agreement (%(start)s to %(end)s).")
            % {"start": agreement.start_date, "end": agreement.end_date},
            code="outside_agreement",
        )


def _save_photos(session: GuidanceSession, photos) -> None:
    photos = list(photos or ())
    if not photos:
        return
    try:
        validate_files(photos, validate_photo)
    except ValidationError as error:
        raise DomainError(" ".join(error.messages), code="photo") from None
    GuidanceSessionPhoto.objects.bulk_create(
        [GuidanceSessionPhoto(session=session, image=photo) for photo in photos]
    )


def _notify_apprentice(session: GuidanceSession, revision: int) -> None:
    agreement = session.agreement
    notify(
        recipient=agreement.apprentice,
        key=f"mentorship:session:{session.pk}:confirm:{revision}",
        kind="session_to_confirm",
        session=session.pk,
    )


@transaction.atomic
def guidance_session_log(
    *,
    agreement: Agreement,
    mentor: User,
    date: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time,
    photos=(),
    **details: str,
) -> GuidanceSession:
    """The mentor logs a session that took place within an active agreement."""
    agreement = Agreement.objects.select_for_update(of=("self",)).get(pk=agreement.pk)
    if not permissions.user_can(mentor, "log_session", agreement):
        raise PermissionDenied(_("Only the agreement's mentor logs its sessions."))
    _check_agreement_session(agreement, date)
    session = _session_create(
        mentor=mentor,
        when=(date, start_time, end_time),
        details=details,
        photos=photos,
        agreement=agreement,
    )
    _notify_apprentice(session, 0)
    return session


def _session_create(*, mentor, when, details, photos, **link) -> GuidanceSession:
    """A session (of an agreement or a service request, ``link``) that does not
    overlap the mentor's others, with its photos."""
    date, start_time, end_time = when
    minutes = _minutes(date, start_time, end_time)
    _check_no_overlap(
        mentor=mentor, date=date, start_time=start_time, end_time=end_time
    )
    session = GuidanceSession.objects.create(
        mentor=mentor,
        date=date,
        start_time=start_time,
        end_time=end_time,
        minutes=minutes,
        **link,
        **_clean_details(details),
    )
    _save_photos(session, photos)
    return session


@transaction.atomic
def service_visit_log(
    *,
    service_request: ServiceRequest,
    mentor: User,
    date: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time,
    photos=(),
    **details: str,
) -> GuidanceSession:
    """The assigned mentor records a visit; it is confirmed with the request."""
    service_request = ServiceRequest.objects.select_for_update(of=("self",)).get(
        pk=service_request.pk
    )
    if not permissions.user_can(mentor, "log_visit", service_request):
        raise PermissionDenied(_("Only the assigned mentor records visits."))
    if service_request.status != ServiceRequest.Status.ASSIGNED:
        raise DomainError(
            _("Visits are recorded while the request is assigned and not yet closed."),
            code="request_status",
        )
    return _session_create(
        mentor=mentor,
        when=(date, start_time, end_time),
        details=details,
        photos=photos,
        service_request=service_request,
    )


def _clean_details(details: dict) -> dict:
    unknown = set(details) - set(DETAIL_FIELDS)
    if unknown:
        raise ValueError(f"Unknown session fields: {sorted(unknown)}")
    return {name: (value or "").strip() for name, value in details.items()}


def _snapshot(session: GuidanceSession) -> dict:
    data = {name: getattr(session, name) for name in DETAIL_FIELDS}
    data.update(
        date=session.date.isoformat(),
        start_time=session.start_time.strftime("%H:%M"),
        end_time=session.end_time.strftime("%H:%M"),
        minutes=session.minutes,
        status=session.status,
        dispute_comment=session.dispute_comment,
    )
    return data


@transaction.atomic
def guidance_session_update(
    *,
    session: GuidanceSession,
    mentor: User,
    date: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time,
    photos=(),
    **details: str,
) -> GuidanceSession:
    """The mentor corrects a session. The earlier version is kept as a revision; a
    confirmed or disputed session goes back to the apprentice to confirm."""
    session = (
        GuidanceSession.objects.select_for_update(of=("self",))
        .select_related("agreement", "service_request")
        .get(pk=session.pk)
    )
    if not permissions.user_can(mentor, "edit", session):
        raise PermissionDenied(_("Only the mentor who logged a session changes it."))
    if session.agreement_id:
        _check_agreement_session(session.agreement, date)
    elif session.service_request.status != ServiceRequest.Status.ASSIGNED:
        raise DomainError(
            _("Visits of a closed request cannot be changed."), code="request_status"
        )
    minutes = _minutes(date, start_time, end_time)
    _check_no_overlap(
        mentor=session.mentor,
        date=date,
        start_time=start_time,
        end_time=end_time,
        exclude_pk=session.pk,
    )
    number = session.revisions.count() + 1
    GuidanceSessionRevision.objects.create(
        session=session, number=number, data=_snapshot(session), changed_by=mentor
    )
    for name, value in _clean_details(details).items():
        setattr(session, name, value)
    session.date, session.start_time, session.end_time = date, start_time, end_time
    session.minutes = minutes
    was_settled = session.status != GuidanceSession.Status.PENDING
    session.status = GuidanceSession.Status.PENDING
    session.confirmed_at = None
    session.dispute_comment = ""
    session.save()
    _save_photos(session, photos)
    if session.agreement_id and was_settled:
        _notify_apprentice(session, number)
    return session


def _locked_session(session: GuidanceSession) -> GuidanceSession:
    return (
        GuidanceSession.objects.select_for_update(of=("self",))
        .select_related("agreement")
        .get(pk=session.pk)
    )


def _locked_for_apprentice(session, apprentice, refusal) -> GuidanceSession:
    """The session, locked, if ``apprentice`` is the one who confirms it."""
    session = _locked_session(session)
    if not permissions.user_can(apprentice, "confirm", session):
        raise PermissionDenied(refusal)
    return session


@transaction.atomic
def guidance_session_confirm(
    *, session: GuidanceSession, apprentice: User
) -> GuidanceSession:
    """The apprentice confirms the session took place as logged; it then counts."""
    session = _locked_for_apprentice(
        session, apprentice, _("Only the apprentice confirms a session.")
    )
    if session.status == GuidanceSession.Status.CONFIRMED:
        raise DomainError(
            _("You have already confirmed this session."), code="already_confirmed"
        )
    session.status = GuidanceSession.Status.CONFIRMED
    session.confirmed_at = timezone.now()
    session.dispute_comment = ""
    session.save(update_fields=["status", "confirmed_at", "dispute_comment"])
    _requests_answered(session, apprentice)
    return session


def _requests_answered(session: GuidanceSession, apprentice: User) -> None:
    """The apprentice's "please confirm" messages of the session are read now."""
    notification_mark_done(
        user=apprentice, key_prefix=f"mentorship:session:{session.pk}:confirm:"
    )


@transaction.atomic
def guidance_session_dispute(
    *, session: GuidanceSession, apprentice: User, comment: str
) -> GuidanceSession:
    """The apprentice disputes a session awaiting confirmation, saying why."""
    session = _locked_for_apprentice(
        session, apprentice, _("Only the apprentice disputes a session.")
    )
    if session.status != GuidanceSession.Status.PENDING:
        raise DomainError(
            _("Only a session awaiting confirmation can be disputed."),
            code="not_pending",
        )
    if not comment.strip():
        raise DomainError(_("Say what is wrong with the session."), code="comment")
    session.status = GuidanceSession.Status.DISPUTED
    session.dispute_comment = comment.strip()
    session.save(update_fields=["status", "dispute_comment"])
    _requests_answered(session, apprentice)
    notify(
        recipient=session.mentor,
        key=f"mentorship:session:{session.pk}:disputed:{session.revisions.count()}",
        kind="session_disputed",
        session=session.pk,
    )
    return session
