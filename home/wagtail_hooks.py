"""The home app's admin: the events' achievement chooser, audience votes and the
commendations' viewset."""

from wagtail import hooks

from home.events.admin import achievement_chooser
from home.events.commendations.admin import commendation_viewset
from home.events.voting.admin import ballots


@hooks.register("register_admin_viewset")
def register_achievement_chooser():
    return achievement_chooser


@hooks.register("register_admin_viewset")
def register_ballots():
    return ballots


@hooks.register("register_admin_viewset")
def register_commendations():
    return commendation_viewset
