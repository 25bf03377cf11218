"""Messages stored as what they say, rendered in the reader's language.

``Text(gettext_noop("Unknown column “%(c)s”.")) % {"c": name}`` keeps the English
message id and its parameters; ``str()`` renders it in the active language, and
``as_json()``/``Text.from_json()`` store it. A plain string (stored before) is
read as a message id, so old English rows are translated where they can be."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext


@dataclass(frozen=True)
class Text:
    text: str
    params: dict = field(default_factory=dict)

    def __mod__(self, params: dict) -> Text:
        return Text(self.text, {k: _plain(v) for k, v in params.items()})

    def __str__(self) -> str:
        translated = gettext(self.text) if self.text else ""
        if not self.params:
            return translated
        try:
            return translated % self.params
        except (KeyError, TypeError, ValueError):
            return self.text % self.params

    def as_json(self) -> dict:
        return {"text": self.text, "params": self.params}

    @classmethod
    def from_json(cls, value) -> Text:
        if isinstance(value, dict):
            return cls(str(value.get("text", "")), dict(value.get("params") or {}))
        return cls(str(value or ""))


def _plain(value):
    """A JSON-safe parameter: numbers stay numbers, anything else its text."""
    if isinstance(value, (int, float, str)) or value is None:
        return value
    return str(value)


def render(value) -> str:
    """A stored message (``Text.as_json()`` or an old plain string) as text."""
    return str(Text.from_json(value))
