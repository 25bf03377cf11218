"""Certificate numbers against their issuing body's pattern. A body's
``number_pattern`` is a regular expression the whole number must match; the
optional named groups ``year`` (two digits) and ``level`` (the level's mark,
``SkillLevel.number_mark``) are checked against the certificate's issue date and
level. The national style (demo bodies): issuer type, body, province, year, level,
serial, e.g. ``S000061 61 24 4 000412`` without the spaces."""

from __future__ import annotations

import datetime
import functools
import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from lms.certification.models.taxonomy import SkillLevel
from lms.stored_text import Text

MAX_PATTERN_LENGTH = 200
KNOWN_GROUPS = {"year", "level"}
# A quantified group holding a quantifier, "(a+)+": the shape that makes a regular
# expression take exponential time on a near-miss. Numbers need none of it.
_NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]")


@functools.lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def validate_number_pattern(pattern: str) -> None:
    """A body's pattern: a regular expression that compiles, without nested
    quantifiers, naming no groups but ``year`` and ``level``."""
    if not pattern:
        return
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise ValidationError(
            _("Keep the pattern under %(n)s characters."),
            code="pattern_length",
            params={"n": MAX_PATTERN_LENGTH},
        )
    try:
        compiled = _compiled(pattern)
    except re.error as error:
        raise ValidationError(
            _("This is not a valid regular expression: %(error)s."),
            code="pattern_invalid",
            params={"error": str(error)},
        ) from None
    if _NESTED_QUANTIFIER.search(pattern):
        raise ValidationError(
            _(
                "Repeat single characters or classes, not groups that repeat "
                "themselves."
            ),
            code="pattern_nested",
        )
    unknown = set(compiled.groupindex) - KNOWN_GROUPS
    if unknown:
        raise ValidationError(
            _("Only the groups “year” and “level” may be named; not %(names)s."),
            code="pattern_groups",
            params={"names": ", ".join(sorted(unknown))},
        )


def number_problem(
    *,
    pattern: str,
    example: str,
    number: str,
    issued_on: datetime.date | None = None,
    level: int | None = None,
) -> Text | None:
    """Why ``number`` does not fit the pattern (a stored message), or None when it
    does or there is no pattern to check."""
    if not pattern:
        return None
    try:
        match = _compiled(pattern).fullmatch(number)
    except re.error:
        return None  # an invalid pattern is refused where it is saved
    if match is None:
        if example:
            return Text(
                gettext_noop(
                    "The number “%(number)s” does not follow the issuing body's "
                    "numbering (for example %(example)s)."
                )
            ) % {"number": number[:64], "example": example}
        return Text(
            gettext_noop(
                "The number “%(number)s” does not follow the issuing body's numbering."
            )
        ) % {"number": number[:64]}
    groups = match.groupdict()
    if issued_on and groups.get("year") and groups["year"] != f"{issued_on:%y}":
        return Text(
            gettext_noop(
                "The number gives the year as “%(year)s”, but the certificate was "
                "issued in %(issued)s."
            )
        ) % {"year": groups["year"], "issued": issued_on.year}
    if level and groups.get("level"):
        expected = SkillLevel(level).number_mark
        if groups["level"].upper() != expected:
            return Text(
                gettext_noop(
                    "The number marks the level as “%(mark)s”, but this level is "
                    "marked “%(expected)s”."
                )
            ) % {"mark": groups["level"], "expected": expected}
    return None


def validate_query_url_template(value: str) -> None:
    if not value:
        return
    parts = urlsplit(value.replace("{number}", "N"))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationError(
            _("Give a full http(s) address."), code="query_url_scheme"
        )
    if value.count("{number}") != 1:
        raise ValidationError(
            _("Put {number} once where the certificate number goes."),
            code="query_url_number",
        )
