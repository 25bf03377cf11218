"""The one permission module: every view, export, API and admin list asks here whether
a user may see or change a record. Roles come from Django groups (``lms.roles.Role``);
enterprise roles come from ``Membership``. Predicates take the user first and return a
bool; ``*_visible_to`` helpers return the scoped querysets that views fetch through."""

from __future__ import annotations

from django.conf import settings

from lms.models import Enterprise, Membership
from lms.roles import ADMIN_ROLES, MFA_REQUIRED_ROLES, Role

# --- roles ---------------------------------------------------------------------


def roles_of(user) -> frozenset[str]:
    """The user's platform roles, read once per request object."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_lms_roles", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._lms_roles = cached
    return cached


def has_role(user, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))


def is_staff(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_superuser)


def requires_mfa(user) -> bool:
    """HR, officers, editors, moderators, coordinators and staff must sign in with a
    second factor."""
    if not getattr(settings, "LMS_REQUIRE_MFA", True):
        return False
    return bool(user.is_authenticated and (user.is_staff or user.is_superuser)) or (
        has_role(user, *MFA_REQUIRED_ROLES)
    )


def can_access_admin(user) -> bool:
    return is_staff(user) or has_role(user, *ADMIN_ROLES, Role.COORDINATOR)


# --- organisations -------------------------------------------------------------


def enterprise_ids_where(user, *membership_roles: str) -> frozenset[int]:
    """Ids of the enterprises where the user holds one of the given membership roles."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cache = getattr(user, "_lms_memberships", None)
    if cache is None:
        cache = tuple(
            Membership.objects.filter(user=user).values_list("enterprise_id", "role")
        )
        user._lms_memberships = cache
    return frozenset(e for e, r in cache if r in membership_roles)


def hr_enterprise_ids(user) -> frozenset[int]:
    """Enterprises whose people the user may see as HR (HR role and HR membership)."""
    if not has_role(user, Role.HR):
        return frozenset()
    return enterprise_ids_where(user, Membership.Role.HR)


def can_manage_enterprise(user, enterprise: Enterprise) -> bool:
    """HR and managers post service requests and assign courses for their enterprise."""
    return enterprise.pk in enterprise_ids_where(
        user, Membership.Role.HR, Membership.Role.MANAGER
    )


def is_hr_of_person(user, person) -> bool:
    """HR may see a person's records when the person works in one of their
    enterprises."""
    ids = hr_enterprise_ids(user)
    if not ids:
        return False
    return Membership.objects.filter(user=person, enterprise_id__in=ids).exists()


def can_manage_organisations(user) -> bool:
    return is_staff(user) or has_role(user, Role.COORDINATOR)


def can_view_person(user, person) -> bool:
    """A person's own page: themselves, staff, and HR of their enterprise."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.pk == person.pk or is_staff(user) or is_hr_of_person(user, person)


# --- courses (courses app) -----------------------------------------------------


# --- mentorship (mentorship app) -----------------------------------------------


# --- certificates (lms certification) ------------------------------------------


# --- content (home app) --------------------------------------------------------
