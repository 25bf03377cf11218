"""The organiser's set-up in the admin refuses what would rewrite judges' work: a
signed-off panel, a sheet that has been scored on, a scored contestant removed."""

import pytest

from home.events.judging import services
from home.events.judging.admin import PanelViewSet, ScoreSheetViewSet
from home.events.judging.models import Panel, ScoreSheet

from . import factories as f

pytestmark = pytest.mark.django_db


def _data(form, **changes):
    """The form's own values, each inline list sent back unchanged."""
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        data[name] = getattr(value, "pk", value) if value is not None else ""
    for prefix, formset in form.formsets.items():
        data[f"{prefix}-TOTAL_FORMS"] = len(formset.forms)
        data[f"{prefix}-INITIAL_FORMS"] = len(formset.initial_forms)
        for child in formset.forms:
            for name in child.fields:
                value = child.initial.get(name, child.fields[name].initial)
                value = getattr(value, "pk", value)
                data[child.add_prefix(name)] = "" if value is None else value
    data.update(changes)
    return data


def _form(model, instance, **changes):
    """The admin's own form (the viewset's), bound to the edited values."""
    viewset = PanelViewSet if model is Panel else ScoreSheetViewSet
    form_class = viewset.edit_handler.bind_to_model(model).get_form_class()
    unbound = form_class(instance=instance)
    return form_class(_data(unbound, **changes), instance=instance)


def test_an_open_panel_can_be_renamed_in_the_admin():
    panel = f.panel(judges=2, contestants=2)
    form = _form(Panel, panel, name="Renamed")
    assert form.is_valid(), form.errors


def test_a_signed_off_panel_no_longer_changes_in_the_admin():
    panel = f.panel(judges=1, contestants=1)
    for step in (services.panel_close, services.panel_reveal, services.panel_sign_off):
        step(user=panel.chair, panel=panel)
    form = _form(Panel, panel, name="Renamed")
    assert not form.is_valid()
    assert "signed off" in str(form.non_field_errors())
    assert Panel.objects.get().name == "Craftsman roadshow"


def test_a_scored_contestant_cannot_be_removed_in_the_admin():
    panel = f.panel(judges=1, contestants=2)
    (judge,), (first, _second) = f.parts(panel)
    f.score(panel, judge, first, 5, 5)
    form = _form(Panel, panel, **{"contestants-0-DELETE": "on"})
    assert not form.is_valid()
    assert "Presenter 1" in str(form.non_field_errors())


def test_a_sheet_scored_on_keeps_its_criteria():
    panel = f.panel(judges=1, contestants=1)
    (judge,), (first,) = f.parts(panel)
    f.score(panel, judge, first, 5, 5)
    form = _form(ScoreSheet, panel.sheet, **{"criteria-0-weight": "9"})
    assert not form.is_valid()
    assert "can no longer change" in str(form.non_field_errors())
