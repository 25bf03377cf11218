from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.selectors.catalogue import DURATIONS
from lms.models import Industry, Occupation, SkillLevel
from lms.search import search_text

DURATION_LABELS = {
    "short": _("Up to 4 hours"),
    "medium": _("4 to 12 hours"),
    "long": _("More than 12 hours"),
}


class CatalogueFilterForm(forms.Form):
    """The catalogue's search and filters (GET); bad values are simply ignored."""

    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    industry = forms.ModelChoiceField(
        label=_("Industry"), queryset=Industry.objects.none(), required=False
    )
    occupation = forms.ModelChoiceField(
        label=_("Occupation"), queryset=Occupation.objects.none(), required=False
    )
    level = forms.TypedChoiceField(
        label=_("Skill level"),
        choices=[("", _("Any level"))] + list(SkillLevel.choices),
        coerce=int,
        empty_value=None,
        required=False,
    )
    duration = forms.ChoiceField(
        label=_("Duration"),
        choices=[("", _("Any duration"))]
        + [(key, DURATION_LABELS[key]) for key in DURATIONS],
        required=False,
    )

    def __init__(self, *args, industries=None, occupations=None, **kwargs):
        """``industries`` and ``occupations``: querysets, or lists of rows already
        read (then the choices come from the lists, and the database is asked
        only to check a submitted choice)."""
        super().__init__(*args, **kwargs)
        self.fields["industry"].empty_label = _("Any industry")
        self.fields["occupation"].empty_label = _("Any occupation")
        for name, rows in (("industry", industries), ("occupation", occupations)):
            if rows is None:
                continue
            field = self.fields[name]
            if isinstance(rows, list):
                model = field.queryset.model
                field.queryset = model.objects.filter(pk__in=[r.pk for r in rows])
                field.choices = [("", field.empty_label)] + [
                    (r.pk, field.label_from_instance(r)) for r in rows
                ]
            else:
                field.queryset = rows

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "query": search_text(data["q"]),
            "industry_id": data["industry"].pk if data["industry"] else None,
            "occupation_id": data["occupation"].pk if data["occupation"] else None,
            "level": data["level"],
            "duration": data["duration"],
        }


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Several files in one input; each is checked by the service's validator."""

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleImageField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)] if data else []


class PracticalSubmitForm(forms.Form):
    text = forms.CharField(
        label=_("What you did"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        required=False,
    )
    photos = MultipleImageField(label=_("Photos of your work"), required=False)


class PracticalDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Sign off")), ("return", _("Send back"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment for the learner"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text=_("Required when you send the work back."),
    )


class AssignCourseForm(forms.Form):
    email = forms.EmailField(
        label=_("Person's e-mail address"),
        help_text=_("A worker of your enterprise, or a learner you mentor."),
    )
    course = forms.ModelChoiceField(
        label=_("Course"), queryset=None, empty_label=_("Choose a course")
    )
    due_on = forms.DateField(
        label=_("Due date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, courses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = courses
