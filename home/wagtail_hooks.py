"""Home's admin menus: the judging set-up (``home.events.judging.admin``)."""

from wagtail import hooks

from home.events.judging.admin import JudgingGroup


@hooks.register("register_admin_viewset")
def register_judging():
    return JudgingGroup()
