"""The forms of the event pages: the exhibition's field filter (GET, no JavaScript)
and the check-in code at the door."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _


class ExhibitFilterForm(forms.Form):
    """Choices are the fields (industries) of the exhibited achievements; an unknown
    one is a field error and the whole exhibition is shown."""

    field = forms.ChoiceField(label=_("Field"), required=False)

    def __init__(self, data, *, fields):
        data = {"field": data.get("field", "")[:60]} if data else None
        super().__init__(data)
        self.industries = {industry.code: industry for industry in fields}
        self.fields["field"].choices = [("", _("All fields"))] + [
            (industry.code, industry.local_name) for industry in fields
        ]

    def clean_field(self):
        code = self.cleaned_data.get("field")
        return self.industries.get(code) if code else None

    def query_string(self) -> str:
        if not self.is_bound or not self.is_valid() or not self.cleaned_data["field"]:
            return ""
        return urlencode({"field": self.cleaned_data["field"].code})


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Ticket code"),
        max_length=64,
        help_text=_("Scan the QR code, or type the code printed under it."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "inputmode": "text",
            }
        ),
    )
