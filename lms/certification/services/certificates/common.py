"""What every certificate service shares: the issuing body's record, the history
event (with its audit record), the board's cache version and the checks of a
level, dates and permission."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from lms.errors import DomainError
from lms.models import (
    CertificateEvent,
    IssuingBody,
    SkillCertificate,
    SkillLevel,
    User,
)
from lms.services.audit import audit_record


def platform_issuer_name() -> str:
    return settings.WAGTAIL_SITE_NAME


def issuing_body_for(name: str) -> IssuingBody:
    """The issuing body record of this name (English or Chinese), made on first use
    so its Chinese name and seal can be added in the admin."""
    body = (
        IssuingBody.objects.filter(name=name).first()
        or IssuingBody.objects.filter(name_zh=name).order_by("pk").first()
    )
    if body is None:
        defaults = {}
        if name == platform_issuer_name():
            # The platform's own name has its Chinese form in the translations.
            with translation.override("zh-hans"):
                defaults["name_zh"] = _(name)
        body, _created = IssuingBody.objects.get_or_create(name=name, defaults=defaults)
    return body


def certificate_event(
    *,
    certificate: SkillCertificate,
    actor: User | None,
    action: str,
    changes: dict | None = None,
    reason: str = "",
) -> CertificateEvent:
    board_changed()
    audit_record(
        actor=actor,
        action=f"certificate.{action}",
        subject=certificate.holder,
        certificate=certificate,
        data={"number": certificate.number, "changes": changes or {}, "reason": reason},
    )
    return CertificateEvent.objects.create(
        certificate=certificate,
        actor=actor,
        action=action,
        changes=changes or {},
        reason=reason,
    )


def board_changed() -> None:
    """Certificates changed: the HR board's cached counts are stale (a new version,
    on commit, so a request between the change and the commit cannot keep them)."""
    from lms.certification.selectors import board_version_bump

    transaction.on_commit(board_version_bump)


def check_level(level) -> int:
    try:
        level = int(level)
    except (TypeError, ValueError):
        level = 0
    if level not in SkillLevel.values:
        raise DomainError(_("Choose one of the eight skill levels."), code="level")
    return level


def check_dates(issued_on: datetime.date, valid_until: datetime.date | None) -> None:
    if valid_until is not None and valid_until < issued_on:
        raise DomainError(
            _("The certificate cannot expire before it is issued."), code="dates"
        )


def require(allowed: bool) -> None:
    if not allowed:
        raise DomainError(_("You may not change skill certificates."), code="forbidden")


def jsonable(value):
    if isinstance(value, (datetime.date, Decimal)):
        return str(value)
    if hasattr(value, "pk"):
        return value.pk
    return value
