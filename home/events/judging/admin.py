"""The organiser's set-up in the Wagtail admin: score sheets with their criteria,
panels with their judges, contestants and award bands (ModelViewSets, grouped under
"Judging"; registered in ``home/wagtail_hooks.py``). The forms refuse the edits
that would rewrite what judges already did: nothing scored is deleted, a sheet in
use keeps its criteria, and a signed-off panel no longer changes."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from home.events.judging.models import Panel, Score, ScoreItem, ScoreSheet

FROZEN = (Panel.Status.SIGNED_OFF, Panel.Status.PUBLISHED)


class ScoreSheetForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        sheet = self.instance
        if sheet.pk and ScoreItem.objects.filter(criterion__sheet=sheet).exists():
            if self.has_changed() or any(
                f.has_changed() for f in self.formsets["criteria"].forms
            ):
                raise ValidationError(
                    _("Judges have scored on this sheet: it can no longer change.")
                )
        return cleaned


class PanelForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        panel = self.instance
        if not panel.pk:
            return cleaned
        status = Panel.objects.filter(pk=panel.pk).values_list("status", flat=True)
        if status.first() in FROZEN:
            raise ValidationError(
                _("The results are signed off: the panel can no longer change.")
            )
        scored = Score.objects.filter(panel=panel)
        if "sheet" in self.changed_data and scored.exists():
            raise ValidationError(
                _("Judges have scored on this panel: its sheet cannot change.")
            )
        for name in ("judges", "contestants"):
            for form in self.formsets[name].deleted_forms:
                row = form.instance
                if row.pk and (row.scores.exists() or row.conflicts.exists()):
                    raise ValidationError(
                        _("%(name)s has scores or conflicts: they stay on the panel.")
                        % {"name": row}
                    )
        return cleaned


class ScoreSheetViewSet(ModelViewSet):
    model = ScoreSheet
    icon = "list-ol"
    menu_label = _("Score sheets")
    edit_handler = ObjectList(ScoreSheet.panels, base_form_class=ScoreSheetForm)
    list_display = ["name", "name_zh"]
    search_fields = ["name", "name_zh"]


class PanelViewSet(ModelViewSet):
    model = Panel
    icon = "group"
    menu_label = _("Judging panels")
    edit_handler = ObjectList(Panel.panels, base_form_class=PanelForm)
    list_display = ["name", "name_zh", "status", "chair"]
    list_filter = ["status"]
    search_fields = ["name", "name_zh"]


class JudgingGroup(ViewSetGroup):
    menu_label = _("Judging")
    menu_icon = "group"
    menu_order = 260
    items = (ScoreSheetViewSet, PanelViewSet)
