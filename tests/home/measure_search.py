"""Not a test (not collected): measures Chinese tokenisations on the search corpus,
the numbers in ``lms/search.py``'s docstring. Needs jieba and rjieba importable
(they are not project dependencies), e.g.::

    pip install --target /tmp/seg jieba rjieba
    PYTHONPATH=/tmp/seg python -m pytest tests/home/measure_search.py -s -p no:xdist

Each tokenisation replaces ``lms.search.index_text`` and ``search_query``, the whole
index is rebuilt, and every corpus query goes through the search page."""

import re

import pytest
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.query import And, Phrase, PlainText

from lms import search
from tests.home.test_search_corpus import QUERIES, URL, site  # noqa: F401


def _segmenter_variant(cut, cut_for_search):
    def index_text(value: str) -> str:
        return search.CJK_RUN.sub(
            lambda m: " " + " ".join(cut_for_search(m.group())) + " ", value
        )

    def search_query(text: str):
        terms = []
        for word in search.words(text):
            if search.CJK_RUN.fullmatch(word):
                terms.extend(t for t in cut(word) if t.strip())
            else:
                terms.append(word)
        return PlainText(" ".join(terms), operator="and") if terms else None

    return index_text, search_query


def _characters_phrase():
    """The former ``home/search.py``: characters spaced, a Chinese run a phrase."""

    def index_text(value: str) -> str:
        return search.CJK_RUN.sub(lambda m: " " + " ".join(m.group()) + " ", value)

    def search_query(text: str):
        parts = []
        rest = []
        for word in search.words(text):
            if search.CJK_RUN.fullmatch(word):
                parts.append(Phrase(" ".join(word)))
            else:
                rest.append(word)
        if rest:
            parts.append(PlainText(" ".join(rest)))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else And(parts)

    return index_text, search_query


def _variants():
    jieba = pytest.importorskip("jieba")
    rjieba = pytest.importorskip("rjieba")
    return {
        "bigrams (lms.search)": (search.index_text, search.search_query),
        "jieba": _segmenter_variant(
            lambda t: list(jieba.cut(t)), lambda t: list(jieba.cut_for_search(t))
        ),
        "rjieba": _segmenter_variant(rjieba.cut, rjieba.cut_for_search),
        "characters as a phrase": _characters_phrase(),
    }


@pytest.mark.django_db
def test_measure(client, site, monkeypatch):  # noqa: F811
    lines = []
    for name, (index_text, search_query) in _variants().items():
        monkeypatch.setattr(search, "index_text", index_text)
        monkeypatch.setattr(search, "search_query", search_query)
        for page in Page.objects.specific():
            index.insert_or_update_object(page)
        first = found = 0
        misses = []
        for case in QUERIES:
            expected = site[case["lang"]][case["first"]]
            response = client.get(URL[case["lang"]], {"q": case["q"]})
            ids = [card["page"].pk for card in response.context["results"]]
            first += bool(ids) and ids[0] == expected.pk
            found += expected.pk in ids
            if not ids or ids[0] != expected.pk:
                misses.append(case["q"])
        lines.append(f"{name:26} first {first}/{len(QUERIES)}  found {found}")
        lines.append("    missed: " + re.sub(r"[\[\]']", "", str(misses)))
    print("\n" + "\n".join(lines))
