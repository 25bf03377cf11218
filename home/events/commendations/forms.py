"""The nomination, review and selection forms; the services hold the rules (the form
only limits the choices to what the user may pick and gives field errors)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from home.events.commendations.models import LINKS_MAX, STATEMENT_MAX, Recommendation
from home.events.commendations.permissions import nominating_union_ids
from home.events.commendations.selectors import nominable_people
from lms.models import TradeUnion, User


class NominationForm(forms.Form):
    union = forms.ModelChoiceField(
        label=_("Nominating union"), queryset=TradeUnion.objects.none()
    )
    craftsman = forms.ModelChoiceField(
        label=_("Craftsman"),
        queryset=User.objects.none(),
        help_text=_("A member of one of your union's enterprises."),
    )
    statement = forms.CharField(
        label=_("Statement"),
        max_length=STATEMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    links = forms.CharField(
        label=_("Achievement links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "inputmode": "url"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        unions = nominating_union_ids(user)
        found = TradeUnion.objects.order_by("name")
        self.fields["union"].queryset = (
            found if unions is None else found.filter(pk__in=unions)
        )
        if unions is not None and len(unions) == 1:
            self.fields["union"].initial = next(iter(unions))
        self.fields["craftsman"].queryset = nominable_people(user=user)
        self.fields["statement"].help_text = gettext(
            "What the craftsman achieved and passed on; at most %(max)d characters."
        ) % {"max": STATEMENT_MAX}
        self.fields["links"].help_text = gettext(
            "Optional: up to %(max)d web addresses, one a line."
        ) % {"max": LINKS_MAX}


class ReviewForm(forms.Form):
    recommendation = forms.ChoiceField(
        label=_("Your recommendation"),
        choices=Recommendation.choices,
        widget=forms.RadioSelect,
    )
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=STATEMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class SelectionForm(forms.Form):
    nominations = forms.ModelMultipleChoiceField(
        label=_("Selected craftsmen"),
        required=False,
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, commendation, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["nominations"]
        field.queryset = commendation.nominations.select_related("craftsman", "union")
        field.label_from_instance = lambda n: f"{n.craftsman} · {n.union.local_name}"
        if not self.is_bound:
            self.initial["nominations"] = [n.pk for n in field.queryset if n.selected]
