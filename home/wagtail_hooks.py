"""The home app's admin: the events' achievement chooser and audience votes."""

from wagtail import hooks

from home.events.admin import achievement_chooser
from home.events.voting.admin import ballots


@hooks.register("register_admin_viewset")
def register_achievement_chooser():
    return achievement_chooser


@hooks.register("register_admin_viewset")
def register_ballots():
    return ballots
