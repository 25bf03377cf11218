"""The catalogue page and who may edit below it."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Page

from courses.models import CourseIndexPage
from lms.roles import Role

# Page permissions each CMS role holds on the catalogue (and so on every course and
# lesson below it); publishing goes through the moderation workflow.
CATALOGUE_PERMISSIONS = {
    Role.EDITOR: ("add_page", "change_page"),
    Role.MODERATOR: ("add_page", "change_page", "publish_page", "lock_page"),
}


def catalogue_grant_permissions(*, index: CourseIndexPage) -> None:
    """Gives the Editor and Moderator groups their page permissions on the
    catalogue; running it again adds nothing."""
    for role, codenames in CATALOGUE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=group, page=index, permission=permission
            )


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
    catalogue_grant_permissions(index=index)
    return index
