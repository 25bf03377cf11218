from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lms.models import User
from lms.services.accounts import user_complete_signup
from lms.text import OneLineCharField


class SignupForm(AllauthSignupForm):
    """allauth's sign-up with the name and language the platform shows."""

    display_name = OneLineCharField(
        label=_("Your name"),
        max_length=80,
        help_text=_("As colleagues and mentors know you."),
    )
    preferred_language = forms.ChoiceField(
        label=_("Language"), choices=User.Language.choices
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Someone signing up on the Chinese pages most likely reads Chinese.
        chinese = (get_language() or "").startswith("zh")
        language = User.Language.CHINESE if chinese else User.Language.ENGLISH
        self.fields["preferred_language"].initial = language

    def save(self, request):
        user = super().save(request)
        user_complete_signup(
            user=user,
            display_name=self.cleaned_data["display_name"],
            preferred_language=self.cleaned_data["preferred_language"],
        )
        return user


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "display_name",
            "latin_name",
            "first_name",
            "last_name",
            "phone",
            "preferred_language",
            "avatar",
        ]
        widgets = {"phone": forms.TextInput(attrs={"inputmode": "tel"})}
        field_classes = {"phone": OneLineCharField}

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        allowed = set("+0123456789- ")
        if phone and (not set(phone) <= allowed or sum(c.isdigit() for c in phone) < 5):
            raise forms.ValidationError(
                _("Enter a phone number of digits, spaces, + and -.")
            )
        return phone


class EraseConfirmForm(forms.Form):
    """Staff type the person's e-mail address to confirm an erasure."""

    email = forms.CharField(
        label=_("Type the person's e-mail address to confirm"), max_length=254
    )

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if email != self.person.email.lower():
            raise forms.ValidationError(
                _("That is not this person's e-mail address; nothing was erased.")
            )
        return email


class ErasureRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ErasureDecisionForm(forms.Form):
    """Staff approve (typing the person's e-mail address, as for any erasure) or
    refuse with a reason the person reads."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("approve", _("Approve: erase the data now")),
            ("refuse", _("Refuse")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the person (required when refusing)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    email = forms.CharField(
        label=_("To approve, type the person's e-mail address"),
        required=False,
        max_length=254,
    )

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        if decision == "approve":
            email = (data.get("email") or "").strip().lower()
            if email != self.person.email.lower():
                self.add_error(
                    "email",
                    _("That is not this person's e-mail address; nothing was erased."),
                )
        elif decision == "refuse" and not (data.get("note") or "").strip():
            self.add_error(
                "note", _("Give the reason for refusing: the person will read it.")
            )
        return data


class ApiTokenForm(forms.Form):
    name = OneLineCharField(
        label=_("Name"),
        max_length=80,
        help_text=_("Which system uses it, e.g. “Payroll sync”."),
    )
    days = forms.TypedChoiceField(
        label=_("Valid for"),
        coerce=int,
        choices=[
            (30, _("30 days")),
            (90, _("90 days")),
            (365, _("one year")),
        ],
        initial=90,
    )
