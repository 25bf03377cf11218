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
        # Wagtail's userbar asks for every permission of the user (two queries) to
        # hide itself from learners: the roles (read once per request) say it first.
        "show_userbar": SimpleLazyObject(
            lambda: user is not None and permissions.can_access_admin(user)
        ),
    }
