"""The catalogue page. Who may edit below it is Wagtail's page permissions, granted
once on the root of every language tree (home/migrations/0004)."""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Page

from courses.models import CourseIndexPage


@transaction.atomic
def catalogue_ensure(
    *, parent: Page, title: str, slug: str, intro: str = ""
) -> CourseIndexPage:
    """The catalogue below ``parent``, created and published if missing."""
    index = CourseIndexPage.objects.child_of(parent).first()
    if index is None:
        index = CourseIndexPage(title=title, slug=slug, intro=intro)
        parent.add_child(instance=index)
        index.save_revision().publish()
    return index
