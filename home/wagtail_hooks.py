"""The home app's admin: the events' achievement chooser, audience votes, the
commendations' viewset and the judging set-up (``home.events.judging.admin``)."""

from wagtail import hooks

from home.events.admin import achievement_chooser
from home.events.commendations.admin import commendation_viewset
from home.events.judging.admin import JudgingGroup
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


@hooks.register("register_admin_viewset")
def register_judging():
    return JudgingGroup()
