"""Template tags of the base layout for Wagtail pages: the other-language address of
the page being shown, and its link-preview (Open Graph) data."""

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page, Site

from lms.models import users
from lms.routing import content_cached

register = template.Library()

SOCIAL_IMAGE_FILTER = "fill-1200x630|format-jpeg"


def _page_of(context) -> Page | None:
    page = context.get("page")
    return page if isinstance(page, Page) else None


def _live_translations(page: Page) -> dict[str, Page]:
    """The page's live translations by language code, read once per page object."""
    cached = getattr(page, "_home_translations", None)
    if cached is None:
        cached = content_cached(
            f"translations:{page.pk}",
            lambda: {
                t.locale.language_code: t
                for t in page.get_translations(inclusive=True)
                .live()
                .select_related("locale")
            },
        )
        page._home_translations = cached
    return cached


def _without_language_prefix(path: str) -> str:
    """The address without its ``/zh-hans`` prefix: Django's ``set_language`` then
    adds the prefix of the chosen language (``translate_url``)."""
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            return "/" + path[len(prefix) :]
    return path


@register.simple_tag(takes_context=True)
def translated_url(context, language_code: str) -> str:
    """The ``next`` of the language switch for ``language_code``: the translation
    of the page being shown, or that language's home page when the page has none;
    outside Wagtail pages, the same address."""
    request = context.get("request")
    target = request.get_full_path() if request else "/"
    page = _page_of(context)
    if page is not None and page.pk:
        translations = _live_translations(page)
        translation = translations.get(language_code)
        if translation is None:
            home = Site.find_for_request(request) if request else None
            translation = (
                content_cached(
                    f"home-in:{home.pk}:{language_code}",
                    lambda: (
                        home.root_page.get_translations(inclusive=True)
                        .live()
                        .filter(locale__language_code=language_code)
                        .first()
                    ),
                )
                if home
                else None
            )
        url = (
            content_cached(
                f"url-of:{translation.pk}:{get_language()}:"
                f"{request.get_host() if request else ''}",
                lambda: translation.get_url(request),
            )
            if translation is not None
            else None
        )
        target = url or target
    return _without_language_prefix(target)


@register.simple_tag(takes_context=True)
def social_meta(context) -> dict | None:
    """Title, description, canonical address, image and language alternates of the
    page being shown, for the ``<head>``; ``None`` outside Wagtail pages."""
    page = _page_of(context)
    request = context.get("request")
    if page is None or request is None or not page.pk:
        return None
    specific = page.specific if type(page) is Page else page
    description = ""
    if hasattr(specific, "social_description"):
        description = specific.social_description()
    image_url = ""
    image = specific.social_image() if hasattr(specific, "social_image") else None
    if image is not None:
        image_url = request.build_absolute_uri(
            image.get_rendition(SOCIAL_IMAGE_FILTER).url
        )
    alternates = [
        (code, translation.get_full_url(request))
        for code, translation in _live_translations(page).items()
    ]
    return {
        "title": specific.seo_title or specific.title,
        "description": description or specific.search_description,
        "url": page.get_full_url(request),
        "image": image_url,
        "alternates": alternates,
    }


@register.filter
def local_name(obj) -> str:
    """An occupation's or industry's name in the active language (``name_zh`` in
    Chinese when it is filled in)."""
    if obj is None:
        return ""
    if get_language() == "zh-hans" and getattr(obj, "name_zh", ""):
        return obj.name_zh
    return str(obj)


@register.filter
def name_mark(name: str) -> str:
    """A profile without a photo shows this (``lms.models.users.name_mark``)."""
    return users.name_mark(name or "")
