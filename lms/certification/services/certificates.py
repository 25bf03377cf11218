"""Skill certificates: issue, record by hand, edit, suspend, reinstate, revoke, renew.
Every change writes one ``CertificateEvent`` (the append-only history)."""

from __future__ import annotations

import datetime
import secrets
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lms import permissions
from lms.errors import DomainError
from lms.models import (
    CertificateAttachment,
    CertificateEvent,
    Enterprise,
    IssuingBody,
    Occupation,
    SkillCertificate,
    SkillLevel,
    User,
)
from lms.services.audit import audit_record

# Fields an officer may correct after issue; each correction is an ``edit`` event.
EDITABLE_FIELDS = (
    "holder_name",
    "occupation",
    "level",
    "number",
    "issued_on",
    "valid_until",
    "evidence_kind",
    "evidence_detail",
    "score",
)


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


def _event(
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


def _check_level(level) -> int:
    try:
        level = int(level)
    except (TypeError, ValueError):
        level = 0
    if level not in SkillLevel.values:
        raise DomainError(_("The skill level must be 1 to 5."), code="level")
    return level


def _check_dates(issued_on: datetime.date, valid_until: datetime.date | None) -> None:
    if valid_until is not None and valid_until < issued_on:
        raise DomainError(
            _("The certificate cannot expire before it is issued."), code="dates"
        )


def _require(allowed: bool) -> None:
    if not allowed:
        raise DomainError(_("You may not change skill certificates."), code="forbidden")


def _jsonable(value):
    if isinstance(value, (datetime.date, Decimal)):
        return str(value)
    if hasattr(value, "pk"):
        return value.pk
    return value


@transaction.atomic
def platform_certificate_issue(
    *,
    holder: User,
    occupation: Occupation,
    level: int,
    course_title: str,
    source_key: str,
    valid_until: datetime.date | None = None,
) -> SkillCertificate:
    """Issues the platform's certificate for a completed course, once per
    ``source_key`` (e.g. ``f"course-completion:{completion.pk}"``): a second call
    returns the certificate the first one made."""
    if not source_key:
        raise DomainError(_("A source key is required."), code="source_key")
    existing = SkillCertificate.objects.filter(source_key=source_key).first()
    if existing is not None:
        return existing
    level = _check_level(level)
    issued_on = timezone.localdate()
    _check_dates(issued_on, valid_until)
    for _attempt in range(5):
        number = f"CS-{issued_on:%Y}-{secrets.token_hex(4).upper()}"
        try:
            with transaction.atomic():
                certificate = SkillCertificate.objects.create(
                    holder=holder,
                    holder_name=holder.get_full_name(),
                    occupation=occupation,
                    level=level,
                    number=number,
                    issuer_kind=SkillCertificate.IssuerKind.PLATFORM,
                    issuer_name=platform_issuer_name(),
                    issuing_body=issuing_body_for(platform_issuer_name()),
                    issued_on=issued_on,
                    valid_until=valid_until,
                    evidence_kind=SkillCertificate.Evidence.COURSE,
                    evidence_detail=course_title[:255],
                    source_key=source_key,
                )
        except IntegrityError:
            # A concurrent call with the same key won; or the random number was taken.
            existing = SkillCertificate.objects.filter(source_key=source_key).first()
            if existing is not None:
                return existing
            continue
        break
    else:  # pragma: no cover - five random collisions in a row
        raise DomainError(_("Could not number the certificate; try again."))
    _event(
        certificate=certificate,
        actor=None,
        action=CertificateEvent.Action.ISSUE,
        changes={"source_key": source_key, "course": course_title},
    )
    _notify_issued(certificate)
    return certificate


def _notify_issued(certificate: SkillCertificate) -> None:
    from lms.services.notifications import notification_send

    notification_send(
        recipient=certificate.holder,
        key=f"cert-issued:{certificate.pk}",
        kind="lms.certificate_issued",
        params={"certificate": certificate.pk},
    )


@transaction.atomic
def certificate_record(
    *,
    actor: User,
    holder: User,
    occupation: Occupation,
    level: int,
    number: str,
    issuer_kind: str,
    issuer_name: str,
    issued_on: datetime.date,
    valid_until: datetime.date | None = None,
    evidence_kind: str = SkillCertificate.Evidence.APPRAISAL,
    evidence_detail: str = "",
    score: Decimal | None = None,
    issuer_enterprise: Enterprise | None = None,
    attachments: list | None = None,
    replaces: SkillCertificate | None = None,
    reason: str = "",
) -> SkillCertificate:
    """An officer records a certificate by hand (an outside body's, an enterprise
    appraisal's). With ``replaces`` it is a renewal: the old record stays."""
    _require(permissions.can_record_certificate(actor))
    level = _check_level(level)
    number = (number or "").strip()
    issuer_name = (issuer_name or "").strip()
    if not number:
        raise DomainError(_("The certificate number is required."), code="number")
    if issuer_kind not in SkillCertificate.IssuerKind.values:
        raise DomainError(_("Choose the kind of issuing body."), code="issuer_kind")
    if not issuer_name:
        raise DomainError(_("Name the issuing body."), code="issuer_name")
    if evidence_kind not in SkillCertificate.Evidence.values:
        raise DomainError(_("Choose the kind of evidence."), code="evidence_kind")
    _check_dates(issued_on, valid_until)
    if replaces is not None:
        if replaces.holder_id != holder.pk:
            raise DomainError(
                _("A renewal must be for the same person."), code="renew_holder"
            )
        # Locked, so two renewals at once cannot both find it current.
        replaces = SkillCertificate.objects.select_for_update(of=("self",)).get(
            pk=replaces.pk
        )
        if (
            replaces.superseded
            or SkillCertificate.objects.filter(replaces=replaces).exists()
        ):
            raise DomainError(
                _("This certificate has already been renewed."), code="renewed"
            )
    if SkillCertificate.objects.filter(
        issuer_kind=issuer_kind, issuer_name=issuer_name, number=number
    ).exists():
        raise DomainError(
            _("%(issuer)s already has a certificate numbered %(number)s.")
            % {"issuer": issuer_name, "number": number},
            code="duplicate_number",
        )
    certificate = SkillCertificate.objects.create(
        holder=holder,
        holder_name=holder.get_full_name(),
        occupation=occupation,
        level=level,
        number=number,
        issuer_kind=issuer_kind,
        issuer_name=issuer_name,
        issuing_body=issuing_body_for(issuer_name),
        issuer_enterprise=issuer_enterprise,
        issued_on=issued_on,
        valid_until=valid_until,
        evidence_kind=evidence_kind,
        evidence_detail=evidence_detail.strip()[:255],
        score=score,
        replaces=replaces,
        recorded_by=actor,
    )
    for upload in attachments or []:
        CertificateAttachment.objects.create(certificate=certificate, file=upload)
    _event(
        certificate=certificate,
        actor=actor,
        action=CertificateEvent.Action.ISSUE,
        changes={"number": number, "issuer": issuer_name},
        reason=reason,
    )
    if replaces is not None:
        # The stored half of the status, in the same transaction as the renewal.
        replaces.superseded = True
        replaces.save(update_fields=["superseded"])
        _event(
            certificate=replaces,
            actor=actor,
            action=CertificateEvent.Action.RENEW,
            changes={"replaced_by": certificate.pk, "number": number},
            reason=reason,
        )
    return certificate


@transaction.atomic
def certificate_renew(
    *,
    actor: User,
    certificate: SkillCertificate,
    number: str,
    issued_on: datetime.date,
    valid_until: datetime.date | None,
    level: int | None = None,
    reason: str = "",
) -> SkillCertificate:
    """Re-issues a certificate as a new record linked to the old one."""
    if certificate.revoked:
        raise DomainError(
            _("A revoked certificate cannot be renewed."), code="renew_revoked"
        )
    return certificate_record(
        actor=actor,
        holder=certificate.holder,
        occupation=certificate.occupation,
        level=certificate.level if level is None else level,
        number=number,
        issuer_kind=certificate.issuer_kind,
        issuer_name=certificate.issuer_name,
        issuer_enterprise=certificate.issuer_enterprise,
        issued_on=issued_on,
        valid_until=valid_until,
        evidence_kind=certificate.evidence_kind,
        evidence_detail=certificate.evidence_detail,
        replaces=certificate,
        reason=reason,
    )


@transaction.atomic
def certificate_edit(
    *, actor: User, certificate: SkillCertificate, reason: str, **changes
) -> SkillCertificate:
    """Corrects fields of a certificate, recording old and new values."""
    _require(permissions.can_record_certificate(actor))
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise DomainError(_("These fields cannot be edited."), code="not_editable")
    if not reason.strip():
        raise DomainError(_("Say why the certificate is corrected."), code="reason")
    certificate = SkillCertificate.objects.select_for_update(of=("self",)).get(
        pk=certificate.pk
    )
    if "level" in changes:
        changes["level"] = _check_level(changes["level"])
    if "holder_name" in changes:
        changes["holder_name"] = (changes["holder_name"] or "").strip()[:200]
        if not changes["holder_name"]:
            raise DomainError(
                _("The holder's name cannot be empty."), code="holder_name"
            )
    diff = {}
    for field, new in changes.items():
        old = getattr(certificate, field)
        if old != new:
            diff[field] = [_jsonable(old), _jsonable(new)]
            setattr(certificate, field, new)
    if not diff:
        return certificate
    _check_dates(certificate.issued_on, certificate.valid_until)
    if "number" in diff and (
        SkillCertificate.objects.filter(
            issuer_kind=certificate.issuer_kind,
            issuer_name=certificate.issuer_name,
            number=certificate.number,
        )
        .exclude(pk=certificate.pk)
        .exists()
    ):
        raise DomainError(
            _("That certificate number is already used."), code="duplicate_number"
        )
    certificate.save()
    _event(
        certificate=certificate,
        actor=actor,
        action=CertificateEvent.Action.EDIT,
        changes=diff,
        reason=reason.strip(),
    )
    return certificate


def _set_flag(
    *,
    actor: User,
    certificate: SkillCertificate,
    flag: str,
    value: bool,
    reason_field: str,
    reason: str,
    action: str,
) -> SkillCertificate:
    _require(permissions.can_revoke_certificate(actor, certificate))
    if value and not reason.strip():
        raise DomainError(_("Give a reason."), code="reason")
    certificate = SkillCertificate.objects.select_for_update(of=("self",)).get(
        pk=certificate.pk
    )
    if getattr(certificate, flag) == value:
        return certificate  # a double submit changes nothing
    if certificate.revoked and flag == "suspended":
        raise DomainError(_("This certificate is revoked."), code="already_revoked")
    setattr(certificate, flag, value)
    setattr(certificate, reason_field, reason.strip() if value else "")
    certificate.save(update_fields=[flag, reason_field])
    _event(
        certificate=certificate,
        actor=actor,
        action=action,
        changes={flag: [not value, value]},
        reason=reason.strip(),
    )
    return certificate


@transaction.atomic
def certificate_suspend(
    *, actor: User, certificate: SkillCertificate, reason: str
) -> SkillCertificate:
    return _set_flag(
        actor=actor,
        certificate=certificate,
        flag="suspended",
        value=True,
        reason_field="suspension_reason",
        reason=reason,
        action=CertificateEvent.Action.SUSPEND,
    )


@transaction.atomic
def certificate_reinstate(
    *, actor: User, certificate: SkillCertificate, reason: str = ""
) -> SkillCertificate:
    return _set_flag(
        actor=actor,
        certificate=certificate,
        flag="suspended",
        value=False,
        reason_field="suspension_reason",
        reason=reason,
        action=CertificateEvent.Action.REINSTATE,
    )


@transaction.atomic
def certificate_revoke(
    *, actor: User, certificate: SkillCertificate, reason: str
) -> SkillCertificate:
    """Revocation is final: there is no service that undoes it."""
    return _set_flag(
        actor=actor,
        certificate=certificate,
        flag="revoked",
        value=True,
        reason_field="revocation_reason",
        reason=reason,
        action=CertificateEvent.Action.REVOKE,
    )


REMINDER_DAYS = (7, 30, 60, 90)


def certificate_expiry_reminders_send(*, today: datetime.date | None = None) -> int:
    """Daily: tells holders and their enterprises' HR that a certificate expires in
    90, 60, 30 or 7 days. Each (certificate, threshold) is sent once, and only the
    nearest threshold, so a day the beat missed sends no burst of old reminders."""
    from django.contrib.auth.models import Group

    from lms.models import CertificateStatus, Membership
    from lms.roles import Role
    from lms.services.notifications import notification_send

    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=max(REMINDER_DAYS))
    expiring = (
        SkillCertificate.objects.filter(
            valid_until__gte=today, valid_until__lte=horizon
        )
        .with_status_in([CertificateStatus.EXPIRING], today)
        .select_related("holder", "occupation")
        .order_by("valid_until", "pk")
    )
    certificates = list(expiring)
    holder_ids = {c.holder_id for c in certificates}
    enterprises_of: dict[int, set[int]] = {}
    for user_id, enterprise_id in Membership.objects.filter(
        user_id__in=holder_ids
    ).values_list("user_id", "enterprise_id"):
        enterprises_of.setdefault(user_id, set()).add(enterprise_id)
    hr_group = Group.objects.filter(name=Role.HR).first()
    hr_of: dict[int, list[User]] = {}
    if hr_group is not None:
        for membership in Membership.objects.filter(
            role=Membership.Role.HR,
            enterprise_id__in=set().union(*enterprises_of.values()),
            user__groups=hr_group,
            user__is_active=True,
        ).select_related("user"):
            hr_of.setdefault(membership.enterprise_id, []).append(membership.user)
    sent = 0
    for certificate in certificates:
        left = (certificate.valid_until - today).days
        threshold = min(d for d in REMINDER_DAYS if left <= d)
        key = f"cert-expiry:{certificate.pk}:{threshold}"
        recipients = [certificate.holder]
        for enterprise_id in enterprises_of.get(certificate.holder_id, ()):
            recipients += hr_of.get(enterprise_id, [])
        for recipient in {r.pk: r for r in recipients}.values():
            if notification_send(
                recipient=recipient,
                key=key,
                kind="lms.certificate_expiring",
                params={
                    "certificate": certificate.pk,
                    "for_holder": recipient.pk == certificate.holder_id,
                },
            ):
                sent += 1
    return sent
