"""The commendations in the Wagtail admin (a ModelViewSet under "Events" in the
menu): staff set one up (title in both languages, year, event, nomination window,
places, committee). Nominating, reviewing, selecting and publishing happen on the
site's pages, through the services; a commendation that has nominations is never
deleted (its audit trail stays)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from home.events.commendations.models import Commendation


class CommendationDeleteView(generic.DeleteView):
    def form_valid(self, form):
        if self.object.nominations.exists():
            messages.error(
                self.request,
                _("A commendation with nominations is kept: it cannot be deleted."),
            )
            return redirect(self.edit_url_name, self.object.pk)
        return super().form_valid(form)


class CommendationViewSet(ModelViewSet):
    model = Commendation
    icon = "trophy"
    menu_label = _("Commendations")
    add_to_admin_menu = True
    menu_order = 310
    copy_view_enabled = False
    inspect_view_enabled = True
    delete_view_class = CommendationDeleteView
    list_display = ["title", "year", "status", "places"]
    list_filter = ["status", "year"]
    search_fields = ["title", "title_zh"]
    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("title_zh")]),
        FieldRowPanel([FieldPanel("year"), FieldPanel("places")]),
        FieldPanel("event"),
        FieldRowPanel(
            [FieldPanel("nominations_open_at"), FieldPanel("nominations_close_at")]
        ),
        FieldPanel("committee"),
    ]


commendation_viewset = CommendationViewSet("commendation_admin")
