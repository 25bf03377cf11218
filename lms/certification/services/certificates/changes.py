"""Changes to a certificate after issue: an officer's correction of its fields,
suspension, reinstatement and revocation (final). Each writes one event with the
reason."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from lms.certification.permissions import certificate_policy
from lms.errors import DomainError
from lms.models import (
    CertificateEvent,
    SkillCertificate,
    User,
)

from .common import certificate_event, check_dates, check_level, jsonable, require

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


@transaction.atomic
def certificate_edit(
    *, actor: User, certificate: SkillCertificate, reason: str, **changes
) -> SkillCertificate:
    """Corrects fields of a certificate, recording old and new values."""
    require(certificate_policy.user_has_permission(actor, "record"))
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise DomainError(_("These fields cannot be edited."), code="not_editable")
    if not reason.strip():
        raise DomainError(_("Say why the certificate is corrected."), code="reason")
    certificate = SkillCertificate.objects.select_for_update(of=("self",)).get(
        pk=certificate.pk
    )
    if "level" in changes:
        changes["level"] = check_level(changes["level"])
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
            diff[field] = [jsonable(old), jsonable(new)]
            setattr(certificate, field, new)
    if not diff:
        return certificate
    check_dates(certificate.issued_on, certificate.valid_until)
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
    certificate_event(
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
    require(
        certificate_policy.user_has_permission_for_instance(
            actor, "revoke", certificate
        )
    )
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
    certificate_event(
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
