"""Rendered HTML that is the same for every reader (a lesson's body, a course's
outline, catalogue cards, a page's link-preview tags), made once and kept under a
key that changes when the content does: the content version of ``lms.routing``
(replaced by any page, site, locale, image or document change), the page's id,
latest revision and publication time, the language and the host. Nothing is ever
invalidated by hand; an old key is simply no longer asked for.

Only what is the same for everyone goes in: no progress, enrolment, attempts, user
names or CSRF tokens (a form's token is per person). What differs by person is
rendered around the fragments, or chosen per reader between kept forms of the same
thing (a lesson in the outline as done and as not done, say). In templates: the
``{% fragment %}`` tag of ``lms/templatetags/fragments.py``."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from lms import routing

CSRF_FIELD = 'name="csrfmiddlewaretoken"'


def key(name: str, *, page=None, request=None, vary: Iterable = ()) -> str:
    """The cache key of fragment ``name`` (without the content version)."""
    parts = [name, translation.get_language() or ""]
    if page is not None:
        published = getattr(page, "last_published_at", None)
        parts += [
            page.pk,
            getattr(page, "latest_revision_id", "") or "",
            published.isoformat() if published else "",
        ]
    if request is not None:  # absolute addresses and the site depend on it
        parts += [request.scheme, request.get_host()]
    parts += [str(part) for part in vary]
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()
    return f"{name}:{digest}"


def cached(name: str, render: Callable, *, page=None, request=None, vary=()):
    """``render()`` (HTML, or lists and dicts of HTML strings), made once per key;
    an editor's preview (a draft under the live page's id) is rendered afresh."""
    if getattr(request, "is_preview", False):
        return render()

    def checked():
        value = render()
        _refuse_personal(name, value)
        return value

    v = routing.version()
    return routing.cached(
        v,
        f"routing:{v}:fragment:{key(name, page=page, request=request, vary=vary)}",
        checked,
    )


def _refuse_personal(name: str, value) -> None:
    """A form's CSRF token is one person's: a fragment holding one is a bug."""
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list | tuple):
        for part in value:
            _refuse_personal(name, part)
    elif isinstance(value, str) and CSRF_FIELD in value:
        raise ImproperlyConfigured(
            f"Fragment {name!r} holds a CSRF token: render forms outside fragments."
        )


def html(name: str, render: Callable[[], str], **kwargs) -> SafeString:
    """A kept fragment of HTML, safe to show as it is (it was rendered escaped)."""
    return mark_safe(cached(name, lambda: str(render()), **kwargs))  # noqa: S308
