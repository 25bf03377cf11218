"""Agreements and their milestones: draft → awaiting signatures → active (both signed,
the coordinator approved as witness) → completed, or terminated with a reason."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms import permissions
from lms.errors import DomainError, PermissionDenied
from lms.models import Enterprise, Membership, Occupation, User
from mentorship.models import Agreement, AgreementSignature

from .notify import notify

Status = Agreement.Status
Party = AgreementSignature.Party


def _locked(agreement: Agreement) -> Agreement:
    """The agreement re-read under a row lock: two clicks cannot both pass a check."""
    return (
        Agreement.objects.select_for_update(of=("self",))
        .select_related("mentor", "apprentice", "coordinator")
        .get(pk=agreement.pk)
    )


def _require_status(agreement: Agreement, *allowed: str, action) -> None:
    if agreement.status not in allowed:
        raise DomainError(
            _("This agreement is %(status)s: it cannot be %(action)s now.")
            % {"status": agreement.get_status_display().lower(), "action": action},
            code="agreement_status",
        )


def _check_terms(
    *,
    mentor: User,
    apprentice: User,
    enterprise: Enterprise,
    start_date: datetime.date,
    end_date: datetime.date,
    planned_hours: Decimal,
    goals: str,
    cadence: str,
) -> None:
    if not permissions.is_mentor(mentor):
        raise DomainError(
            _("%(person)s is not a mentor on this platform.") % {"person": mentor},
            code="not_a_mentor",
        )
    if mentor.pk == apprentice.pk:
        raise DomainError(_("A mentor cannot be their own apprentice."), code="self")
    if not Membership.objects.filter(user=apprentice, enterprise=enterprise).exists():
        raise DomainError(
            _("%(person)s does not work at %(enterprise)s.")
            % {"person": apprentice, "enterprise": enterprise},
            code="not_a_member",
        )
    if end_date < start_date:
        raise DomainError(_("The end date is before the start date."), code="dates")
    if planned_hours is None or planned_hours <= 0:
        raise DomainError(_("Planned hours must be more than zero."), code="hours")
    if not goals.strip():
        raise DomainError(_("Write down the goals of the agreement."), code="goals")
    if cadence not in Agreement.Cadence.values:
        raise DomainError(_("Choose how often you plan to meet."), code="cadence")


@transaction.atomic
def agreement_create(
    *,
    coordinator: User,
    mentor: User,
    apprentice: User,
    enterprise: Enterprise,
    occupation: Occupation,
    goals: str,
    start_date: datetime.date,
    end_date: datetime.date,
    planned_hours: Decimal,
    cadence: str = Agreement.Cadence.WEEKLY,
) -> Agreement:
    """A draft agreement set up by a union coordinator, who witnesses it."""
    if not permissions.user_may(coordinator, "create", Agreement):
        raise PermissionDenied(_("Only a union coordinator sets up agreements."))
    _check_terms(
        mentor=mentor,
        apprentice=apprentice,
        enterprise=enterprise,
        start_date=start_date,
        end_date=end_date,
        planned_hours=planned_hours,
        goals=goals,
        cadence=cadence,
    )
    try:
        with transaction.atomic():
            return Agreement.objects.create(
                coordinator=coordinator,
                mentor=mentor,
                apprentice=apprentice,
                enterprise=enterprise,
                occupation=occupation,
                goals=goals.strip(),
                start_date=start_date,
                end_date=end_date,
                planned_hours=planned_hours,
                cadence=cadence,
            )
    except IntegrityError:
        raise DomainError(
            _("%(mentor)s and %(apprentice)s already have an open agreement.")
            % {"mentor": mentor, "apprentice": apprentice},
            code="agreement_exists",
        ) from None


@transaction.atomic
def agreement_update(*, agreement: Agreement, actor: User, **terms) -> Agreement:
    """Changes the terms of a draft; once sent for signature the terms are fixed."""
    agreement = _locked(agreement)
    if not permissions.user_can(actor, "manage", agreement):
        raise PermissionDenied(_("Only the agreement's coordinator may change it."))
    _require_status(agreement, Status.DRAFT, action=gettext_lazy("changed"))
    allowed = {
        "mentor",
        "apprentice",
        "enterprise",
        "occupation",
        "goals",
        "start_date",
        "end_date",
        "planned_hours",
        "cadence",
    }
    unknown = set(terms) - allowed
    if unknown:
        raise ValueError(f"Unknown terms: {sorted(unknown)}")
    for name, value in terms.items():
        setattr(agreement, name, value)
    _check_terms(
        mentor=agreement.mentor,
        apprentice=agreement.apprentice,
        enterprise=agreement.enterprise,
        start_date=agreement.start_date,
        end_date=agreement.end_date,
        planned_hours=agreement.planned_hours,
        goals=agreement.goals,
        cadence=agreement.cadence,
    )
    try:
        with transaction.atomic():
            agreement.save()
    except IntegrityError:
        raise DomainError(
            _("These two people already have an open agreement."),
            code="agreement_exists",
        ) from None
    return agreement


@transaction.atomic
def agreement_send_for_signature(*, agreement: Agreement, actor: User) -> Agreement:
    agreement = _locked(agreement)
    if not permissions.user_can(actor, "manage", agreement):
        raise PermissionDenied(_("Only the agreement's coordinator may send it."))
    _require_status(agreement, Status.DRAFT, action=gettext_lazy("sent for signature"))
    agreement.status = Status.AWAITING_SIGNATURES
    agreement.save(update_fields=["status"])
    for party, person in (
        (Party.MENTOR, agreement.mentor),
        (Party.APPRENTICE, agreement.apprentice),
    ):
        notify(
            recipient=person,
            key=f"mentorship:agreement:{agreement.pk}:sign:{party}",
            kind="agreement_to_sign",
            agreement=agreement.pk,
        )
    return agreement


@transaction.atomic
def agreement_sign(*, agreement: Agreement, user: User) -> AgreementSignature:
    """The mentor or the apprentice signs; a second click is refused unchanged."""
    agreement = _locked(agreement)
    if not permissions.user_can(user, "sign", agreement):
        raise PermissionDenied(_("Only the mentor and the apprentice sign here."))
    _require_status(
        agreement, Status.AWAITING_SIGNATURES, action=gettext_lazy("signed")
    )
    party = Party.MENTOR if user.pk == agreement.mentor_id else Party.APPRENTICE
    if agreement.signatures.filter(party=party).exists():
        raise DomainError(
            _("You have already signed this agreement."), code="already_signed"
        )
    signature = AgreementSignature.objects.create(
        agreement=agreement, party=party, signer=user
    )
    if (
        agreement.signatures.filter(party__in=[Party.MENTOR, Party.APPRENTICE]).count()
        == 2
    ):
        notify(
            recipient=agreement.coordinator,
            key=f"mentorship:agreement:{agreement.pk}:approve",
            kind="agreement_to_approve",
            agreement=agreement.pk,
        )
    return signature


@transaction.atomic
def agreement_approve(*, agreement: Agreement, actor: User) -> Agreement:
    """The coordinator witnesses both signatures; the agreement becomes active."""
    agreement = _locked(agreement)
    if not permissions.user_can(actor, "manage", agreement):
        raise PermissionDenied(_("Only the agreement's coordinator may approve it."))
    _require_status(
        agreement, Status.AWAITING_SIGNATURES, action=gettext_lazy("approved")
    )
    signed = set(agreement.signatures.values_list("party", flat=True))
    if not {Party.MENTOR, Party.APPRENTICE} <= signed:
        raise DomainError(
            _("Both the mentor and the apprentice must sign before approval."),
            code="signatures_missing",
        )
    AgreementSignature.objects.create(
        agreement=agreement, party=Party.WITNESS, signer=actor
    )
    agreement.status = Status.ACTIVE
    agreement.activated_at = timezone.now()
    agreement.save(update_fields=["status", "activated_at"])
    return agreement


@transaction.atomic
def agreement_complete(*, agreement: Agreement, actor: User) -> Agreement:
    agreement = _locked(agreement)
    if not permissions.user_can(actor, "complete", agreement):
        raise PermissionDenied(
            _("Only the mentor or the coordinator may complete the agreement.")
        )
    _require_status(agreement, Status.ACTIVE, action=gettext_lazy("completed"))
    agreement.status = Status.COMPLETED
    agreement.closed_at = timezone.now()
    agreement.save(update_fields=["status", "closed_at"])
    return agreement


@transaction.atomic
def agreement_terminate(*, agreement: Agreement, actor: User, reason: str) -> Agreement:
    agreement = _locked(agreement)
    if not permissions.user_can(actor, "manage", agreement):
        raise PermissionDenied(_("Only the agreement's coordinator may terminate it."))
    _require_status(
        agreement,
        Status.DRAFT,
        Status.AWAITING_SIGNATURES,
        Status.ACTIVE,
        action=gettext_lazy("terminated"),
    )
    if not reason.strip():
        raise DomainError(_("Give the reason for terminating."), code="reason")
    agreement.status = Status.TERMINATED
    agreement.termination_reason = reason.strip()
    agreement.closed_at = timezone.now()
    agreement.save(update_fields=["status", "termination_reason", "closed_at"])
    return agreement
