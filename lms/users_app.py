"""Wagtail's users app (label ``wagtailusers``) with the user forms of
``lms.admin_users``: roles change through the services. Listed in INSTALLED_APPS
instead of ``wagtail.users``."""

from wagtail.users.apps import WagtailUsersAppConfig


class LmsUsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "lms.admin_users.UserViewSet"
