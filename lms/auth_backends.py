"""The signed-in person read in one query per request: the user row with their
role names (groups), enterprise memberships and unread notification count as
subqueries, so ``lms.permissions`` and the navigation ask the database nothing
more. Nothing is cached between requests, so no write (bulk ones included) can
leave a stale role behind. The query's SQL is built by the ORM once per process and
database (building it cost more than running it) and then run with each user's id."""

from __future__ import annotations

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth.backends import ModelBackend
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Aggregate, CharField, Count, F, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat

from lms.models import Membership, Notification, User

SEP = "\x1f"  # the ASCII unit separator: in no group name or membership role


class _Joined(Aggregate):
    """The values of a group joined with ``SEP`` (GROUP_CONCAT / STRING_AGG)."""

    function = "GROUP_CONCAT"
    output_field = CharField()

    def __init__(self, expression, **extra):
        super().__init__(Cast(expression, CharField()), Value(SEP), **extra)

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, function="STRING_AGG", **extra)


def _joined(queryset, expression):
    return Subquery(
        queryset.values("user_id").annotate(joined=_Joined(expression)).values("joined")
    )


def with_personal(queryset):
    """``queryset`` of users with ``_roles``, ``_memberships`` and ``_unread``."""
    groups = User.groups.through.objects.filter(user_id=OuterRef("pk"))
    memberships = Membership.objects.filter(user_id=OuterRef("pk"))
    unread = (
        Notification.objects.filter(recipient_id=OuterRef("pk"), read_at__isnull=True)
        .values("recipient_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(
        _roles=_joined(groups, F("group__name")),
        _memberships=_joined(
            memberships,
            Concat(Cast("enterprise_id", CharField()), Value(":"), F("role")),
        ),
        _unread=Coalesce(Subquery(unread), 0),
    )


def _split(joined: str | None) -> list[str]:
    return [part for part in (joined or "").split(SEP) if part]


# Stands for the user's id while the SQL is built; no user has a negative id.
_SENTINEL_ID = -729_104_385
_sql: dict[str, tuple[str, tuple, int]] = {}


def _personal_sql(alias: str) -> tuple[str, tuple, int]:
    """The SQL of ``with_personal`` for one user, its parameters and the position
    of the user's id among them; built by the ORM on first use."""
    found = _sql.get(alias)
    if found is None:
        queryset = with_personal(User._default_manager.filter(pk=_SENTINEL_ID))
        sql, params = queryset.query.get_compiler(alias).as_sql()
        positions = [i for i, p in enumerate(params) if p == _SENTINEL_ID]
        if len(positions) != 1:
            raise RuntimeError("the user's id is not one parameter of the SQL")
        found = _sql[alias] = (sql, tuple(params), positions[0])
    return found


def load_user(user_id):
    """The active user with the attributes ``lms.permissions`` reads (or None)."""
    alias = DEFAULT_DB_ALIAS
    if connections[alias].vendor not in ("sqlite", "postgresql"):
        return User._default_manager.filter(pk=user_id).first()
    try:
        user_id = int(user_id)
    except (TypeError, ValueError):
        return None
    sql, params, position = _personal_sql(alias)
    params = (*params[:position], user_id, *params[position + 1 :])
    user = next(iter(User._default_manager.raw(sql, params)), None)
    if user is None:
        return None
    user._lms_roles = frozenset(_split(user._roles))
    user._lms_memberships = tuple(
        (int(enterprise), role)
        for enterprise, _, role in (m.partition(":") for m in _split(user._memberships))
    )
    user._lms_unread = user._unread
    return user


class PersonalModelBackend(ModelBackend):
    """Django's ModelBackend; the user comes with roles, memberships, unread count."""

    def get_user(self, user_id):
        user = load_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


class PersonalAuthenticationBackend(AuthenticationBackend):
    """allauth's backend (sign-in by e-mail); the user as PersonalModelBackend."""

    def get_user(self, user_id):
        user = load_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
