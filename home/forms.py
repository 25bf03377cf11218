from urllib.parse import urlencode

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from home.models import InnovationStudioPage, StudioLevel
from lms.models import Industry


class IndustryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Industry) -> str:
        if get_language() == "zh-hans" and obj.name_zh:
            return obj.name_zh
        return obj.name


class StudioFilterForm(forms.Form):
    """The filters of the studio index; choices are what the listed studios use."""

    industry = IndustryChoiceField(
        label=_("Industry"),
        queryset=Industry.objects.none(),
        required=False,
        empty_label=_("All industries"),
    )
    region = forms.ChoiceField(label=_("Region"), required=False)
    level = forms.ChoiceField(
        label=_("Level"),
        required=False,
        choices=[("", _("All levels")), *StudioLevel.choices],
    )

    def __init__(self, *args, index, **kwargs):
        from home.selectors.studios import studio_regions

        super().__init__(*args, **kwargs)
        studios = InnovationStudioPage.objects.child_of(index).live()
        self.fields["industry"].queryset = Industry.objects.filter(
            pk__in=studios.values("industry")
        )
        self.fields["region"].choices = [("", _("All regions"))] + [
            (region, region) for region in studio_regions(index=index)
        ]

    def query_string(self) -> str:
        if not self.is_bound or not self.is_valid():
            return ""
        values = {k: self.data.get(k) for k in self.fields if self.cleaned_data.get(k)}
        return urlencode(values)


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": 200}),
    )
