"""HR's invitations: made for one enterprise with the membership they give, used by
the worker who signs in with them, revoked by HR. Every change is audited."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import permissions
from lms.errors import DomainError, PermissionDenied
from lms.models import AuditEvent, Enterprise, Invitation, Membership, User
from lms.models.invitations import clean_invitation_code, new_invitation_code
from lms.policies import invitation_roles_for
from lms.services.accounts import membership_add
from lms.services.audit import audit_record

MAX_DAYS = 90
MAX_USES = 500


def _data(invitation: Invitation) -> dict:
    return {
        "enterprise": invitation.enterprise.name,
        "role": invitation.role,
        "employee_number": invitation.employee_number,
        "code": invitation.code,
    }


@transaction.atomic
def invitation_create(
    *,
    actor: User,
    enterprise: Enterprise,
    role: str = Membership.Role.WORKER,
    employee_number: str = "",
    invitee: str = "",
    max_uses: int = 1,
    days: int | None = None,
) -> Invitation:
    """An invitation of ``actor``'s enterprise: one person (with an employee number)
    or up to ``max_uses`` people (a code put up on a notice board)."""
    if role not in invitation_roles_for(actor, enterprise):
        raise PermissionDenied(
            _("You may not invite people into %(enterprise)s with this role.")
            % {"enterprise": enterprise},
            code="invitation_scope",
        )
    days = settings.INVITATION_DAYS if days is None else days
    if not 1 <= days <= MAX_DAYS:
        raise DomainError(
            _("An invitation is good for 1 to %(max)d days.") % {"max": MAX_DAYS},
            code="invitation_days",
        )
    if not 1 <= max_uses <= MAX_USES:
        raise DomainError(
            _("An invitation may be used 1 to %(max)d times.") % {"max": MAX_USES},
            code="invitation_uses",
        )
    employee_number = employee_number.strip()
    if employee_number and max_uses != 1:
        raise DomainError(
            _("An employee number belongs to one person: invite them alone."),
            code="invitation_number_uses",
        )
    if employee_number:
        taken = (
            Membership.objects.filter(
                enterprise=enterprise, employee_number=employee_number
            ).exists()
            or Invitation.objects.pending()
            .filter(enterprise=enterprise, employee_number=employee_number)
            .exists()
        )
        if taken:
            raise DomainError(
                _(
                    "Employee number %(number)s is already used in %(enterprise)s "
                    "or waits in another invitation."
                )
                % {"number": employee_number, "enterprise": enterprise},
                code="employee_number_taken",
            )
    now = timezone.now()
    for _attempt in range(5):
        try:
            with transaction.atomic():
                invitation = Invitation.objects.create(
                    enterprise=enterprise,
                    code=new_invitation_code(),
                    role=role,
                    employee_number=employee_number,
                    invitee=invitee.strip(),
                    max_uses=max_uses,
                    created_by=actor,
                    created_at=now,
                    expires_at=now + datetime.timedelta(days=days),
                )
            break
        except IntegrityError:  # the same random code twice: draw again
            continue
    else:  # pragma: no cover - 31**8 codes
        raise DomainError(_("Please try again."), code="invitation_code")
    audit_record(
        actor=actor,
        action=AuditEvent.Action.INVITATION_CREATE,
        enterprise=enterprise,
        data=_data(invitation),
    )
    return invitation


@transaction.atomic
def invitation_revoke(*, actor: User, invitation: Invitation) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not permissions.user_can(actor, "view", invitation):
        raise PermissionDenied(
            _("You may revoke invitations of your enterprises only."),
            code="invitation_scope",
        )
    if invitation.revoked_at is not None:
        raise DomainError(_("This invitation is already revoked."), code="revoked")
    if not invitation.is_pending:
        raise DomainError(
            _("This invitation can no longer be used; there is nothing to revoke."),
            code="not_pending",
        )
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit_record(
        actor=actor,
        action=AuditEvent.Action.INVITATION_REVOKE,
        enterprise=invitation.enterprise,
        data=_data(invitation),
    )
    return invitation


def invitation_find(code: str) -> Invitation | None:
    """The invitation of a typed or linked code (any case, spaces, hyphens)."""
    code = clean_invitation_code(code)
    if not code:
        return None
    return Invitation.objects.select_related("enterprise").filter(code=code).first()


def invitation_refusal(invitation: Invitation) -> str | None:
    """Why the invitation cannot be used now, in words; None when it can."""
    status = invitation.status
    if status == Invitation.Status.REVOKED:
        return _("This invitation was withdrawn. Ask your HR office for a new one.")
    if status == Invitation.Status.USED:
        return _(
            "This invitation has already been used. Ask your HR office for a new one."
        )
    if status == Invitation.Status.EXPIRED:
        return _("This invitation has expired. Ask your HR office for a new one.")
    return None


@transaction.atomic
def invitation_accept(*, user: User, code: str) -> Membership:
    """The signed-in person joins the invitation's enterprise with its role and
    employee number. Refused, changing nothing, when the invitation cannot be used
    or the person is already a member there."""
    found = invitation_find(code)
    if found is None:
        raise DomainError(
            _("There is no invitation with this code. Check it and try again."),
            code="unknown_code",
        )
    invitation = (
        Invitation.objects.select_for_update()
        .select_related("enterprise")
        .get(pk=found.pk)
    )
    refusal = invitation_refusal(invitation)
    if refusal:
        raise DomainError(refusal, code=invitation.status)
    enterprise = invitation.enterprise
    if Membership.objects.filter(user=user, enterprise=enterprise).exists():
        raise DomainError(
            _("You are already a member of %(enterprise)s.")
            % {"enterprise": enterprise},
            code="already_member",
        )
    membership = membership_add(
        user=user,
        enterprise=enterprise,
        role=invitation.role,
        employee_number=invitation.employee_number,
        joined_on=timezone.localdate(),
    )
    Invitation.objects.filter(pk=invitation.pk).update(uses=F("uses") + 1)
    invitation.accepted_by.add(user)
    audit_record(
        actor=user,
        action=AuditEvent.Action.INVITATION_ACCEPT,
        subject=user,
        enterprise=enterprise,
        data=_data(invitation),
    )
    return membership
