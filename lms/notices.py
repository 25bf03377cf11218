"""Kinds of notification: what happened, rendered in the reader's language.

A notification stores a ``kind`` (a registered name) and JSON ``params`` (ids and
plain values), never rendered text. Each app registers the kinds it sends from its
own ``notices`` module in ``AppConfig.ready()`` (shaped like Wagtail's
``log_actions`` registry): lms knows no other app's kinds.

A kind renders its subject, body and link from its params inside
``translation.override(language)``. A renderer that finds its record gone raises
``ObjectDoesNotExist`` and the reader gets a neutral message, never an error. An
unknown kind is refused when sending, and raises when rendered with
``settings.NOTICES_STRICT`` (the tests); in production it is logged and rendered
neutral.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import unicodedata
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

Params = dict
Renderer = Callable[[Params], str]


class UnknownKind(LookupError):
    """A notification kind nobody registered."""


@dataclass(frozen=True)
class Action:
    """What the reader can do about a notification right in the inbox: a POST form
    (``method="post"``, no JavaScript needed) or a link to the page where it is done.
    The view behind it checks the permission again; the inbox sends ``next`` so the
    reader comes back to it."""

    label: str
    url: str
    method: str = "post"  # "post" (a button) or "get" (a link)
    secondary: bool = False


@dataclass(frozen=True)
class NoticeKind:
    """``subject``, ``body`` and ``link`` take the params and return text (the link:
    a path on this site, reversed in the active language, or ""). ``actions`` (if
    any) returns the ``Action``s still open; ``done`` returns a short text once the
    thing asked for is done ("" while it is not)."""

    name: str
    subject: Renderer
    body: Renderer | None = None
    link: Renderer | None = None
    actions: Callable[[Params], list[Action]] | None = None
    done: Renderer | None = None


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str
    link: str  # a path on this site ("/zh-hans/…"), an absolute URL, or ""
    available: bool = True
    actions: tuple[Action, ...] = ()
    done: str = ""


_kinds: dict[str, NoticeKind] = {}
_loaded: ContextVar[dict | None] = ContextVar("notices_loaded", default=None)


def loader(func: Callable[[Params], object]) -> Callable[[Params], object]:
    """Decorates a kind's record loader: within one ``render`` its subject, body and
    link share one load (one query, not three)."""

    @functools.wraps(func)
    def load(params: Params):
        cache = _loaded.get()
        if cache is None:
            return func(params)
        key = (func, json.dumps(params, sort_keys=True, default=str))
        if key not in cache:
            cache[key] = func(params)
        return cache[key]

    return load


def register(kind: NoticeKind) -> NoticeKind:
    if kind.name in _kinds and _kinds[kind.name] is not kind:
        raise ValueError(f"notification kind {kind.name!r} is registered twice")
    _kinds[kind.name] = kind
    return kind


def get(name: str) -> NoticeKind:
    try:
        return _kinds[name]
    except KeyError:
        raise UnknownKind(f"unknown notification kind {name!r}") from None


def kinds() -> list[str]:
    return sorted(_kinds)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def one_line(text: str, limit: int = 200) -> str:
    """``text`` on one line without control or format characters (an e-mail
    subject with a line break is refused by Django: BadHeaderError)."""
    text = _CONTROL.sub(" ", str(text))
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def _neutral() -> Rendered:
    return Rendered(
        subject=_("This item is no longer available"),
        body="",
        link="",
        available=False,
    )


def render(kind_name: str, params: Params | None, *, language: str) -> Rendered:
    """The notification in ``language``; neutral if its record is gone."""
    params = params or {}
    with translation.override(language):
        try:
            kind = get(kind_name)
        except UnknownKind:
            if getattr(settings, "NOTICES_STRICT", False):
                raise
            logger.error("unknown notification kind %r", kind_name)
            return _neutral()
        token = _loaded.set({})
        try:
            subject = kind.subject(params)
            body = kind.body(params) if kind.body else ""
            link = kind.link(params) if kind.link else ""
            done = str(kind.done(params)) if kind.done else ""
            actions = tuple(kind.actions(params)) if kind.actions and not done else ()
        except ObjectDoesNotExist:
            return _neutral()
        finally:
            _loaded.reset(token)
        return Rendered(
            subject=one_line(subject),
            body=str(body),
            link=str(link),
            actions=actions,
            done=done,
        )


# --- the kind lms keeps for messages stored as text before kinds existed ---------

LEGACY = "legacy"


def _legacy_text(field: str) -> Renderer:
    return lambda params: str(params.get(field, ""))


register(
    NoticeKind(
        name=LEGACY,
        subject=_legacy_text("subject"),
        body=_legacy_text("body"),
        link=_legacy_text("url"),
    )
)
