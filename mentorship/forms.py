"""Forms collect and check input; the services hold the rules."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.models import Enterprise, Occupation, SkillLevel, User
from lms.roles import Role
from lms.text import OneLineCharField
from lms.validators import MAX_FILES_PER_UPLOAD, validate_files
from mentorship.models import Agreement, GuidanceSession, ServiceRequest
from mentorship.models.sessions import SESSION_DETAIL_FIELDS
from mentorship.validators import validate_attachment, validate_photo


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each checked by ``item_validator``."""

    def __init__(self, *args, item_validator=None, **kwargs):
        self.item_validator = item_validator
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        files = [single(f, initial) for f in files]
        files = [f for f in files if f]
        if self.item_validator:
            validate_files(files, self.item_validator)
        return files


def _occupations():
    return Occupation.objects.order_by("name")


class AgreementForm(forms.ModelForm):
    """The coordinator sets up an agreement; the apprentice is found by e-mail."""

    apprentice_email = forms.EmailField(
        label=_("Apprentice's e-mail address"),
        help_text=_("The apprentice must have an account and work at the enterprise."),
    )

    class Meta:
        model = Agreement
        fields = [
            "mentor",
            "enterprise",
            "occupation",
            "goals",
            "start_date",
            "end_date",
            "cadence",
            "planned_hours",
        ]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}

    field_order = ["mentor", "apprentice_email", "enterprise"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = User.objects.filter(
            groups__name=Role.MENTOR, is_active=True
        ).order_by("display_name")
        self.fields["enterprise"].queryset = Enterprise.objects.order_by("name")
        self.fields["occupation"].queryset = _occupations()
        self.fields["mentor"].empty_label = _("Choose a mentor")
        self.fields["enterprise"].empty_label = _("Choose an enterprise")
        self.fields["occupation"].empty_label = _("Choose an occupation")
        self.fields["goals"].widget.attrs["rows"] = 4
        if self.instance.pk:
            self.fields["apprentice_email"].initial = self.instance.apprentice.email

    def clean_apprentice_email(self) -> User:
        email = self.cleaned_data["apprentice_email"].strip().lower()
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(
                _("Nobody with this e-mail address has an account."), code="unknown"
            )
        return user

    def terms(self) -> dict:
        data = dict(self.cleaned_data)
        data["apprentice"] = data.pop("apprentice_email")
        return data

    def _post_clean(self):
        """The service, not the model form, checks the agreement's rules."""


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class MilestoneForm(forms.Form):
    title = OneLineCharField(label=_("Title"), max_length=200)
    target_date = forms.DateField(label=_("Target date"), widget=DateInput())
    skill_level = forms.TypedChoiceField(
        label=_("Skill level it works toward"),
        choices=SkillLevel.choices,
        coerce=int,
    )
    occupation = forms.ModelChoiceField(
        label=_("Occupation"),
        queryset=Occupation.objects.none(),
        required=False,
        empty_label=_("The agreement's occupation"),
        help_text=_("Leave empty for the agreement's occupation."),
    )
    courses = forms.ModelMultipleChoiceField(
        label=_("Linked courses"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from mentorship.models import Milestone

        self.fields["occupation"].queryset = _occupations()
        course_model = Milestone._meta.get_field("courses").related_model
        self.fields["courses"].queryset = course_model.objects.live().order_by("title")


class SignOffForm(forms.Form):
    evidence = forms.CharField(
        label=_("Evidence"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the apprentice showed: the part made, the task done."),
    )
    evidence_file = forms.FileField(
        label=_("Evidence file (optional)"),
        required=False,
        validators=[validate_attachment],
    )


class SessionForm(forms.Form):
    """Quick to fill in at the workstation: only date and times are required."""

    date = forms.DateField(label=_("Date"), widget=DateInput())
    start_time = forms.TimeField(label=_("Start"), widget=TimeInput())
    end_time = forms.TimeField(label=_("End"), widget=TimeInput())
    workshop = OneLineCharField(label=_("Workshop"), max_length=120, required=False)
    line = OneLineCharField(label=_("Line"), max_length=120, required=False)
    workstation = OneLineCharField(
        label=_("Workstation"), max_length=120, required=False
    )
    topics = forms.CharField(
        label=_("Topics"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    problem = forms.CharField(
        label=_("Production problem worked on"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    skills = forms.CharField(
        label=_("Skills practised"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    photos = MultipleFileField(
        label=_("Photos"),
        item_validator=validate_photo,
    )

    DETAIL_FIELDS = SESSION_DETAIL_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photos"].widget.attrs.update(accept="image/*")
        # Formatted per request, in the reader's language (a lazy string loses that).
        self.fields["photos"].help_text = _(
            "Up to %(n)s photos, each at most 8 MB."
        ) % {"n": MAX_FILES_PER_UPLOAD}
        self.fields["date"].widget.attrs["max"] = timezone.localdate().isoformat()

    def time_fields(self):
        return [self[name] for name in ("date", "start_time", "end_time")]

    def place_fields(self):
        return [self[name] for name in ("workshop", "line", "workstation")]

    def other_fields(self):
        return [
            self[name] for name in ("topics", "problem", "skills", "notes", "photos")
        ]

    @classmethod
    def defaults(cls) -> dict:
        """Today, ending now (to five minutes) and starting an hour before."""
        now = timezone.localtime().replace(second=0, microsecond=0)
        end = now.replace(minute=now.minute - now.minute % 5)
        start = max(end - datetime.timedelta(hours=1), end.replace(hour=0, minute=0))
        return {"date": now.date(), "start_time": start.time(), "end_time": end.time()}

    @classmethod
    def initial_from(cls, session: GuidanceSession) -> dict:
        data = {name: getattr(session, name) for name in cls.DETAIL_FIELDS}
        data.update(
            date=session.date, start_time=session.start_time, end_time=session.end_time
        )
        return data

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The session must end after it starts."))
        return data

    def session_kwargs(self) -> dict:
        data = self.cleaned_data
        kwargs = {name: data[name] for name in self.DETAIL_FIELDS}
        kwargs.update(
            date=data["date"],
            start_time=data["start_time"],
            end_time=data["end_time"],
            photos=data["photos"],
        )
        return kwargs


class DisputeForm(forms.Form):
    comment = forms.CharField(
        label=_("What is wrong with this session?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class ServiceRequestForm(forms.ModelForm):
    attachments = MultipleFileField(
        label=_("Attachments"),
        item_validator=validate_attachment,
        help_text=_(
            "Photos, drawings or documents (PDF, Word, Excel), at most 10 MB each."
        ),
    )

    class Meta:
        model = ServiceRequest
        fields = [
            "enterprise",
            "title",
            "problem",
            "occupation",
            "site",
            "urgency",
            "preferred_from",
            "preferred_until",
        ]
        widgets = {"preferred_from": DateInput(), "preferred_until": DateInput()}

    def __init__(self, *args, enterprises, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].queryset = enterprises
        self.fields["occupation"].queryset = _occupations()
        self.fields["enterprise"].empty_label = _("Choose an enterprise")
        self.fields["occupation"].empty_label = _("Choose an occupation")
        self.fields["problem"].widget.attrs["rows"] = 5
        if len(enterprises) == 1:
            self.fields["enterprise"].initial = enterprises[0]

    def _post_clean(self):
        """The service, not the model form, checks the request's rules."""


class OfferForm(forms.Form):
    note = OneLineCharField(
        label=_("Note to the union (optional)"), max_length=500, required=False
    )


class AssignForm(forms.Form):
    mentor = forms.ModelChoiceField(
        label=_("Mentor"),
        queryset=User.objects.none(),
        empty_label=_("Choose a mentor"),
    )

    def __init__(self, *args, mentors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = mentors


class CloseForm(forms.Form):
    solution = forms.CharField(
        label=_("Summary of the solution"), widget=forms.Textarea(attrs={"rows": 4})
    )


class ReopenForm(forms.Form):
    """The enterprise's "not solved": one line saying what is still wrong."""

    reopen_reason = OneLineCharField(
        label=_("What is still not solved?"), max_length=500
    )


class ConfirmForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How well was the problem solved?"),
        choices=[(i, str(i)) for i in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    feedback = forms.CharField(
        label=_("Feedback (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MentorTradeForm(forms.Form):
    mentor = forms.ModelChoiceField(
        label=_("Mentor"),
        queryset=User.objects.none(),
        empty_label=_("Choose a mentor"),
    )
    occupation = forms.ModelChoiceField(
        label=_("Occupation"),
        queryset=Occupation.objects.none(),
        empty_label=_("Choose an occupation"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = User.objects.filter(
            groups__name=Role.MENTOR, is_active=True
        ).order_by("display_name")
        self.fields["occupation"].queryset = _occupations()
