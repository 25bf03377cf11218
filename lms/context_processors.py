from django.utils.functional import SimpleLazyObject

from lms import navigation as nav
from lms import permissions, selectors, text_size


def navigation(request):
    """The role's own menu entries (flat and grouped by task, with the current one),
    the inbox's unread count and the text size, each computed only when a template
    shows it."""
    user = getattr(request, "user", None)
    path = getattr(request, "path", "")

    def personal():
        return nav.entries_for(user, "personal") if user is not None else []

    entries = SimpleLazyObject(personal)
    return {
        "nav_site": SimpleLazyObject(
            lambda: nav.entries_for(user, "site") if user is not None else []
        ),
        "nav_personal": entries,
        "nav_groups": SimpleLazyObject(lambda: nav.grouped(list(entries))),
        "nav_current": SimpleLazyObject(lambda: nav.current(list(entries), path) or ""),
        "unread_count": SimpleLazyObject(
            lambda: (
                selectors.unread_notification_count(user=user)
                if getattr(user, "is_authenticated", False)
                else 0
            )
        ),
        "text_size": text_size.for_request(request),
        "text_sizes": text_size.choices(),
        # Wagtail's userbar is for those who edit pages (not HR or officers, whom
        # it would cover on a phone); the roles (read once per request) say so
        # without Wagtail's two permission queries.
        "show_userbar": SimpleLazyObject(
            lambda: user is not None and permissions.can_edit_pages(user)
        ),
    }
