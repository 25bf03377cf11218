"""The reader's text size (适老化): three sizes, remembered on the account of a
signed-in person and in a cookie for a visitor; every page's root element carries
it as a class, and the stylesheet scales the whole page from it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

COOKIE = "text_size"
COOKIE_MAX_AGE = 365 * 24 * 3600


class TextSize(models.TextChoices):
    NORMAL = "normal", _("Standard")
    LARGE = "large", _("Large")
    LARGER = "larger", _("Extra large")


def choices() -> list[tuple[str, str]]:
    return list(TextSize.choices)


def for_request(request) -> str:
    """The size this request is shown in: the account's, else the cookie's, else
    standard. Reads no database (the user row is already loaded)."""
    user = getattr(request, "user", None)
    if user is not None and getattr(user, "is_authenticated", False):
        size = getattr(user, "text_size", "")
    else:
        size = getattr(request, "COOKIES", {}).get(COOKIE, "")
    return size if size in TextSize.values else TextSize.NORMAL
