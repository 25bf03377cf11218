"""Accounts, roles and organisations."""

from __future__ import annotations

import datetime

from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from lms import permissions
from lms.errors import DomainError, PermissionDenied
from lms.models import AuditEvent, Enterprise, Membership, User
from lms.roles import ROLE_PERMISSIONS, Role
from lms.services.audit import audit_record


@transaction.atomic
def user_complete_signup(
    *, user: User, display_name: str, preferred_language: str
) -> User:
    """Everyone who signs up is a learner; other roles are granted by staff. The
    learner role is part of signing up, not a grant: it is not audited."""
    user.display_name = display_name.strip()
    user.preferred_language = preferred_language
    user.save(update_fields=["display_name", "preferred_language"])
    _join(user, Role.LEARNER)
    return user


def roles_sync_permissions() -> None:
    """Gives each role group the Django permissions ``ROLE_PERMISSIONS`` declares
    (adds only: permissions granted by hand in the admin stay). Runs after migrate;
    creates the apps' permissions first, as post_migrate order is not guaranteed."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Permission

    wanted = {role: set(perms) for role, perms in ROLE_PERMISSIONS.items()}
    for label in {p.split(".", 1)[0] for perms in wanted.values() for p in perms}:
        create_permissions(apps.get_app_config(label), verbosity=0)
    for role, perms in wanted.items():
        group, _created = Group.objects.get_or_create(name=role)
        for dotted in perms:
            app_label, codename = dotted.split(".", 1)
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                group.permissions.add(permission)


def _refuse_self(actor: User | None, user: User) -> None:
    if actor is not None and actor.pk == user.pk:
        raise PermissionDenied(
            _("Nobody grants a role or a membership to themselves."), code="self"
        )


def _join(user: User, role: str) -> bool:
    """Puts the user in the role's group; False if they were in it already."""
    if user.groups.filter(name=role).exists():
        return False
    group, _created = Group.objects.get_or_create(name=role)
    user.groups.add(group)
    user.__dict__.pop("_lms_roles", None)
    return True


def role_grant(*, user: User, role: str, actor: User | None = None) -> None:
    """``actor`` None is the platform itself (a membership's role, demo data)."""
    _refuse_self(actor, user)
    if not _join(user, role):
        return
    audit_record(
        actor=actor,
        action=AuditEvent.Action.ROLE_GRANT,
        subject=user,
        data={"role": role},
    )


def role_revoke(*, user: User, role: str, actor: User | None = None) -> None:
    _refuse_self(actor, user)
    groups = Group.objects.filter(name=role)
    if not user.groups.filter(name=role).exists():
        return
    user.groups.remove(*groups)
    user.__dict__.pop("_lms_roles", None)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.ROLE_REVOKE,
        subject=user,
        data={"role": role},
    )


ADMINISTRATOR = "Administrator"  # the superuser flag, as the audit trail names it


@transaction.atomic
def user_roles_set(
    *,
    user: User,
    roles: set[str],
    actor: User,
    was_superuser: bool | None = None,
) -> None:
    """The roles a staff member ticked in the Wagtail admin's user form: each
    added or removed one goes through ``role_grant``/``role_revoke`` (audited,
    never to oneself). ``was_superuser`` (the flag before the form saved it)
    audits a change of the administrator flag the same way."""
    current = set(user.groups.values_list("name", flat=True))
    changed = current != roles or (
        was_superuser is not None and was_superuser != user.is_superuser
    )
    if changed:
        _refuse_self(actor, user)
    for role in sorted(roles - current):
        role_grant(user=user, role=role, actor=actor)
    for role in sorted(current - roles):
        role_revoke(user=user, role=role, actor=actor)
    if was_superuser is not None and was_superuser != user.is_superuser:
        audit_record(
            actor=actor,
            action=(
                AuditEvent.Action.ROLE_GRANT
                if user.is_superuser
                else AuditEvent.Action.ROLE_REVOKE
            ),
            subject=user,
            data={"role": ADMINISTRATOR},
        )


def user_set_text_size(*, user: User, size: str) -> None:
    """Remembers the size the person reads the site in (lms.text_size)."""
    from lms.text_size import TextSize

    if size not in TextSize.values:
        raise DomainError(_("That text size is not offered."), code="text_size")
    if user.text_size != size:
        user.text_size = size
        user.save(update_fields=["text_size"])


def user_set_language(*, user: User, language: str) -> None:
    if language not in User.Language.values:
        raise DomainError(_("That language is not offered."), code="language")
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
    # The Wagtail admin reads its own profile for the interface language.
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    if profile.preferred_language != language:
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])


def _membership_data(membership: Membership, before: dict | None = None) -> dict:
    data = {
        "enterprise": membership.enterprise.name,
        "role": membership.role,
        "employee_number": membership.employee_number,
    }
    if before is not None:
        data["before"] = before
    return data


def _require_manage(actor: User | None, user: User, enterprise: Enterprise) -> None:
    """``actor`` None is the platform itself (demo data, imports)."""
    if actor is None:
        return
    _refuse_self(actor, user)
    membership = Membership(user=user, enterprise=enterprise)
    if not permissions.user_can(actor, "change", membership):
        raise PermissionDenied(
            _("You may change memberships of your unions' enterprises only."),
            code="enterprise_scope",
        )


@transaction.atomic
def membership_add(
    *,
    user: User,
    enterprise: Enterprise,
    role: str = Membership.Role.WORKER,
    employee_number: str = "",
    joined_on: datetime.date | None = None,
    actor: User | None = None,
) -> Membership:
    """Adds the person to the enterprise, or changes their membership there."""
    if role not in Membership.Role.values:
        raise DomainError(_("Unknown enterprise role."), code="membership_role")
    _require_manage(actor, user, enterprise)
    existing = Membership.objects.filter(user=user, enterprise=enterprise).first()
    before = None if existing is None else _membership_data(existing)
    defaults = {"role": role, "employee_number": employee_number.strip()}
    if joined_on is not None:
        defaults["joined_on"] = joined_on
    membership, created = _membership_write(
        lambda: Membership.objects.update_or_create(
            user=user, enterprise=enterprise, defaults=defaults
        ),
        employee_number=employee_number,
        enterprise=enterprise,
    )
    if role == Membership.Role.HR:
        role_grant(user=user, role=Role.HR)
    user.__dict__.pop("_lms_memberships", None)
    after = _membership_data(membership)
    if created or before != after:
        audit_record(
            actor=actor,
            action=(
                AuditEvent.Action.MEMBERSHIP_ADD
                if created
                else AuditEvent.Action.MEMBERSHIP_CHANGE
            ),
            subject=user,
            enterprise=enterprise,
            data=_membership_data(membership, before),
        )
    return membership


def _membership_write(write, *, employee_number: str, enterprise: Enterprise):
    """``write()`` in a savepoint: an employee number already used in the
    enterprise is a readable error, not a database one."""
    try:
        with transaction.atomic():
            return write()
    except IntegrityError:
        raise DomainError(
            _("Employee number %(number)s is already used in %(enterprise)s.")
            % {"number": employee_number, "enterprise": enterprise},
            code="employee_number_taken",
        ) from None


@transaction.atomic
def membership_update(
    *,
    membership: Membership,
    actor: User | None,
    user: User,
    enterprise: Enterprise,
    role: str,
    employee_number: str = "",
    joined_on: datetime.date | None = None,
) -> Membership:
    """Edits a membership (the admin's form): moving it to another person or
    enterprise needs the right to both, and is audited as a change."""
    if role not in Membership.Role.values:
        raise DomainError(_("Unknown enterprise role."), code="membership_role")
    old = Membership.objects.select_related("enterprise", "user").get(pk=membership.pk)
    _require_manage(actor, old.user, old.enterprise)
    _require_manage(actor, user, enterprise)
    before = _membership_data(old)
    membership.user, membership.enterprise, membership.role = user, enterprise, role
    membership.employee_number = employee_number.strip()
    membership.joined_on = joined_on
    _membership_write(
        membership.save, employee_number=employee_number, enterprise=enterprise
    )
    if role == Membership.Role.HR:
        role_grant(user=user, role=Role.HR)
    for person in {old.user, user}:
        person.__dict__.pop("_lms_memberships", None)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.MEMBERSHIP_CHANGE,
        subject=user,
        enterprise=enterprise,
        data=_membership_data(membership, before),
    )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, actor: User | None) -> None:
    _require_manage(actor, membership.user, membership.enterprise)
    data = _membership_data(membership)
    user, enterprise = membership.user, membership.enterprise
    membership.delete()
    user.__dict__.pop("_lms_memberships", None)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.MEMBERSHIP_REMOVE,
        subject=user,
        enterprise=enterprise,
        data=data,
    )
