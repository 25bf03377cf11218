from django.utils.functional import SimpleLazyObject

from lms import navigation as nav
from lms import permissions


def navigation(request):
    """The role's own menu entries, computed only when a template shows them."""
    user = getattr(request, "user", None)
    return {
        "nav_site": SimpleLazyObject(
            lambda: nav.entries_for(user, "site") if user is not None else []
        ),
        "nav_personal": SimpleLazyObject(
            lambda: nav.entries_for(user, "personal") if user is not None else []
        ),
        # Wagtail's userbar is for those who edit pages (not HR or officers, whom
        # it would cover on a phone); the roles (read once per request) say so
        # without Wagtail's two permission queries.
        "show_userbar": SimpleLazyObject(
            lambda: user is not None and permissions.can_edit_pages(user)
        ),
    }
