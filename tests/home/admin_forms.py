"""Form data for Wagtail's page editor, as an editor would submit it."""

from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)


def profile_form(title: str, slug: str, summary: str, biography: str) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": summary,
            "employer": "",
            "region": "",
            "biography": streamfield([("paragraph", rich_text(biography))]),
            "quotes": streamfield([("quote", {"text": summary, "attribution": title})]),
            "honours": inline_formset(
                [{"kind": "womens_pacesetter", "year": "2021", "title": ""}]
            ),
            "achievements": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


def story_form(title: str, slug: str, summary: str, body: str, tags: str) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "2025-07-24",
            "author": "",
            "summary": summary,
            "body": streamfield([("paragraph", rich_text(body))]),
            "tags": tags,
            "related_pages": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


def home_form(page, profile) -> dict:
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "",
            "body": rich_text(""),
            "featured_profiles": inline_formset([{"profile": profile.pk}]),
            "comments": inline_formset([]),
        }
    )
