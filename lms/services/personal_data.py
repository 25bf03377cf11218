"""Export one person's data as a ZIP file, and erase it on request (GDPR-style): the
person asks from their data page, staff approve (the erasure runs) or refuse with a
reason within ``ErasureRequest.DAYS_TO_DECIDE`` days."""

from __future__ import annotations

import io
import json
import logging
import zipfile

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import permissions, personal_data
from lms.errors import DomainError, PermissionDenied
from lms.models import AuditEvent, ErasureRequest, User
from lms.private_files import storage_holding
from lms.queueing import queue_on_commit
from lms.services.audit import audit_record
from lms.services.notifications import notification_send

logger = logging.getLogger("lms.personal_data")

EXPORT_FORMAT = 1


def personal_data_collect(*, user: User) -> dict:
    """Every registered app's part of the person's data (what data.json holds)."""
    return {
        "format": EXPORT_FORMAT,
        "exported_at": timezone.now().isoformat(),
        "person_id": user.pk,
        "parts": {part.name: part.exporter(user) for part in personal_data.parts()},
    }


def personal_data_export(*, user: User) -> bytes:
    """A ZIP of ``data.json`` and the person's uploaded files under ``files/``.
    A file missing from storage is listed in ``missing_files`` instead."""
    data = personal_data_collect(user=user)
    names = sorted(
        {n for part in data["parts"].values() for n in part.get("files", [])}
    )
    missing = []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            try:
                with storage_holding(name).open(name, "rb") as stored:
                    archive.writestr(f"files/{name}", stored.read())
            except (FileNotFoundError, OSError):
                missing.append(name)
        data["missing_files"] = missing
        archive.writestr(
            "data.json", json.dumps(data, ensure_ascii=False, indent=2, default=str)
        )
    return buffer.getvalue()


@transaction.atomic
def personal_data_erase(*, user: User, actor: User | None) -> User:
    """Erases the person's data in every app, all or nothing; files are deleted
    once committed. ``actor`` is the staff member (None: a management command run
    by an operator). Running it again changes nothing."""
    if actor is not None and not permissions.user_can(actor, "erase", user):
        raise PermissionDenied(_("You may not erase this person's data."))
    if user.is_superuser:
        raise DomainError(
            _("Remove the administrator rights of this account before erasing it."),
            code="erase_superuser",
        )
    user = User.objects.select_for_update(of=("self",)).get(pk=user.pk)
    # Apps that build on lms erase first; lms scrubs the account itself last.
    for part in reversed(personal_data.parts()):
        part.eraser(user)
    logger.warning(
        "personal data of person %s erased by %s",
        user.pk,
        getattr(actor, "pk", "a management command"),
    )
    return user


def erasure_request_create(*, person: User, reason: str = "") -> ErasureRequest:
    """Records the person's request, or returns the one still waiting (a second
    click or a repeated form is the same request). Audited."""
    if not permissions.user_can(person, "request_erasure", person):
        raise PermissionDenied(_("This account cannot ask for its erasure."))
    pending = ErasureRequest.objects.filter(
        person=person, status=ErasureRequest.Status.PENDING
    )
    existing = pending.first()
    if existing is not None:
        return existing
    now = timezone.now()
    try:
        with transaction.atomic():
            erasure_request = ErasureRequest.objects.create(
                person=person,
                requested_at=now,
                reason=reason.strip()[:2000],
                due_on=ErasureRequest.due_for(now),
            )
            audit_record(
                actor=person,
                action=AuditEvent.Action.ERASURE_REQUEST,
                subject=person,
                data={"request": erasure_request.pk},
            )
    except IntegrityError:  # the same request, sent twice at once
        return pending.get()
    return erasure_request


def _locked_pending(erasure_request: ErasureRequest) -> ErasureRequest:
    erasure_request = ErasureRequest.objects.select_for_update(of=("self",)).get(
        pk=erasure_request.pk
    )
    if erasure_request.status != ErasureRequest.Status.PENDING:
        raise DomainError(
            _("This request has already been decided: %(status)s.")
            % {"status": erasure_request.get_status_display()},
            code="erasure_decided",
        )
    return erasure_request


def _decided(erasure_request: ErasureRequest, *, actor: User, status, note: str):
    erasure_request.status = status
    erasure_request.decided_by = actor
    erasure_request.decided_at = timezone.now()
    erasure_request.decision_note = note
    erasure_request.save(
        update_fields=["status", "decided_by", "decided_at", "decision_note"]
    )


@transaction.atomic
def erasure_request_approve(
    *, erasure_request: ErasureRequest, actor: User, note: str = ""
) -> ErasureRequest:
    """Erases the person's data (``personal_data_erase``, the service the
    ``erase_person`` command runs) and records the decision; the person is told
    by e-mail at the address they had, since their inbox is erased with the rest."""
    erasure_request = _locked_pending(erasure_request)
    person = erasure_request.person
    if not permissions.user_can(actor, "decide", erasure_request):
        raise PermissionDenied(_("You may not decide this erasure request."))
    address, language = person.email, person.preferred_language
    personal_data_erase(user=person, actor=actor)  # blanks the request's reason too
    erasure_request.refresh_from_db(fields=["reason"])
    _decided(
        erasure_request,
        actor=actor,
        status=ErasureRequest.Status.APPROVED,
        note=note.strip()[:2000],
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.ERASURE_APPROVE,
        subject=person,
        data={"request": erasure_request.pk},
    )
    from lms.tasks import erasure_done_mail

    queue_on_commit(erasure_done_mail, address, language)
    return erasure_request


@transaction.atomic
def erasure_request_refuse(
    *, erasure_request: ErasureRequest, actor: User, note: str
) -> ErasureRequest:
    """Refuses with the reason the person will read on their data page and in
    their inbox."""
    erasure_request = _locked_pending(erasure_request)
    if not permissions.user_can(actor, "decide", erasure_request):
        raise PermissionDenied(_("You may not decide this erasure request."))
    note = note.strip()[:2000]
    if not note:
        raise DomainError(
            _("Give the reason for refusing: the person will read it."),
            code="erasure_note",
        )
    _decided(
        erasure_request, actor=actor, status=ErasureRequest.Status.REFUSED, note=note
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.ERASURE_REFUSE,
        subject=erasure_request.person,
        data={"request": erasure_request.pk, "note": note},
    )
    notification_send(
        recipient=erasure_request.person,
        key=f"lms:erasure:{erasure_request.pk}:refused",
        kind="lms.erasure_refused",
        params={"erasure_request": erasure_request.pk},
    )
    return erasure_request


def erasure_done_mail_send(*, address: str, language: str) -> None:
    """The one message an erased person gets: their data is gone."""
    from django.core.mail import send_mail
    from django.utils import translation

    with translation.override(language or "en"):
        send_mail(
            _("Your data has been erased"),
            _(
                "As you asked, your account on Craft Skills is closed and your "
                "personal data erased. Certificates issued to you stay verifiable, "
                "without your name."
            ),
            None,
            [address],
        )
