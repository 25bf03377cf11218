"""Demo content of this app, loaded by ``manage.py load_demo``: role-model profiles,
innovation studios, the textile-industry alliance and stories, in English and as
Chinese translations. Safe to run again: a page that exists (by slug under its parent,
or as a translation) is left as it is."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

from wagtail.models import Locale, Page

from courses import demo as courses_demo
from courses.models import CoursePage
from home import demo_content as content
from home import services
from home.models import (
    AllianceMemberStudio,
    AllianceMemberUnit,
    AlliancePage,
    AllianceRelatedPage,
    CraftsmanProfilePage,
    HomeFeaturedProfile,
    HomePage,
    InnovationStudioPage,
    ProfileAchievement,
    ProfileHonour,
    ProfileIndexPage,
    StoryIndexPage,
    StoryPage,
    StoryRelatedPage,
    StudioAchievement,
    StudioAssessment,
    StudioDisciplineGroup,
    StudioIndexPage,
    StudioMember,
)
from lms.demo import demo_enterprise, demo_user
from lms.illustrations.images import illustration_image
from lms.models import Industry, Occupation
from lms.services.pages import (
    page_translation_get_or_create,
    page_translation_register,
)

LANGUAGES = {"en": "en", "zh": "zh-hans"}
BLOCK_IDS = uuid.UUID("0d7c4a52-3f5e-4c1b-9b1e-6a2f8e4d9c37")


def english_home() -> HomePage:
    """The English home page every app's demo content goes under."""
    return HomePage.objects.get(locale__language_code=LANGUAGES["en"], depth=2)


def load_courses(*, stdout) -> None:
    """The courses demo, its catalogue under the English home page."""
    courses_demo.load(stdout=stdout, parent=english_home())


def load(*, stdout) -> None:
    locales = {
        key: Locale.objects.get(language_code=code) for key, code in LANGUAGES.items()
    }
    home = english_home()
    sections = {
        "role-models": _section(home, ProfileIndexPage, "role-models", locales["zh"]),
        "stories": _section(home, StoryIndexPage, "stories", locales["zh"]),
        "studios": _section(home, StudioIndexPage, "studios", locales["zh"]),
    }
    pages: dict[str, dict[str, Page]] = {}
    for slug in content.PROFILES:
        pages[slug] = _profile(sections["role-models"], slug, locales["zh"])
    for slug in content.STUDIOS:
        pages[slug] = _studio(sections["studios"], slug, locales["zh"], pages)
    pages[content.ALLIANCE["slug"]] = _alliance(
        sections["studios"], locales["zh"], pages
    )
    for slug in content.STORIES:
        pages[slug] = _story(sections["stories"], slug, locales["zh"], pages)
    _feature(home, [pages[s] for s in content.PROFILES], locales["zh"])
    page_translation_register(source=home, target=home.get_translation(locales["zh"]))
    stdout.write(
        f"home: {len(content.PROFILES)} profiles, {len(content.STUDIOS)} studios, "
        f"1 alliance, {len(content.STORIES)} stories (English and Chinese)"
    )


# --- page helpers ---------------------------------------------------------------


def _make(parent: Page, model, slug: str, fill: Callable[[Page], None]) -> Page:
    """The published child page ``slug`` of ``parent``, made by ``fill`` if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(slug=slug)
    fill(page)
    parent.add_child(instance=page)
    return services.page_publish(page=page)


def _translate(page: Page, locale: Locale, fill: Callable[[Page], None]) -> Page:
    """The published wagtail-localize translation of ``page``, filled in by ``fill``
    when new; its words become the translated strings."""
    existing = page.get_translation_or_none(locale)
    if existing is None:
        translation, _created = page_translation_get_or_create(page=page, locale=locale)
        fill(translation)
        existing = services.page_publish(page=translation)
    page_translation_register(source=page, target=existing)
    return existing.specific


def _both(parent: Page, model, slug: str, zh: Locale, fill) -> dict[str, Page]:
    """The English page and its Chinese translation; ``fill(page, lang)``."""
    english = _make(parent, model, slug, lambda page: fill(page, "en"))
    chinese = _translate(english, zh, lambda page: fill(page, "zh"))
    return {"en": english, "zh": chinese}


def _stream(blocks: list, page: Page, name: str) -> str:
    """A StreamField value whose block ids follow from the page's slug, the field and
    the block's place: the same in English and Chinese, so the Chinese words are the
    translations of the English blocks (wagtail-localize pairs them by block id)."""

    def ids(key: str, value):
        if not isinstance(value, dict):
            return value
        return {  # list items (a row of key figures) get ids of the same kind
            field: [
                {
                    "type": "item",
                    "id": str(uuid.uuid5(BLOCK_IDS, f"{key}/{field}/{i}")),
                    "value": item,
                }
                for i, item in enumerate(items)
            ]
            if isinstance(items, list)
            else items
            for field, items in value.items()
        }

    keys = [f"{page.slug}/{name}/{n}" for n in range(len(blocks))]
    return json.dumps(
        [
            {
                **block,
                "id": str(uuid.uuid5(BLOCK_IDS, key)),
                "value": ids(key, block["value"]),
            }
            for key, block in zip(keys, blocks, strict=True)
        ]
    )


def _section(home: HomePage, model, slug: str, zh: Locale) -> Page:
    def fill(page, lang):
        words = content.SECTIONS[slug][lang]
        page.title, page.intro = words["title"], words["intro"]

    return _both(home, model, slug, zh, fill)["en"]


# --- images ---------------------------------------------------------------------


def _image(subject: str, variant: int):
    """The drawn illustration (``lms.illustrations``), made once and shared."""
    return illustration_image(
        title=f"Illustration · {subject} {variant}", subject=subject, variant=variant
    )


# --- profiles, studios, alliance, stories -----------------------------------------


def _profile(index: Page, slug: str, zh: Locale) -> dict[str, Page]:
    facts = content.PROFILES[slug]
    portrait = _image(*facts["portrait"])
    occupation = Occupation.objects.filter(code=facts["occupation"]).first()
    user = demo_user(facts["user"]) if facts["user"] else None

    def fill(page, lang):
        words = facts[lang]
        page.title, page.summary = words["title"], words["summary"]
        page.employer, page.region = words["employer"], words["region"]
        page.portrait, page.occupation, page.user = portrait, occupation, user
        page.in_trade_since = facts["in_trade_since"]
        page.biography = _stream(words["biography"], page, "biography")
        page.quotes = _stream(words["quotes"], page, "quotes")
        page.honours = [
            ProfileHonour(kind=kind, year=year, title=words["honour_titles"][n])
            for n, (kind, year) in enumerate(facts["honours"])
        ]
        page.achievements = [
            ProfileAchievement(
                title=t, year=y, description=d, patents=pat, benefit_yuan=benefit
            )
            for t, y, d, pat, benefit in words["achievements"]
        ]

    return _both(index, CraftsmanProfilePage, slug, zh, fill)


def _studio(index: Page, slug: str, zh: Locale, pages: dict) -> dict[str, Page]:
    facts = content.STUDIOS[slug]
    industry = Industry.objects.filter(code=facts["industry"]).first()
    enterprise = demo_enterprise(facts["enterprise"]) if facts["enterprise"] else None
    image = _image(*facts["image"])

    def fill(page, lang):
        words = facts[lang]
        page.title, page.summary, page.region = (
            words["title"],
            words["summary"],
            words["region"],
        )
        page.level, page.recognised_in = facts["level"], facts["recognised_in"]
        page.lead_craftsman = pages[facts["lead"]][lang] if facts["lead"] else None
        page.enterprise, page.industry, page.image = enterprise, industry, image
        page.enterprise_name = words.get("enterprise_name", "")
        page.experts_trained = facts["experts_trained"]
        page.body = _stream(words["body"], page, "body")
        page.discipline_groups = [
            StudioDisciplineGroup(name=name, description=description)
            for name, description in words.get("groups", [])
        ]
        page.members = [
            StudioMember(
                name=pages[profile][lang].title,
                role=words["member_roles"][n],
                profile=pages[profile][lang],
            )
            for n, (profile, _role) in enumerate(facts["members"])
        ]
        page.achievements = [
            StudioAchievement(
                kind=kind,
                year=year,
                projects=projects,
                benefit_yuan=benefit,
                patents=patents,
                title=words["achievement_titles"][n][0],
                description=words["achievement_titles"][n][1],
            )
            for n, (kind, year, projects, benefit, patents) in enumerate(
                facts["achievements"]
            )
        ]
        page.assessments = [
            StudioAssessment(
                date=date,
                result=result,
                assessors=words["assessments"][n][0],
                findings=words["assessments"][n][1],
            )
            for n, (date, result) in enumerate(facts["assessments"])
        ]

    return _both(index, InnovationStudioPage, slug, zh, fill)


def _alliance(index: Page, zh: Locale, pages: dict) -> dict[str, Page]:
    facts = content.ALLIANCE
    industry = Industry.objects.filter(code=facts["industry"]).first()
    image = _image(*facts["image"])
    courses = _textile_courses()

    def fill(page, lang):
        words = facts[lang]
        page.title, page.summary = words["title"], words["summary"]
        page.organiser, page.industry, page.image = words["organiser"], industry, image
        page.founded_on = facts["founded_on"]
        page.founding_members = facts["founding_members"]
        page.achievements_released = facts["achievements_released"]
        page.body = _stream(words["body"], page, "body")
        page.member_studios = [
            AllianceMemberStudio(studio=pages[slug][lang]) for slug in facts["studios"]
        ]
        page.member_units = [
            AllianceMemberUnit(
                enterprise=demo_enterprise(key),
                name=demo_enterprise(key).name,
                region=region_en if lang == "en" else region_zh,
            )
            for key, region_en, region_zh in facts["units"]
        ]
        page.related_pages = [AllianceRelatedPage(target=course) for course in courses]

    return _both(index, AlliancePage, facts["slug"], zh, fill)


def _textile_courses() -> list[Page]:
    """The courses app's "AI + Textile" courses (its demo loads first)."""
    return list(
        CoursePage.objects.live()
        .filter(locale__language_code="en", title__icontains="textile")
        .order_by("title")[:3]
    )


def _story(index: Page, slug: str, zh: Locale, pages: dict) -> dict[str, Page]:
    facts = content.STORIES[slug]
    image = _image(*facts["image"])

    def fill(page, lang):
        words = facts[lang]
        page.title, page.summary, page.author = (
            words["title"],
            words["summary"],
            words["author"],
        )
        page.date, page.lead_image = facts["date"], image
        page.body = _stream(words["body"], page, "body")
        page.tags.set(words["tags"])
        page.related_pages = [
            StoryRelatedPage(target=pages[key][lang]) for key in facts["related"]
        ]

    return _both(index, StoryPage, slug, zh, fill)


def _feature(home: HomePage, profiles: list[dict], zh: Locale) -> None:
    """Puts the profiles on both home pages, once."""
    for lang, page in (("en", home), ("zh", home.get_translation(zh).specific)):
        if page.featured_profiles.exists():
            continue
        page.featured_profiles = [
            HomeFeaturedProfile(profile=profile[lang]) for profile in profiles
        ]
        services.page_publish(page=page)
