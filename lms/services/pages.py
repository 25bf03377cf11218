"""Wagtail page steps shared by the apps that keep pages (courses, home).

Translations are wagtail-localize translations: the default-language page is the
source (a ``TranslationSource`` holds its text as segments) and each other language
is a page of its own, tied by ``translation_key``, rebuilt from the source's blocks
and the translated strings whenever the source is synced. A block added to an
English lesson therefore reaches the Chinese lesson, in English until translated."""

from __future__ import annotations

import warnings
from collections import defaultdict
from dataclasses import dataclass, field

from bs4 import MarkupResemblesLocatorWarning
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from lms.errors import DomainError


def page_translation_get_or_create(*, page: Page, locale: Locale) -> tuple[Page, bool]:
    """The translation of ``page`` in ``locale`` (found by translation_key), or a new
    draft copy of it there; Wagtail's copy keeps the StreamField block ids, so quizzes
    and tasks stay the same activities. The parent must be translated first. A new
    copy is only a draft page: ``page_translation_register`` ties it to its source."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    return page.copy_for_translation(locale, copy_parents=False).specific, True


@dataclass
class Registered:
    """What ``page_translation_register`` did: the translation, whether it was new,
    how many strings it took from the translated page, and the field or block paths
    whose structure differs from the source (left untranslated)."""

    translation: Translation
    created: bool
    strings: int = 0
    mismatched: list[str] = field(default_factory=list)


@transaction.atomic
def page_translation_register(*, source: Page, target: Page) -> Registered:
    """Makes ``target`` (a page with the same translation_key in another locale, made
    by a copy and written by hand) the wagtail-localize translation of ``source``:
    the source's text becomes a ``TranslationSource`` and each of its strings takes
    the words at the same place (field, block id, order) in ``target`` as its
    translation. Where a field or block holds a different number of strings in the
    two pages, its strings stay untranslated and the path is reported. Safe to run
    again: a page already registered is left as it is (its translator's work too)."""
    source, target = source.specific, target.specific
    if source.translation_key != target.translation_key or (
        source.locale_id == target.locale_id
    ):
        raise DomainError(
            _("“%(target)s” is not a translation of “%(source)s”.")
            % {"target": target.title, "source": source.title},
            code="not_translation",
        )
    existing = Translation.objects.filter(
        source__object_id=source.translation_key,
        source__locale_id=source.locale_id,
        target_locale_id=target.locale_id,
    ).first()
    if existing is not None:
        return Registered(translation=existing, created=False)
    with warnings.catch_warnings():
        # Every string is parsed as HTML; one that is only an address makes
        # BeautifulSoup warn for nothing.
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        translation_source, _created = TranslationSource.update_or_create_from_instance(
            source
        )
        translation = Translation.objects.create(
            source=translation_source, target_locale_id=target.locale_id, enabled=True
        )
        strings, mismatched = _strings_from_page(translation_source, target)
    return Registered(
        translation=translation,
        created=True,
        strings=strings,
        mismatched=mismatched,
    )


def _strings_from_page(
    translation_source: TranslationSource, target: Page
) -> tuple[int, list[str]]:
    """Records the words of ``target`` as the translations of the source's strings,
    pairing them by path and order; returns how many, and the paths left out."""
    words = defaultdict(list)
    for segment in extract_segments(target):
        if isinstance(segment, StringSegmentValue):
            words[segment.path].append(segment.string.data)
    wanted = defaultdict(list)
    for segment in (
        StringSegment.objects.filter(source=translation_source)
        .select_related("context")
        .order_by("order")
    ):
        wanted[segment.context.path].append(segment)
    made: dict[tuple[int, int], StringTranslation] = {}
    mismatched = []
    for path, segments in wanted.items():
        if len(words.get(path, ())) != len(segments):
            mismatched.append(path)
            continue
        for segment, data in zip(segments, words[path], strict=True):
            made.setdefault(
                (segment.string_id, segment.context_id),
                StringTranslation(
                    translation_of_id=segment.string_id,
                    context_id=segment.context_id,
                    locale_id=target.locale_id,
                    data=data,
                    translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                ),
            )
    StringTranslation.objects.bulk_create(made.values(), ignore_conflicts=True)
    return len(made), mismatched


def page_translations_register_all(*, locale: Locale | None = None) -> list[Registered]:
    """Registers every page that has a page in the default locale with its
    translation_key (or only those in ``locale``) as the wagtail-localize
    translation of that page: for installations whose translations were copies.
    Parents before children. Safe to run again."""
    default = Locale.get_default()
    targets = Page.objects.exclude(locale=default).filter(
        translation_key__in=Page.objects.filter(locale=default).values(
            "translation_key"
        ),
        alias_of__isnull=True,
        depth__gt=1,
    )
    if locale is not None:
        targets = targets.filter(locale=locale)
    sources = {
        page.translation_key: page
        for page in Page.objects.filter(
            locale=default,
            translation_key__in=targets.values("translation_key"),
        )
    }
    return [
        page_translation_register(source=sources[target.translation_key], target=target)
        for target in targets.order_by("path")
    ]
