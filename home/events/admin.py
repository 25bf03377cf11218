"""The events' pieces of the Wagtail admin (registered in ``home/wagtail_hooks.py``):
a chooser for studio achievements (the exhibition and the ballots' options pick
one among hundreds, searched by title or studio) and the organisers' audience
votes (``home.events.voting.admin``)."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from home.models import StudioAchievement


class AchievementFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Title or studio")}),
        required=False,
        max_length=100,
    )

    def filter(self, objects):
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            objects = objects.filter(
                Q(title__icontains=query) | Q(page__title__icontains=query)
            )
            self.is_searching, self.search_query = True, query
        return objects


class _AchievementListing:
    filter_form_class = AchievementFilterForm
    ordering = ["page__title", "sort_order", "pk"]

    def get_object_list(self):
        return StudioAchievement.objects.select_related("page", "page__locale")

    @property
    def columns(self):
        return [
            *super().columns,
            Column("studio", label=_("Studio"), accessor=lambda a: a.page.title),
            Column("year", label=_("Year")),
            Column(
                "language",
                label=_("Language"),
                accessor=lambda a: a.page.locale.get_display_name(),
            ),
        ]


class AchievementChooseView(_AchievementListing, ChooseView):
    pass


class AchievementChooseResultsView(_AchievementListing, ChooseResultsView):
    pass


class AchievementChooserViewSet(ChooserViewSet):
    model = StudioAchievement
    icon = "pick"
    choose_one_text = _("Choose an achievement")
    choose_another_text = _("Choose another achievement")
    choose_view_class = AchievementChooseView
    choose_results_view_class = AchievementChooseResultsView
    # Every admin form with a foreign key to an achievement gets this chooser (the
    # exhibition's rows, the options of a ballot).
    register_widget = True


achievement_chooser = AchievementChooserViewSet("achievement_chooser")
