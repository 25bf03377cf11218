"""Search text for every search box and every page type: one rule for cleaning what a
box receives, one Chinese-aware tokenisation for what the index stores and what a
query asks for.

Wagtail's database backend (SQLite FTS5 ``unicode61``, PostgreSQL's default parser)
splits words at spaces and punctuation, so a run of Chinese characters is one word and
"织机" never matched a sentence containing it. Page models therefore list their
search fields through ``chinese_search_fields``: every ``SearchField`` (the title
too, so the backend keeps its title weighting) indexes its text with each Chinese run
written as overlapping character bigrams, then its single characters. A query asks
for the bigrams of each Chinese run it contains (a lone character for itself) and the
other words as typed, all of them required.

Chosen by measurement: ``tests/home/measure_search.py`` rebuilds the index with each
tokenisation and runs the 52 queries of ``tests/home/search_corpus.json`` (46 Chinese
or mixed, 6 English) over a bilingual fixture mirroring the demo, on SQLite. "first":
the expected page is the first result; "found": it is among the results.

=============================================  =====  =====
tokenisation                                   first  found
=============================================  =====  =====
character bigrams (+ single characters)        52/52  52/52
jieba 0.42.1 (``cut_for_search`` / ``cut``)    50/52  51/52
rjieba 0.2.2 (``cut_for_search`` / ``cut``)    50/52  51/52
characters as a phrase (the former home one)   52/52  52/52
=============================================  =====  =====

The segmenters miss a one-character word ("图") and rank "机器人焊接" below another
page, and add a dictionary to load (jieba: 4 s at first use). Bigrams tie with a
phrase of characters here; bigrams are kept because relevance then weighs two-
character units, rarer than single characters, and no phrase (position) matching is
needed."""

from __future__ import annotations

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.search import index
from wagtail.search.query import PlainText, SearchQuery

MAX_QUERY_LENGTH = 200

# CJK ideographs (with extension A and compatibility forms), kana and hangul.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
CJK_RUN = re.compile(f"[{CJK}]+")
# A word: a run of CJK characters, or of other letters and digits.
WORD = re.compile(rf"[{CJK}]+|[^\W_{CJK}]+")
SURROGATE = re.compile("[\ud800-\udfff]")


def search_text(value: str, *, max_length: int = MAX_QUERY_LENGTH) -> str:
    """At most ``max_length`` characters, spaces collapsed, without NUL bytes
    (PostgreSQL refuses them), lone surrogates (no database can store half a
    character) or double quotes (they break the SQLite FTS5 query Wagtail's database
    backend builds: a 500 instead of results)."""
    value = value[: max_length * 4]  # bounded work, whatever was sent
    value = SURROGATE.sub(" ", value)
    value = value.replace("\x00", " ").replace('"', " ")
    return " ".join(value.split())[:max_length]


def words(text: str) -> list[str]:
    """The words of ``text`` as a person typed them: Chinese runs and other words,
    punctuation dropped, width and case folded ("ＡＩ纺织" -> ["ai", "纺织"])."""
    return WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def bigrams(run: str) -> list[str]:
    """ "焊接机器" -> ["焊接", "接机", "机器"]; a single character stays itself."""
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def index_text(value: str) -> str:
    """``value`` as the index stores it: each Chinese run becomes its bigrams, then
    its characters; the rest stays as written."""

    def tokens(match: re.Match) -> str:
        run = match.group()
        characters = list(run) if len(run) > 1 else []
        return " " + " ".join(bigrams(run) + characters) + " "

    return CJK_RUN.sub(tokens, unicodedata.normalize("NFKC", value))


def search_query(text: str) -> SearchQuery | None:
    """The query for Wagtail's search: every word of ``text`` required, a Chinese
    run as its bigrams. ``None`` when ``text`` has no word (only punctuation)."""
    terms: list[str] = []
    for word in words(text):
        terms.extend(bigrams(word) if CJK_RUN.fullmatch(word) else [word])
    terms = list(dict.fromkeys(terms))
    if not terms:
        return None
    return PlainText(" ".join(terms), operator="and")


def has_cjk(text: str) -> bool:
    return bool(CJK_RUN.search(text))


def title_terms(text: str) -> list[str]:
    """What a title must contain (case aside) to count as a title hit: each word of
    the query."""
    return list(dict.fromkeys(words(text)))


def snippet(text: str, query: str, *, width: int = 90) -> SafeString:
    """About ``width`` characters of ``text`` around the first hit of ``query``,
    escaped, each hit in ``<mark>``; the start of ``text`` when nothing matches."""
    text = " ".join(text.split())  # as written: full-width punctuation stays
    terms = title_terms(query)
    # A Chinese word the text holds only in pieces is marked by its bigrams.
    marks: list[str] = []
    folded = text.casefold()
    for term in terms:
        if term in folded or not CJK_RUN.fullmatch(term):
            marks.append(term)
        else:
            marks.extend(b for b in bigrams(term) if b in folded)
    marks.sort(key=len, reverse=True)
    pattern = (
        re.compile("|".join(re.escape(m) for m in marks), re.IGNORECASE)
        if marks
        else None
    )
    first = pattern.search(text) if pattern else None
    start = max(0, first.start() - width // 3) if first else 0
    window = text[start : start + width]
    parts = ["…" if start else ""]
    position = 0
    for hit in pattern.finditer(window) if pattern else ():
        parts.append(escape(window[position : hit.start()]))
        parts.append(f"<mark>{escape(hit.group())}</mark>")
        position = hit.end()
    parts.append(escape(window[position:]))
    if start + width < len(text):
        parts.append("…")
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped


class ChineseSearchField(index.SearchField):
    """A ``SearchField`` whose text is indexed through ``index_text``. It stands for
    the plain field of the same name and boost (Wagtail's check that a page keeps
    ``Page.search_fields`` compares fields)."""

    def __eq__(self, other):
        if isinstance(other, index.SearchField):
            return (self.field_name, self.boost) == (other.field_name, other.boost)
        return NotImplemented

    def __hash__(self):
        return hash((self.field_name, self.boost))

    def get_value(self, obj):
        value = super().get_value(obj)
        if value is None:
            return None
        if isinstance(value, list | tuple):
            return [index_text(str(item)) for item in value]
        return index_text(str(value))


def chinese_search_fields(fields: list) -> list:
    """``fields`` (a model's ``search_fields``) with every ``SearchField``, also
    inside ``RelatedFields``, indexed through the Chinese-aware tokenisation."""
    result = []
    for field in fields:
        if isinstance(field, index.RelatedFields):
            field = index.RelatedFields(
                field.field_name, chinese_search_fields(field.fields)
            )
        elif isinstance(field, index.SearchField) and not isinstance(
            field, ChineseSearchField
        ):
            field = ChineseSearchField(
                field.field_name, boost=field.boost, **field.kwargs
            )
        result.append(field)
    return result
