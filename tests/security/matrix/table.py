"""The shape of a matrix row and the helpers that write the expected answers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .world import ROLES, World

SIGNED_IN = tuple(r for r in ROLES if r != "anonymous")
ADMIN = ("hr_a", "hr_b", "editor", "moderator", "coordinator", "officer", "staff")
NO_ADMIN = ("learner", "apprentice", "mentor", "other_mentor")


def expect(default: int, anonymous: int = 302, **codes: int) -> dict[str, int]:
    """Status per role: ``default`` for every signed-in role not named; the
    anonymous visitor is sent to sign in (302) unless told otherwise."""
    table = dict.fromkeys(SIGNED_IN, default)
    table["anonymous"] = anonymous
    table.update(codes)
    return table


def only(
    ok: int, *roles: str, others: int = 403, anonymous: int = 302, **codes: int
) -> dict:
    """``roles`` get ``ok``, every other signed-in role ``others`` (or its own code
    in ``codes``)."""
    return expect(others, anonymous, **{**dict.fromkeys(roles, ok), **codes})


def admin(ok: int, *roles: str, refused: int = 302) -> dict:
    """A Wagtail admin view: people without admin access are sent away (302 to the
    admin's sign-in), admin users without the permission are refused with
    ``refused`` (Wagtail redirects them to the dashboard: 302), ``roles`` get
    ``ok``."""
    return expect(
        refused, 302, **{**dict.fromkeys(NO_ADMIN, 302), **dict.fromkeys(roles, ok)}
    )


@dataclass(frozen=True)
class Row:
    """One request (``method`` on the URL ``url(world)``) and the status each role
    must get. For a POST, ``state(world, user)`` reads what the action changes:
    the roles in ``acts`` (by default those answered 302 except the anonymous
    visitor) must change it, every other role must leave it exactly as it was."""

    area: str
    label: str
    name: str  # the URL name ("namespace:name"), for the completeness check
    method: str
    url: Callable[[World], str]
    expected: dict[str, int]
    data: Callable[[World], dict] | None = None
    setup: Callable[[World], None] | None = None
    state: Callable[[World, object], object] | None = None
    acts: frozenset[str] | None = None
    headers: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.area}:{self.method.upper()} {self.label}"

    def acting_roles(self) -> frozenset[str]:
        if self.acts is not None:
            return self.acts
        return frozenset(
            role
            for role, status in self.expected.items()
            if status == 302 and role != "anonymous"
        )


def get(area, label, name, url, expected, **kw) -> Row:
    return Row(area, label, name, "get", url, expected, **kw)


def post(area, label, name, url, expected, *, state, data=None, **kw) -> Row:
    acts = kw.pop("acts", None)
    return Row(
        area,
        label,
        name,
        "post",
        url,
        expected,
        data=data,
        state=state,
        acts=frozenset(acts) if acts is not None else None,
        **kw,
    )
