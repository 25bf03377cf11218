"""The outcome of a certificate import, stored as a code and counts
(``ImportBatch.summary``) and said in the reader's language, with plurals."""

from __future__ import annotations

from django.utils.translation import ngettext

from lms.stored_text import Text


def _check_errors(p):
    return (
        ngettext(
            "%(bad)s row has errors; nothing will be imported until it is fixed.",
            "%(bad)s rows have errors; nothing will be imported until they are fixed.",
            p["bad"],
        )
        % p
    )


def _check_all_known(p):
    return (
        ngettext(
            "The certificate in this file is already recorded; importing it again "
            "changes nothing.",
            "All %(n)s certificates in this file are already recorded; importing it "
            "again changes nothing.",
            p["n"],
        )
        % p
    )


def _check_ready(p):
    return (
        ngettext(
            "%(new)s new certificate; %(unchanged)s already recorded.",
            "%(new)s new certificates; %(unchanged)s already recorded.",
            p["new"],
        )
        % p
    )


def _done(p):
    return (
        ngettext(
            "Imported %(new)s certificate; %(unchanged)s were already recorded.",
            "Imported %(new)s certificates; %(unchanged)s were already recorded.",
            p["new"],
        )
        % p
    )


def _nothing(p):
    return (
        ngettext(
            "Nothing to import: the certificate was already recorded.",
            "Nothing to import: all %(n)s certificates were already recorded.",
            p["n"],
        )
        % p
    )


SUMMARIES = {
    "check_errors": _check_errors,
    "check_all_known": _check_all_known,
    "check_ready": _check_ready,
    "done": _done,
    "nothing": _nothing,
}


def summary(code: str, **params) -> dict:
    if code not in SUMMARIES:
        raise KeyError(f"unknown import summary {code!r}")
    return {"code": code, "params": params}


def render(value: dict | None) -> str:
    """A stored summary: a code with counts, or a ``Text`` (a refused file)."""
    if not value:
        return ""
    code = value.get("code")
    if code in SUMMARIES:
        return SUMMARIES[code](dict(value.get("params") or {}))
    return str(Text.from_json(value))
