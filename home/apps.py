from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and role models")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from home import personal_data as home_data
        from home.events import notice_kinds as event_notices
        from home.events import permissions as event_permissions
        from home.events import personal_data as event_data
        from home.events.commendations import permissions as commendation_permissions
        from home.events.commendations import personal_data as commendation_data
        from home.events.commendations import signals as commendation_signals
        from home.events.competitions import permissions as competition_permissions
        from home.events.competitions.selectors import ladder_evidence
        from home.events.judging import permissions as judging_permissions
        from home.events.models import EventPage
        from home.selectors.profiles import profile_urls
        from lms import navigation, permissions, personal_data, providers

        del event_notices  # imported for its kinds (lms.notices)
        event_permissions.register()
        commendation_permissions.register()
        commendation_signals.connect()
        competition_permissions.register()
        providers.register_ladder_evidence(ladder_evidence)
        judging_permissions.register()
        personal_data.register("home", home_data.export_home, home_data.erase_home)
        personal_data.register(
            "events", event_data.export_events, event_data.erase_events
        )
        personal_data.register(
            "commendations",
            commendation_data.export_commendations,
            commendation_data.erase_commendations,
        )
        providers.register_profile_urls(profile_urls)
        page_published.connect(_content_changed, dispatch_uid="home-content-published")
        page_published.connect(
            _programme_published,
            sender=EventPage,
            dispatch_uid="home-event-programme-published",
        )
        page_unpublished.connect(
            _content_changed, dispatch_uid="home-content-unpublished"
        )
        for url_name, label, order in (
            ("home:profiles", _("Role models"), 60),
            ("home:studios", _("Studios"), 62),
            ("home:stories", _("Stories"), 64),
            ("home:events", _("Events"), 66),
            ("commendations:index", _("Commendations"), 67),
            ("home:search", _("Search"), 70),
        ):
            navigation.register(
                navigation.NavEntry(
                    url_name,
                    label,
                    permissions.can_view_public_content,
                    order=order,
                    area="site",
                )
            )


def _content_changed(sender, **kwargs):
    from home.services import content_cache_invalidate

    content_cache_invalidate()


def _programme_published(sender, instance, **kwargs):
    """Seats an editor added to a session go to the people on its waiting list."""
    from home.events.services import event_fill_waiting_lists

    event_fill_waiting_lists(event=instance)
