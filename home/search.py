"""Chinese in Wagtail's database search. Its tokenizers (SQLite FTS5 and PostgreSQL
``simple``) keep a run of Chinese characters as one word, so "焊工" would never match a
sentence containing it. Pages index their Chinese text a second time with the
characters spaced apart, and a Chinese query becomes a phrase of those characters."""

from __future__ import annotations

import re

from wagtail.search import index
from wagtail.search.query import And, Phrase, PlainText, SearchQuery

# CJK ideographs (with extension A and compatibility forms), kana and hangul.
CJK_RUN = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+"
)
FIELD_NAME = "cjk_search_text"


def spaced_cjk(text: str) -> str:
    """Only the CJK characters of ``text``, one word each."""
    return " ".join(" ".join(run) for run in CJK_RUN.findall(text))


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_text(v) for v in value)
    return str(value)


def cjk_index_text(obj) -> str:
    """The CJK text of every other searchable field of ``obj``, spaced for the
    index."""
    parts = []
    for field in obj.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name != FIELD_NAME:
            parts.append(_text(field.get_value(obj)))
        elif isinstance(field, index.RelatedFields):
            related = getattr(obj, field.field_name, None)
            items = related.all() if hasattr(related, "all") else [related]
            for item in items:
                for sub in field.fields:
                    if isinstance(sub, index.SearchField) and item is not None:
                        parts.append(_text(sub.get_value(item)))
    return spaced_cjk(" ".join(parts))


def build_query(text: str) -> SearchQuery | str:
    """Words as Wagtail's plain-text query; each Chinese run as a phrase of its
    characters; all of them must match."""
    runs = CJK_RUN.findall(text)
    if not runs:
        return text
    parts: list[SearchQuery] = [Phrase(" ".join(run)) for run in runs]
    rest = CJK_RUN.sub(" ", text).strip()
    if rest:
        parts.append(PlainText(rest))
    return parts[0] if len(parts) == 1 else And(parts)


class CJKSearchMixin:
    """Adds the spaced Chinese text to a page's search index; list
    ``index.SearchField(FIELD_NAME)`` in the page's ``search_fields``."""

    def cjk_search_text(self) -> str:
        return cjk_index_text(self)


CJK_SEARCH_FIELD = index.SearchField(FIELD_NAME)
