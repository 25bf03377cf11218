"""Names kept in both languages (``name`` in English, ``name_zh`` in Chinese) and
shown in the reader's language, falling back to the other one."""

from __future__ import annotations

from django.utils.translation import get_language


def reads_chinese() -> bool:
    return (get_language() or "").startswith("zh")


class LocalNameMixin:
    """For models with ``name`` and ``name_zh``: ``local_name`` is the name in the
    active language, ``other_name`` the one in the other language (or "")."""

    name: str
    name_zh: str

    @property
    def local_name(self) -> str:
        if reads_chinese():
            return self.name_zh or self.name
        return self.name or self.name_zh

    @property
    def other_name(self) -> str:
        other = self.name if reads_chinese() else self.name_zh
        return "" if other == self.local_name else other
