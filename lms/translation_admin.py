"""wagtail-localize in the admin, kept inside the editorial workflow: its "Sync
translated pages" publishes the translations at once ("Publish immediately") for any
user who may submit translations; here only a user who may publish the page does
(an editor's sync updates the source, and a moderator publishes the translation from
its translation editor). Imported by ``LmsConfig.ready()``."""

from __future__ import annotations

from django.urls import path
from wagtail import hooks
from wagtail.models import Page
from wagtail_localize.views.update_translations import UpdateTranslationsView


class ModeratedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", whose "Publish immediately" is
    ignored for a user who may not publish the source page."""

    def form_valid(self, form):
        if form.cleaned_data.get("publish_translations") and not self.may_publish():
            form.cleaned_data["publish_translations"] = False
        return super().form_valid(form)

    def may_publish(self) -> bool:
        instance = self.object.get_source_instance()
        if isinstance(instance, Page):
            return instance.permissions_for_user(self.request.user).can_publish()
        return self.request.user.is_superuser


@hooks.register("register_admin_urls")
def moderated_sync_url():
    """The same address as wagtail-localize's own view: registered at start-up,
    before any app's wagtail_hooks, so this pattern is matched first (reversing
    wagtail-localize's name gives this address)."""
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            ModeratedUpdateTranslationsView.as_view(),
            name="localize_update_translations_moderated",
        )
    ]
