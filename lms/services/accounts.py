"""Accounts, roles and organisations."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from lms.errors import DomainError
from lms.models import Enterprise, Membership, User
from lms.roles import ROLE_PERMISSIONS, Role


@transaction.atomic
def user_complete_signup(
    *, user: User, display_name: str, preferred_language: str
) -> User:
    """Everyone who signs up is a learner; other roles are granted by staff."""
    user.display_name = display_name.strip()
    user.preferred_language = preferred_language
    user.save(update_fields=["display_name", "preferred_language"])
    role_grant(user=user, role=Role.LEARNER)
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


def role_grant(*, user: User, role: str) -> None:
    group, _created = Group.objects.get_or_create(name=role)
    user.groups.add(group)
    user.__dict__.pop("_lms_roles", None)


def role_revoke(*, user: User, role: str) -> None:
    user.groups.remove(*Group.objects.filter(name=role))
    user.__dict__.pop("_lms_roles", None)


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


@transaction.atomic
def membership_add(
    *,
    user: User,
    enterprise: Enterprise,
    role: str = Membership.Role.WORKER,
    employee_number: str = "",
) -> Membership:
    if role not in Membership.Role.values:
        raise DomainError(_("Unknown enterprise role."), code="membership_role")
    try:
        with transaction.atomic():
            membership, _created = Membership.objects.update_or_create(
                user=user,
                enterprise=enterprise,
                defaults={"role": role, "employee_number": employee_number.strip()},
            )
    except IntegrityError:
        raise DomainError(
            _("Employee number %(number)s is already used in %(enterprise)s.")
            % {"number": employee_number, "enterprise": enterprise},
            code="employee_number_taken",
        ) from None
    if role == Membership.Role.HR:
        role_grant(user=user, role=Role.HR)
    user.__dict__.pop("_lms_memberships", None)
    return membership
