"""What every content page's reads share: pages in the visitor's language, cards'
images prefetched with their renditions, pagination, a page's related pages and the
section page of a kind."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from home.models import AlliancePage, CraftsmanProfilePage, InnovationStudioPage
from lms.translations import pages_in_language


def paginate(request, items, *, per_page: int) -> PaginatorPage:
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def localized(pages: Iterable, locale: Locale) -> list:
    """The live pages in ``locale`` where translated (else as they are), each once
    (``lms.translations.pages_in_language``: one query for any number)."""
    pages = [p for p in pages if p is not None]
    shown = pages_in_language(pages, locale_id=locale.pk)
    result, seen = [], set()
    for page in pages:
        page = shown[page.pk]
        if page.live and page.pk not in seen:
            seen.add(page.pk)
            result.append(page)
    return result


def with_image(field: str) -> Prefetch:
    """Prefetch an image FK with its renditions, so cards cost no query per image."""
    return Prefetch(field, queryset=get_image_model().objects.prefetch_renditions())


def related_pages(*, page, locale: Locale) -> list[tuple[str, list[Page]]]:
    """A story's or alliance's related pages in the visitor's language, grouped by
    kind (profiles, studios, courses) in the editor's order."""
    labels = {
        CraftsmanProfilePage: _("Role models"),
        InnovationStudioPage: _("Studios"),
        AlliancePage: _("Alliances"),
    }
    targets = [link.target for link in page.related_pages.select_related("target")]
    groups: dict[str, list[Page]] = {}
    for target in localized(targets, locale):
        model = target.specific_class or Page
        label = labels.get(model) or capfirst(model._meta.verbose_name_plural)
        groups.setdefault(str(label), []).append(target)
    return list(groups.items())


def section_page(*, model, locale: Locale):
    """The live section page of a kind (e.g. the story index) in ``locale``, else in
    any language."""
    pages = model.objects.live().public()
    return pages.filter(locale=locale).first() or pages.order_by("pk").first()
