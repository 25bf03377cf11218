from allauth.account.adapter import get_adapter
from allauth.account.fields import EmailField
from allauth.account.forms import ConfirmLoginCodeForm as AllauthConfirmLoginCodeForm
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import RequestLoginCodeForm as AllauthRequestLoginCodeForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.account.forms import VerifyPhoneForm as AllauthVerifyPhoneForm
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lms.models import User
from lms.phones import normalise_phone
from lms.services.accounts import user_complete_signup
from lms.text import OneLineCharField

PASSWORD_RULES = _(
    "At least 8 characters. Not only digits, not a common password, and not like "
    "your name, e-mail address or phone number."
)


class SignupForm(AllauthSignupForm):
    """allauth's sign-up with the name and language the platform shows; an e-mail
    address or a mobile number (or both), the password rules in plain words."""

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
        # allauth's settings say "email*" (its checks want it with mandatory
        # verification); a mobile number may stand in for it (``clean``).
        self.fields["email"].required = False
        self.fields["email"].widget.is_required = False
        self.fields["email"].label = _("E-mail address")
        self.fields["email"].help_text = _(
            "Or leave it empty and give a mobile number."
        )
        self.fields["phone"].label = _("Mobile number")
        self.fields["phone"].help_text = _(
            "We send a code to it by text message. A Chinese number may leave out +86."
        )
        self.fields["password1"].label = _("Password")
        self.fields["password1"].help_text = PASSWORD_RULES
        if "password2" in self.fields:
            self.fields["password2"].label = _("Password again")
            self.fields["password2"].help_text = ""
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
        order = ["display_name", "phone", "email", "password1", "password2"]
        self.order_fields(order + ["preferred_language"])

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone"):
            if not self.has_error("email") and not self.has_error("phone"):
                raise ValidationError(
                    _("Give a mobile number or an e-mail address (or both)."),
                    code="email_or_phone",
                )
        return cleaned

    def save(self, request):
        user = super().save(request)
        user_complete_signup(
            user=user,
            display_name=self.cleaned_data["display_name"],
            preferred_language=self.cleaned_data["preferred_language"],
        )
        return user


class LoginForm(AllauthLoginForm):
    """allauth's sign-in, one field for an e-mail address or a mobile number."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        login = self.fields["login"]
        login.label = _("E-mail or mobile number")
        login.widget.attrs.pop("placeholder", None)
        login.widget.attrs["autocomplete"] = "username"
        login.widget.attrs["autocapitalize"] = "none"
        self.fields["password"].widget.attrs.pop("placeholder", None)
        if "remember" in self.fields:
            self.fields["remember"].label = _("Keep me signed in on this device")


class RequestLoginCodeForm(AllauthRequestLoginCodeForm):
    """Sign-in by a one-time code: one field, an e-mail address or a mobile number,
    handed to allauth as the one it is (allauth's rate limits apply)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("email", None)
        self.fields.pop("phone", None)
        self.fields["login"] = forms.CharField(
            label=_("E-mail or mobile number"),
            max_length=254,
            help_text=_("We send a code to your phone or e-mail."),
            widget=forms.TextInput(
                attrs={"autocomplete": "username", "autocapitalize": "none"}
            ),
        )

    def clean(self):
        login = (self.cleaned_data.get("login") or "").strip()
        if not login:
            return self.cleaned_data
        try:
            if "@" in login:
                self.cleaned_data["email"] = EmailField().clean(login)
                self.clean_email()
            else:
                phone = get_adapter().phone_form_field(required=True).clean(login)
                self.cleaned_data["phone"] = phone
                self.clean_phone()
        except ValidationError as error:
            self.add_error("login", error)
        return self.cleaned_data


def _code_field(help_text: str) -> OneLineCharField:
    """allauth's code field as a one-line field (a pasted code loses line breaks and
    control characters), in our words."""
    return OneLineCharField(
        label=_("Code"),
        help_text=help_text,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "none",
            }
        ),
    )


class ConfirmLoginCodeForm(AllauthConfirmLoginCodeForm):
    code = _code_field(_("6 digits from the text message, or the code in the e-mail."))


class VerifyPhoneForm(AllauthVerifyPhoneForm):
    code = _code_field(_("6 digits, in the text message we sent."))


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
        if not phone:
            if not self.instance.email:
                raise forms.ValidationError(
                    _("Your account has no e-mail address: keep a mobile number.")
                )
            return ""
        phone = normalise_phone(phone)
        taken = User.objects.filter(phone=phone).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                _("Another account already uses this number."), code="phone_taken"
            )
        return phone

    def save(self, commit=True):
        # A changed number is verified again (by its next sign-in code).
        if "phone" in self.changed_data:
            self.instance.phone_verified = False
        return super().save(commit)


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
        if email != (self.person.email or self.person.phone or "").lower():
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
