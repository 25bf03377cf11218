"""The judge's score form (one number field per criterion, with the sheet's range
and step), the conflict declaration and the chair's correction."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from home.events.judging.selectors import plain


def _number(criterion, **extra) -> forms.DecimalField:
    return forms.DecimalField(
        label=criterion.local_name,
        min_value=criterion.min_score,
        max_value=criterion.max_score,
        max_digits=7,
        decimal_places=2,
        help_text=_("From %(min)s to %(max)s, weight %(weight)s")
        % {
            "min": plain(criterion.min_score),
            "max": plain(criterion.max_score),
            "weight": plain(criterion.weight),
        },
        widget=forms.NumberInput(
            attrs={
                "min": plain(criterion.min_score),
                "max": plain(criterion.max_score),
                "step": plain(criterion.step),
                "inputmode": "decimal",
            }
        ),
        **extra,
    )


class ScoreForm(forms.Form):
    """Field ``c<criterion id>`` per criterion; ``values()`` gives the service's
    mapping."""

    def __init__(self, *args, criteria, contestant, **kwargs):
        kwargs.setdefault("prefix", f"p{contestant.pk}")
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"c{criterion.pk}"] = _number(criterion)

    def values(self) -> dict:
        return {c.pk: self.cleaned_data[f"c{c.pk}"] for c in self.criteria}


class ConflictForm(forms.Form):
    reason = forms.CharField(
        label=_("Why you may not score this contestant"),
        max_length=500,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, contestant, **kwargs):
        kwargs.setdefault("prefix", f"x{contestant.pk}")
        super().__init__(*args, **kwargs)


class CorrectionForm(forms.Form):
    """The chair picks a submitted score and criterion, the new value and why."""

    score = forms.TypedChoiceField(label=_("Score (judge → contestant)"), coerce=int)
    criterion = forms.TypedChoiceField(label=_("Criterion"), coerce=int)
    value = forms.DecimalField(
        label=_("New value"),
        max_digits=7,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
    )
    reason = forms.CharField(label=_("Reason"), max_length=500)

    def __init__(self, *args, scores, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.scores = {s.pk: s for s in scores}
        self.criteria_by_id = {c.pk: c for c in criteria}
        self.fields["score"].choices = [
            (s.pk, f"{s.judge.user} → {s.contestant.display_name}") for s in scores
        ]
        self.fields["criterion"].choices = [(c.pk, c.local_name) for c in criteria]
