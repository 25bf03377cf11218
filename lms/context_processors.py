from django.utils.functional import SimpleLazyObject

from lms import navigation as nav


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
    }
