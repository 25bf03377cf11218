"""The permission registry and the shared role helpers. "May this person do this?"
is answered by one policy per record type, owned by the app that owns the records
(``RulePolicy`` below, shaped like Wagtail's permission policies): lms's own records
in ``lms/policies.py``, certificates in ``lms/certification/permissions.py``, the
courses app's in ``courses/permissions.py``, mentorship's in
``mentorship/permissions.py``; each app registers them in its ``AppConfig.ready()``.
Here: roles (from Django groups, ``lms.roles.Role``), enterprise roles (from
``Membership``), the second-factor rule, the policy base and the registry
(docs/architecture.md, "Permissions")."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q

from lms.models import Membership
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


def meets_mfa_rule(user) -> bool:
    """Whether the user may act as themselves: their role needs no second factor,
    or they have an authenticator app. The browser gate (lms.middleware) and API
    tokens (lms.api_auth) both ask this."""
    if not requires_mfa(user):
        return True
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    ).exists()


def is_mentor(user) -> bool:
    return has_role(user, Role.MENTOR)


def is_coordinator(user) -> bool:
    return has_role(user, Role.COORDINATOR)


def is_certification_officer(user) -> bool:
    return is_staff(user) or has_role(user, Role.OFFICER)


def can_access_admin(user) -> bool:
    return is_staff(user) or has_role(user, *ADMIN_ROLES, Role.COORDINATOR)


def can_edit_pages(user) -> bool:
    """Editors and moderators (and staff) write pages: courses, lessons, profiles,
    stories. What they may do to each page is Wagtail's page permissions, granted
    once, on the root of every language tree (home/migrations/0004)."""
    return is_staff(user) or has_role(user, Role.EDITOR, Role.MODERATOR)


def can_view_public_content(user) -> bool:
    """Role-model profiles, stories, studios and alliances are public once live;
    drafts are seen only in the Wagtail admin (its own page permissions)."""
    return True


# --- enterprises a user belongs to ---------------------------------------------


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


def hr_people(user):
    """The people of the user's HR enterprises, for rules (``values_of``): the
    database reads it as a subquery, an instance check once per user object."""
    cached = getattr(user, "_lms_hr_people", None)
    if cached is None:
        ids = hr_enterprise_ids(user)
        cached = values_of(
            Membership.objects.filter(enterprise_id__in=ids).values_list(
                "user_id", flat=True
            )
        )
        user._lms_hr_people = cached
    return cached


# --- policies: one rule per action, registered per model ----------------------
# Shaped like Wagtail's permission policies (wagtail.permission_policies.base).
# Each app owns the policy of its own records and registers it in its
# AppConfig.ready(); lms only keeps this base and the registry, and never names
# another app's models or states.


class RulePolicy:
    """A record type's permission policy. Each action has ONE rule, a method
    ``rule_<action>(self, user)`` answering ``True`` (every record), ``False`` (no
    record) or a ``Q`` over the model (the records matching it). From that one rule:

    - ``user_has_permission(user, action)``: may the user do it to any record at
      all (the rule is not ``False``; no query);
    - ``instances_user_has_permission_for(user, action)``: the queryset;
    - ``user_has_permission_for_instance(user, action, instance)``: the same Q
      evaluated in memory on the instance (``q_matches``), so a page asking several
      questions of a record it already fetched costs no query per question.

    Rules use only ``exact``, ``in`` (with concrete values, or a one-column
    queryset marked with ``values_of``) and ``isnull`` lookups; anything else
    raises, so a rule the instance check cannot evaluate fails in its policy's
    test rather than answering wrongly. Anonymous
    and inactive users get ``False`` for every action before a rule runs."""

    model = None

    def __init__(self, model=None):
        if model is not None:
            self.model = model

    def rule(self, user, action: str) -> bool | Q:
        method = getattr(self, f"rule_{action}", None)
        if method is None:
            raise ValueError(f"{type(self).__name__} has no action {action!r}")
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return False
        answer = method(user)
        if not isinstance(answer, bool | Q):
            raise TypeError(f"{type(self).__name__}.rule_{action} gave {answer!r}")
        return answer

    def actions(self) -> list[str]:
        return sorted(n[5:] for n in dir(self) if n.startswith("rule_"))

    def user_has_permission(self, user, action: str) -> bool:
        return self.rule(user, action) is not False

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, a) for a in actions)

    def instances_user_has_permission_for(self, user, action: str):
        rule = self.rule(user, action)
        manager = self.model._default_manager
        if rule is True:
            return manager.all()
        if rule is False:
            return manager.none()
        return manager.filter(rule)

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        rule = self.rule(user, action)
        if isinstance(rule, bool):
            return rule
        return q_matches(rule, instance)


def any_of(*rules: bool | Q) -> bool | Q:
    """Rules joined by OR (``True`` wins, ``False`` drops out)."""
    result: bool | Q = False
    for rule in rules:
        if rule is True:
            return True
        if rule is not False:
            result = rule if result is False else result | rule
    return result


def all_of(*rules: bool | Q) -> bool | Q:
    """Rules joined by AND (``False`` wins, ``True`` drops out)."""
    result: bool | Q = True
    for rule in rules:
        if rule is False:
            return False
        if rule is not True:
            result = rule if result is True else result & rule
    return result


def values_of(queryset):
    """A one-column queryset a rule may use with ``in`` (``Q(holder_id__in=
    values_of(...))``): a subquery in SQL; the instance check reads its values once
    and the queryset keeps them, so asking of many records costs one query."""
    queryset._rule_values = True
    return queryset


def through(rule: bool | Q, path: str) -> bool | Q:
    """A rule over a related record, restated from this record: ``through(agreement
    rule, "agreement")`` turns ``Q(mentor=u)`` into ``Q(agreement__mentor=u)``."""
    if rule is True:  # every related record: every record that has one
        return Q(**{f"{path}__isnull": False})
    if rule is False:
        return False
    moved = Q(
        *(
            through(c, path) if isinstance(c, Q) else (f"{path}__{c[0]}", c[1])
            for c in rule.children
        ),
        _connector=rule.connector,
        _negated=rule.negated,
    )
    return moved


def q_matches(q: Q, instance) -> bool:
    """Whether ``instance`` is among ``Model.objects.filter(q)``, answered from the
    instance's own fields (following foreign keys where the Q does)."""
    results = (
        q_matches(c, instance) if isinstance(c, Q) else _lookup(instance, *c)
        for c in q.children
    )
    found = all(results) if q.connector == Q.AND else any(results)
    return not found if q.negated else found


_LOOKUPS = ("exact", "in", "isnull")


def _key(value):
    return getattr(value, "pk", value) if hasattr(value, "_meta") else value


def _lookup(instance, path: str, value) -> bool:
    parts = path.split("__")
    lookup = parts.pop() if parts[-1] in _LOOKUPS and len(parts) > 1 else "exact"
    obj = instance
    if len(parts) > 1 and parts[-1] == "pk":
        parts.pop()  # ``enterprise__pk`` is ``enterprise_id``: no fetch
    for part in parts[:-1]:
        if not _field(obj, part, path).many_to_one:
            raise ValueError(f"rule looks up {path!r}: follow foreign keys only")
        obj = getattr(obj, part)
        if obj is None:  # a join on an empty foreign key finds nothing
            return lookup == "isnull" and bool(value)
    last = parts[-1]
    if last == "pk":
        actual = obj.pk
    else:
        field = _field(obj, last, path)
        if not field.concrete:
            raise ValueError(f"rule looks up {path!r}: not a field of its own")
        actual = getattr(obj, field.attname)
    if lookup == "isnull":
        return (actual is None) == bool(value)
    if lookup == "in":
        if hasattr(value, "query"):
            if not getattr(value, "_rule_values", False):
                raise TypeError(f"rule looks up {path!r} in a queryset: give values")
            known = getattr(value, "_rule_set", None)
            if known is None:  # one query per queryset, kept with it
                known = value._rule_set = frozenset(value)
            return actual in known
        return actual in {_key(v) for v in value}
    if value is None:
        return False  # SQL: ``= NULL`` matches nothing
    return actual == _key(value)


def _field(obj, name: str, path: str):
    from django.core.exceptions import FieldDoesNotExist

    try:
        return obj._meta.get_field(name)
    except FieldDoesNotExist:
        raise ValueError(
            f"rule looks up {path!r}: only exact, in and isnull on fields"
        ) from None


_POLICIES: dict = {}


def register_policy(model, policy: RulePolicy) -> None:
    """Called from the owning app's AppConfig.ready(); a second, different policy
    for the same model is a mistake and fails at start-up."""
    model = model._meta.concrete_model
    known = _POLICIES.get(model)
    if known is not None and known is not policy:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"{model._meta.label} has a policy already")
    if policy.model is None:
        policy.model = model
    _POLICIES[model] = policy


def policy_for(model) -> RulePolicy:
    """The registered policy of a model (or of an instance's model)."""
    model = model._meta.concrete_model
    try:
        return _POLICIES[model]
    except KeyError:
        raise LookupError(f"no permission policy for {model._meta.label}") from None


def user_can(user, action: str, record) -> bool:
    """Shorthand: may ``user`` do ``action`` to this record, by its policy."""
    return policy_for(record).user_has_permission_for_instance(user, action, record)


def records_for(user, action: str, model):
    """Shorthand: the records of ``model`` the user may do ``action`` to."""
    return policy_for(model).instances_user_has_permission_for(user, action)


def user_may(user, action: str, model) -> bool:
    """Shorthand: may ``user`` do ``action`` to any record of ``model`` at all."""
    return policy_for(model).user_has_permission(user, action)
