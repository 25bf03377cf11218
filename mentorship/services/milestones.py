"""Milestones of an agreement: added by the mentor or coordinator, signed off by the
mentor with evidence; overdue ones are announced once."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms import permissions
from lms.errors import DomainError, PermissionDenied
from lms.models import Occupation, SkillLevel, User
from mentorship.models import Agreement, Milestone
from mentorship.validators import validate_attachment

from .agreements import _locked, _require_status
from .notify import notify

Status = Agreement.Status


@transaction.atomic
def milestone_add(
    *,
    agreement: Agreement,
    actor: User,
    title: str,
    target_date: datetime.date,
    skill_level: int,
    occupation: Occupation | None = None,
    courses=(),
) -> Milestone:
    agreement = _locked(agreement)
    if not permissions.user_can(actor, "manage_milestones", agreement):
        raise PermissionDenied(
            _("Only the mentor or the coordinator may add milestones.")
        )
    _require_status(
        agreement,
        Status.DRAFT,
        Status.AWAITING_SIGNATURES,
        Status.ACTIVE,
        action=gettext_lazy("given new milestones"),
    )
    if not title.strip():
        raise DomainError(_("Give the milestone a title."), code="title")
    if not agreement.start_date <= target_date <= agreement.end_date:
        raise DomainError(
            _("The target date must fall within the agreement (%(start)s to %(end)s).")
            % {"start": agreement.start_date, "end": agreement.end_date},
            code="target_date",
        )
    if skill_level not in SkillLevel.values:
        raise DomainError(_("Choose one of the eight skill levels."), code="level")
    milestone = Milestone.objects.create(
        agreement=agreement,
        title=title.strip(),
        target_date=target_date,
        occupation=occupation or agreement.occupation,
        skill_level=skill_level,
    )
    if courses:
        milestone.courses.set(courses)
    return milestone


@transaction.atomic
def milestone_sign_off(
    *, milestone: Milestone, mentor: User, evidence: str, evidence_file=None
) -> Milestone:
    """The mentor signs a milestone off with evidence; a second sign-off is refused."""
    milestone = (
        Milestone.objects.select_for_update(of=("self",))
        .select_related("agreement")
        .get(pk=milestone.pk)
    )
    if not permissions.user_can(mentor, "sign_off", milestone):
        raise PermissionDenied(_("Only the agreement's mentor signs off milestones."))
    _require_status(
        milestone.agreement, Status.ACTIVE, action=gettext_lazy("signed off")
    )
    if milestone.signed_off_at is not None:
        raise DomainError(
            _("This milestone is already signed off."), code="already_signed_off"
        )
    if not evidence.strip():
        raise DomainError(
            _("Describe the evidence that the milestone is reached."), code="evidence"
        )
    if evidence_file:
        try:
            validate_attachment(evidence_file)
        except ValidationError as error:
            raise DomainError(" ".join(error.messages), code="evidence_file") from None
        milestone.evidence_file = evidence_file
    milestone.evidence = evidence.strip()
    milestone.signed_off_at = timezone.now()
    milestone.signed_off_by = mentor
    milestone.save()
    return milestone


def milestones_notify_overdue(*, today: datetime.date | None = None) -> int:
    """Tells mentor and apprentice once about each overdue milestone of an active
    agreement; returns how many milestones are overdue."""
    today = today or timezone.localdate()
    overdue = Milestone.objects.filter(
        agreement__status=Status.ACTIVE,
        signed_off_at__isnull=True,
        target_date__lt=today,
    ).select_related("agreement__mentor", "agreement__apprentice")
    count = 0
    for milestone in overdue.iterator(chunk_size=500):
        count += 1
        agreement = milestone.agreement
        for person in (agreement.mentor, agreement.apprentice):
            notify(
                recipient=person,
                key=f"mentorship:milestone:{milestone.pk}:overdue",
                kind="milestone_overdue",
                milestone=milestone.pk,
            )
    return count


@transaction.atomic
def milestone_set_courses(*, milestone: Milestone, actor: User, courses) -> Milestone:
    """Links the courses that lead toward the milestone (replacing earlier links)."""
    agreement = _locked(milestone.agreement)
    if not permissions.user_can(actor, "manage_milestones", agreement):
        raise PermissionDenied(
            _("Only the mentor or the coordinator may change milestones.")
        )
    _require_status(
        agreement,
        Status.DRAFT,
        Status.AWAITING_SIGNATURES,
        Status.ACTIVE,
        action=gettext_lazy("changed"),
    )
    milestone.courses.set(courses)
    return milestone
