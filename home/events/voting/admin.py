"""The organisers' audience votes in the Wagtail admin: a ballot with its options
(inline), the event it belongs to and its voting times. Once people have voted, an
option they chose is not removed and the ballot's times are not moved (the votes
were cast under them); the form says so and saves nothing."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from home.events.voting.models import Ballot, Vote


class BallotForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        cast = Vote.objects.filter(ballot=self.instance)
        if not cast.exists():
            return cleaned
        if "opens_at" in self.changed_data:
            self.add_error(
                "opens_at", _("People have voted: the opening time stays as it was.")
            )
        formset = self.formsets.get("options")
        if formset is not None and formset.is_bound:
            formset.is_valid()
            for form in formset.forms:
                if not (form.instance.pk and formset._should_delete_form(form)):
                    continue
                n = cast.filter(option=form.instance).count()
                if n:
                    self.add_error(
                        None,
                        ngettext(
                            "“%(option)s” has %(n)d vote: it stays on the ballot.",
                            "“%(option)s” has %(n)d votes: it stays on the ballot.",
                            n,
                        )
                        % {"option": form.instance.name, "n": n},
                    )
        return cleaned


class BallotViewSet(ModelViewSet):
    model = Ballot
    icon = "tick-inverse"
    menu_label = _("Audience votes")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["title", "title_zh", "event", "opens_at", "closes_at"]
    search_fields = ["title", "title_zh"]
    ordering = ["-opens_at"]
    edit_handler = ObjectList(Ballot.panels, base_form_class=BallotForm)


ballots = BallotViewSet("ballots")
