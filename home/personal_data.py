"""The home part of a person's data (registered in ``HomeConfig.ready()``): the
role-model profile pages linked to their account. Those pages are editorial content
about a public role model, so erasure only unlinks the account (the live figures
stop); editors decide about the page itself (docs/privacy.md)."""

from __future__ import annotations

from home.models import CraftsmanProfilePage


def export_home(user) -> dict:
    pages = CraftsmanProfilePage.objects.filter(user=user).order_by("pk")
    return {
        "linked_profile_pages": [
            {"title": page.title, "url": page.url_path, "live": page.live}
            for page in pages
        ],
        "files": [],
    }


def erase_home(user) -> None:
    CraftsmanProfilePage.objects.filter(user=user).update(user=None)
