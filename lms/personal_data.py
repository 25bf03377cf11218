"""One person's data from every app, exported as a file or erased on request.

Each app registers a part: ``exporter(user)`` returns a JSON-able dict (with a
``files`` list of the storage names of the person's uploads) and ``eraser(user)``
removes or scrubs the person's records, safe to run again. ``lms`` never imports the
other apps: courses, mentorship and home register their parts in ``ready()``. The
services that use the registry are in ``lms.services.personal_data``; what each part
keeps and why is written down in docs/privacy.md."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction

from lms.models import (
    ApiToken,
    CertificateAttachment,
    ErasureRequest,
    IssuedCredential,
    Membership,
    Notification,
    SkillCertificate,
    SkillLevel,
    User,
)
from lms.models.users import ERASED_EMAIL_DOMAIN
from lms.private_files import delete_with_thumbnail

logger = logging.getLogger(__name__)

# Free text about an erased person that a shared record must keep non-empty.
ERASED_TEXT = "—"


@dataclass(frozen=True)
class Part:
    name: str
    exporter: Callable[[User], dict]
    eraser: Callable[[User], None]


_parts: dict[str, Part] = {}


def register(
    name: str,
    exporter: Callable[[User], dict],
    eraser: Callable[[User], None],
) -> None:
    """Adds (or replaces, so a second ``ready()`` is harmless) an app's part."""
    _parts[name] = Part(name, exporter, eraser)


def parts() -> list[Part]:
    """In registration order: lms first (it registers on import)."""
    return list(_parts.values())


def tombstone_email(user: User) -> str:
    """Unique for each account, and says nothing about the person."""
    return f"erased-{user.pk}@{ERASED_EMAIL_DOMAIN}"


def when(value) -> str | None:
    """Dates and times as ISO 8601 text for data.json."""
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return None if value is None else str(value)


def delete_files_on_commit(names: Iterable[str]) -> None:
    """Deletes stored files once the erasure is committed (never before: a rolled
    back erasure keeps its files)."""
    names = sorted({name for name in names if name})
    if names:
        transaction.on_commit(lambda: _delete_files(names))


def _delete_files(names: list[str]) -> None:
    for name in names:
        try:
            delete_with_thumbnail(name)
        except OSError:  # pragma: no cover - a storage outage must not undo the erasure
            logger.warning("personal data: could not delete file %s", name)


# --- lms's own part ------------------------------------------------------------


def _certificate(certificate: SkillCertificate) -> dict:
    return {
        "number": certificate.number,
        "occupation": certificate.occupation.name,
        # The interchange code (as imports and the API write it) and the name.
        "level": SkillLevel(certificate.level).code,
        "level_name": str(SkillLevel(certificate.level).label),
        "holder_name": certificate.holder_name,
        "issuer": certificate.issuer_name,
        "issued_on": when(certificate.issued_on),
        "valid_until": when(certificate.valid_until),
        "status": certificate.status,
        "verification_code": certificate.verification_code,
        "attachments": [a.file.name for a in certificate.attachments.all()],
    }


def _credential(record: IssuedCredential) -> dict:
    """What the person was given as an Open Badges credential: the certificate it
    stands for, or the course completion's names (``achievement``)."""
    return {
        "id": f"urn:uuid:{record.uuid}",
        "issuer": record.issuing_body.name,
        "certificate": record.certificate.number if record.certificate else None,
        "achievement": record.achievement,
        "issued_on": when(record.issued_on),
    }


def export_lms(user: User) -> dict:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    certificates = (
        SkillCertificate.objects.filter(holder=user)
        .with_status()
        .select_related("occupation")
        .prefetch_related("attachments")
    )
    memberships = Membership.objects.filter(user=user).select_related("enterprise")
    data = {
        "profile": {
            "email": user.email,
            "display_name": user.display_name,
            "latin_name": user.latin_name,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "phone": user.phone,
            "preferred_language": user.preferred_language,
            "avatar": user.avatar.name or None,
            "date_joined": when(user.date_joined),
            "last_login": when(user.last_login),
            "active": user.is_active,
        },
        "roles": sorted(user.groups.values_list("name", flat=True)),
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user)
        ],
        # Which second factors exist, never their secrets.
        "two_factor": sorted(
            Authenticator.objects.filter(user=user).values_list("type", flat=True)
        ),
        "memberships": [
            {
                "enterprise": m.enterprise.name,
                "role": m.role,
                "employee_number": m.employee_number,
                "joined_on": when(m.joined_on),
            }
            for m in memberships
        ],
        "coordinated_unions": sorted(
            user.coordinated_unions.values_list("name", flat=True)
        ),
        "notifications": [
            {
                "kind": n.kind,
                "subject": message.subject,
                "body": message.body,
                "url": message.link,
                "created_at": when(n.created_at),
                "read_at": when(n.read_at),
            }
            for n in Notification.objects.filter(recipient=user)
            for message in [n.render(user.preferred_language)]
        ],
        "certificates": [_certificate(c) for c in certificates],
        "credentials": [
            _credential(record)
            for record in IssuedCredential.objects.filter(holder=user)
            .select_related("issuing_body", "certificate")
            .order_by("issued_on", "pk")
        ],
        "erasure_requests": [
            {
                "requested_at": when(e.requested_at),
                "reason": e.reason,
                "status": e.status,
                "due_on": when(e.due_on),
                "decided_at": when(e.decided_at),
                "decision_note": e.decision_note,
            }
            for e in ErasureRequest.objects.filter(person=user)
        ],
    }
    data["files"] = [
        name
        for name in [
            user.avatar.name,
            *(f for c in data["certificates"] for f in c["attachments"]),
        ]
        if name
    ]
    return data


def erase_lms(user: User) -> None:
    """Scrubs the account itself (runs last): it stays as a tombstone so shared
    records (certificates, agreements, sign-offs) keep their integrity, shown as
    "Former member". Certificates stay verifiable; their scans are deleted."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from wagtail.users.models import UserProfile

    files = [user.avatar.name]
    attachments = CertificateAttachment.objects.filter(certificate__holder=user)
    files += [a.file.name for a in attachments]
    attachments.delete()
    for profile in UserProfile.objects.filter(user=user):
        files.append(profile.avatar.name)
        profile.delete()
    # The name recorded on their certificates goes too ("Former member" shows).
    SkillCertificate.objects.filter(holder=user).update(holder_name="")
    Membership.objects.filter(user=user).delete()
    Notification.objects.filter(recipient=user).delete()
    # The record of the request stays (who asked, when, the decision); their words go.
    ErasureRequest.objects.filter(person=user).update(reason="")
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    ApiToken.objects.filter(user=user).delete()
    user.coordinated_unions.clear()
    user.groups.clear()
    user.user_permissions.clear()

    user.email = tombstone_email(user)
    user.display_name = user.first_name = user.last_name = user.phone = ""
    user.phone_verified = False
    user.latin_name = ""
    user.avatar = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.last_login = None
    user.set_unusable_password()  # also ends every signed-in session
    user.save()
    for cached in ("_lms_roles", "_lms_memberships"):
        user.__dict__.pop(cached, None)
    delete_files_on_commit(files)


register("lms", export_lms, erase_lms)
