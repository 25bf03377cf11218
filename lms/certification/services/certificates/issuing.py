"""New certificates: the platform's on a course completion (once per source),
one recorded by hand by an officer, and a renewal that supersedes the one it
renews. Each writes its "issue" event."""

from __future__ import annotations

import datetime
import secrets
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.certification.numbers import number_problem
from lms.certification.permissions import certificate_policy
from lms.errors import DomainError
from lms.models import (
    CertificateAttachment,
    CertificateEvent,
    Enterprise,
    Occupation,
    SkillCertificate,
    User,
)

from .common import (
    certificate_event,
    check_dates,
    check_level,
    issuing_body_for,
    platform_issuer_name,
    require,
)


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
    return _platform_issue(
        holder=holder,
        occupation=occupation,
        level=level,
        source_key=source_key,
        valid_until=valid_until,
        evidence_kind=SkillCertificate.Evidence.COURSE,
        evidence_detail=course_title,
        history={"source_key": source_key, "course": course_title},
    )


@transaction.atomic
def placing_certificate_issue(
    *,
    holder: User,
    occupation: Occupation,
    level: int,
    placing: str,
    score: Decimal | None,
    source_key: str,
) -> SkillCertificate:
    """The platform's certificate of a placing in a skills competition (``placing``:
    "1st place, <competition>"), numbered and verified like the others, once per
    ``source_key``. Its ``kind`` is PLACING: it holds no level on the ladder."""
    return _platform_issue(
        holder=holder,
        occupation=occupation,
        level=level,
        source_key=source_key,
        valid_until=None,
        evidence_kind=SkillCertificate.Evidence.COMPETITION,
        evidence_detail=placing,
        kind=SkillCertificate.Kind.PLACING,
        score=score,
        history={"source_key": source_key, "placing": placing},
    )


def _platform_issue(
    *,
    holder: User,
    occupation: Occupation,
    level: int,
    source_key: str,
    valid_until: datetime.date | None,
    evidence_kind: str,
    evidence_detail: str,
    history: dict,
    kind: str = SkillCertificate.Kind.LEVEL,
    score: Decimal | None = None,
) -> SkillCertificate:
    if not source_key:
        raise DomainError(_("A source key is required."), code="source_key")
    existing = SkillCertificate.objects.filter(source_key=source_key).first()
    if existing is not None:
        return existing
    level = check_level(level)
    issued_on = timezone.localdate()
    check_dates(issued_on, valid_until)
    for _attempt in range(5):
        number = f"CS-{issued_on:%Y}-{secrets.token_hex(4).upper()}"
        try:
            with transaction.atomic():
                certificate = SkillCertificate.objects.create(
                    holder=holder,
                    holder_name=holder.get_full_name(),
                    occupation=occupation,
                    kind=kind,
                    level=level,
                    number=number,
                    issuer_kind=SkillCertificate.IssuerKind.PLATFORM,
                    issuer_name=platform_issuer_name(),
                    issuing_body=issuing_body_for(platform_issuer_name()),
                    issued_on=issued_on,
                    valid_until=valid_until,
                    evidence_kind=evidence_kind,
                    evidence_detail=evidence_detail[:255],
                    score=score,
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
    certificate_event(
        certificate=certificate,
        actor=None,
        action=CertificateEvent.Action.ISSUE,
        changes=history,
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
    require(certificate_policy.user_has_permission(actor, "record"))
    level = check_level(level)
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
    check_dates(issued_on, valid_until)
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
    body = issuing_body_for(issuer_name)
    problem = number_problem(
        pattern=body.number_pattern,
        example=body.number_example,
        number=number,
        issued_on=issued_on,
        level=level,
    )
    if problem is not None:
        raise DomainError(str(problem), code="number_pattern")
    certificate = SkillCertificate.objects.create(
        holder=holder,
        holder_name=holder.get_full_name(),
        occupation=occupation,
        level=level,
        number=number,
        issuer_kind=issuer_kind,
        issuer_name=issuer_name,
        issuing_body=body,
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
    certificate_event(
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
        certificate_event(
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
