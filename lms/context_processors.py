from django.utils.functional import SimpleLazyObject

from lms import navigation as nav


def navigation(request):
    """The role's own menu entries, computed only when a template shows them."""
    user = getattr(request, "user", None)
    return {
        "nav_entries": SimpleLazyObject(
            lambda: nav.entries_for(user) if user is not None else []
        )
    }
