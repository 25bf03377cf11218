"""The one Chinese-aware tokenisation: what the index stores, what a query asks for,
how a snippet marks hits, and that every page type indexes through it."""

from wagtail.models import get_page_models
from wagtail.search import index
from wagtail.search.query import PlainText

from lms.search import (
    ChineseSearchField,
    index_text,
    search_query,
    search_text,
    snippet,
    words,
)


def test_index_text_writes_chinese_as_bigrams_then_characters():
    assert index_text("Han 韩利萍, 织机") == "Han  韩利 利萍 韩 利 萍 ,  织机 织 机 "
    assert index_text("焊") == " 焊 "
    assert index_text("loom care") == "loom care"


def test_a_query_asks_for_every_bigram_and_every_other_word():
    query = search_query("AI 纺织机, 纱")
    assert isinstance(query, PlainText) and query.operator == "and"
    assert query.query_string == "ai 纺织 织机 纱"


def test_a_query_without_words_is_none():
    assert search_query("，。！？……——!?_") is None
    assert search_query("") is None


def test_words_fold_width_and_case_and_split_scripts():
    assert words("ＡＩ纺织 TIG焊工") == ["ai", "纺织", "tig", "焊工"]


def test_search_text_drops_lone_surrogates():
    assert search_text("焊工\ud800 \udfff") == "焊工"


def test_snippet_escapes_the_text_and_marks_each_hit():
    html = snippet("<b>织机</b>的保养 & 织机改造", "织机 改造")
    assert html == (
        "&lt;b&gt;<mark>织机</mark>&lt;/b&gt;的保养 &amp; "
        "<mark>织机</mark><mark>改造</mark>"
    )


def test_snippet_marks_the_bigrams_of_a_word_the_text_holds_in_pieces():
    assert snippet("织机与纺织", "纺织机") == "<mark>织机</mark>与<mark>纺织</mark>"


def test_snippet_cuts_a_window_around_the_first_hit():
    text = "前言" * 100 + "织机" + "后记" * 100
    html = snippet(text, "织机", width=30)
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>织机</mark>" in html and len(html) < 60


def _search_fields(fields):
    for field in fields:
        if isinstance(field, index.RelatedFields):
            yield from _search_fields(field.fields)
        elif isinstance(field, index.SearchField):
            yield field


def test_every_page_type_indexes_its_text_through_the_chinese_tokenisation():
    """A new page type that lists plain ``SearchField``s would not find Chinese."""
    plain = [
        f"{model.__name__}.{field.field_name}"
        for model in get_page_models()
        if not model.__module__.startswith("wagtail.")
        for field in _search_fields(model.get_search_fields())
        if not isinstance(field, ChineseSearchField)
    ]
    assert plain == []
