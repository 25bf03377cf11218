"""The home app's admin: the commendations' viewset (events' pages are edited in the
page tree)."""

from wagtail import hooks

from home.events.commendations.admin import commendation_viewset


@hooks.register("register_admin_viewset")
def register_commendations():
    return commendation_viewset
