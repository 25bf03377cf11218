"""One-line text: what a name, a title or a number may hold. Line breaks became
e-mail header injections (a 500 when the mail was built), and bidi controls turned an
employee number next to a name around; both are taken out on input and on save."""

from __future__ import annotations

import re
import unicodedata

from django import forms
from django.db import models

# Line and paragraph separators become a space; the other invisible format characters
# that change how neighbouring text is read (bidi embeddings, overrides, isolates and
# marks; the byte-order mark) are dropped. Joiners stay: emoji and scripts need them.
_SPACES = {"\t", "\n", "\v", "\f", "\r", "\x1c", "\x1d", "\x1e", "\x85"}
_SPACES |= {"\u2028", "\u2029"}
_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e")
_BIDI |= set("\u2066\u2067\u2068\u2069\ufeff")
_RUNS_OF_SPACES = re.compile(" {2,}")


def one_line(value: str) -> str:
    """``value`` without control characters or bidi controls, line breaks turned
    into single spaces, runs of spaces collapsed and the ends trimmed."""
    kept = []
    for char in value:
        if char in _SPACES:
            kept.append(" ")
        elif char in _BIDI or unicodedata.category(char) == "Cc":
            continue
        else:
            kept.append(char)
    return _RUNS_OF_SPACES.sub(" ", "".join(kept)).strip()


class OneLineCharField(forms.CharField):
    """The form field for every one-line text input (names, titles, numbers)."""

    def to_python(self, value):
        value = super().to_python(value)
        return one_line(value) if isinstance(value, str) else value


class OneLineModelCharField(models.CharField):
    """A CharField whose value is cleaned by ``one_line`` on every save, whichever
    path wrote it (a form, an import, the admin, a service). The column is a plain
    CharField: migrations see one (``deconstruct``)."""

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if isinstance(value, str):
            value = one_line(value)
            setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": OneLineCharField, **kwargs})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs
