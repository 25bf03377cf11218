"""Pages in the reader's language: the one helper every app uses. Pages are written
in the default language and translated with wagtail-localize (``lms.services.pages``):
each language is a page of its own, tied to its source by ``translation_key``."""

from __future__ import annotations

from collections.abc import Iterable

from wagtail.models import Locale, Page

_locale_ids: dict[str, int | None] = {}


def locale_id_of(language: str) -> int | None:
    """The id of the language's locale, read once per process (locales are made by
    migrations and never renumbered)."""
    if _locale_ids.get(language) is None:
        _locale_ids[language] = (
            Locale.objects.filter(language_code=language)
            .values_list("pk", flat=True)
            .first()
        )
    return _locale_ids[language]


def pages_in_language(
    pages: Iterable[Page],
    *,
    language: str | None = None,
    locale_id: int | None = None,
    defer: tuple[str, ...] = (),
) -> dict[int, Page]:
    """For each page, its live translation in ``language`` (or in the locale with id
    ``locale_id``) where one exists, else the page itself, by the given page's id.
    One query for any number of pages; none when all are in that language already.
    Each translation knows its source page (``_canonical_page``) and its id
    (``canonical_id``); ``defer`` names fields not to load where the model has them."""
    pages = [p for p in pages if p is not None]
    result = {p.pk: p for p in pages}
    for page in pages:
        page.canonical_id = page.pk
    if locale_id is None and language is not None:
        locale_id = locale_id_of(language)
    todo = [p for p in pages if p.locale_id != locale_id]
    if locale_id is None or not todo:
        return result
    by_key = {p.translation_key: p for p in todo}
    models = {type(p) for p in todo}
    model = models.pop() if len(models) == 1 else Page
    translations = model.objects.live().filter(
        translation_key__in=list(by_key), locale_id=locale_id
    )
    fields = {f.name for f in model._meta.get_fields()}
    if any(name in fields for name in defer):
        translations = translations.defer(*(n for n in defer if n in fields))
    for page in translations:
        source = by_key[page.translation_key]
        page._canonical_page = source
        page.canonical_id = source.pk
        result[source.pk] = page
    return result
