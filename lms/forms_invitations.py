from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from lms.models import Enterprise, Membership
from lms.permissions import records_for
from lms.policies import invitation_roles_for
from lms.services.invitations import MAX_DAYS, MAX_USES
from lms.text import OneLineCharField


class InvitationForm(forms.Form):
    """What an invitation gives: the enterprise (when HR keeps several), the role,
    the employee number, and how often and how long it may be used."""

    enterprise = forms.ModelChoiceField(
        label=_("Enterprise"), queryset=None, empty_label=_("Choose the enterprise")
    )
    invitee = OneLineCharField(
        label=_("For (name)"),
        max_length=80,
        required=False,
        help_text=_("Optional: who it is for, so that you find it in the list."),
    )
    role = forms.ChoiceField(label=_("Role in the enterprise"))
    employee_number = OneLineCharField(
        label=_("Employee number"),
        max_length=40,
        required=False,
        help_text=_("Optional. Given to the person who joins with this invitation."),
    )
    max_uses = forms.IntegerField(
        label=_("How many people may join with it"),
        min_value=1,
        max_value=MAX_USES,
        initial=1,
        help_text=_(
            "1 for one person. More for a code on a notice board (then without "
            "an employee number)."
        ),
    )
    days = forms.IntegerField(
        label=_("Good for (days)"),
        min_value=1,
        max_value=MAX_DAYS,
        initial=settings.INVITATION_DAYS,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        enterprises = records_for(user, "invite", Enterprise)
        self.fields["enterprise"].queryset = enterprises
        if len(enterprises) == 1:
            self.fields["enterprise"].initial = enterprises[0].pk
            self.fields["enterprise"].widget = forms.HiddenInput()
        roles = {Membership.Role.WORKER, Membership.Role.MANAGER}
        if any(
            Membership.Role.HR in invitation_roles_for(user, e) for e in enterprises
        ):
            roles.add(Membership.Role.HR)
        self.fields["role"].choices = [
            (value, label) for value, label in Membership.Role.choices if value in roles
        ]
        self.fields["role"].initial = Membership.Role.WORKER

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("employee_number") and (cleaned.get("max_uses") or 1) > 1:
            self.add_error(
                "max_uses",
                _("An employee number belongs to one person: invite them alone."),
            )
        return cleaned


class JoinCodeForm(forms.Form):
    code = OneLineCharField(
        label=_("Invitation code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocapitalize": "characters", "autocomplete": "off"}
        ),
    )
