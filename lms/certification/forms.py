"""Forms of the certification pages. They check input shape only; the rules are in
``lms.certification.services``."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from lms.certification.models.certificates import validate_attachment
from lms.models import (
    CertificateStatus,
    Enterprise,
    Occupation,
    SkillCertificate,
    SkillLevel,
    User,
)
from lms.text import OneLineCharField

DATE = forms.DateInput(attrs={"type": "date"})


def import_max_bytes() -> int:
    return getattr(settings, "CERTIFICATE_IMPORT_MAX_BYTES", 20 * 1024 * 1024)


def outside_issuer_kind_field() -> forms.ChoiceField:
    """The kinds of body that issue the certificates recorded by hand or imported:
    every kind but the platform (which issues its own through course completions)."""
    return forms.ChoiceField(
        label=_("Kind of issuing body"),
        choices=[
            (k, v)
            for k, v in SkillCertificate.IssuerKind.choices
            if k != SkillCertificate.IssuerKind.PLATFORM
        ],
    )


def occupation_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=_("Occupation"),
        queryset=Occupation.objects.order_by("name"),
        empty_label=_("Choose an occupation"),
    )


def skill_level_field() -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=_("Skill level"), choices=SkillLevel.choices, coerce=int
    )


def optional_enterprise_field(*, label, help_text) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=label,
        queryset=Enterprise.objects.order_by("name"),
        required=False,
        empty_label=_("No enterprise"),
        help_text=help_text,
    )


class CertificateRecordForm(forms.Form):
    holder_email = forms.EmailField(label=_("Holder's e-mail address"))
    occupation = occupation_field()
    level = skill_level_field()
    number = OneLineCharField(label=_("Certificate number"), max_length=64)
    issuer_kind = outside_issuer_kind_field()
    issuer_name = OneLineCharField(label=_("Issuing body"), max_length=200)
    issuer_enterprise = optional_enterprise_field(
        label=_("Appraising enterprise"),
        help_text=_("Only for an enterprise's own skill appraisal."),
    )
    issued_on = forms.DateField(label=_("Issued on"), widget=DATE)
    valid_until = forms.DateField(label=_("Valid until"), widget=DATE, required=False)
    evidence_kind = forms.ChoiceField(
        label=_("Evidence"), choices=SkillCertificate.Evidence.choices
    )
    evidence_detail = OneLineCharField(
        label=_("Evidence detail"), max_length=255, required=False
    )
    score = forms.DecimalField(
        label=_("Score"), max_digits=6, decimal_places=2, required=False, min_value=0
    )
    attachment = forms.FileField(
        label=_("Scan or PDF"),
        required=False,
        validators=[validate_attachment],
        help_text=_("A PDF or an image, up to 10 MB."),
    )

    def clean_holder_email(self):
        email = self.cleaned_data["holder_email"].strip().lower()
        holder = User.objects.filter(email__iexact=email).first()
        if holder is None:
            raise forms.ValidationError(
                _("Nobody with this e-mail address has an account."), code="holder"
            )
        self.holder = holder
        return email

    def clean(self):
        data = super().clean()
        issued, until = data.get("issued_on"), data.get("valid_until")
        if issued and until and until < issued:
            self.add_error(
                "valid_until", _("The certificate cannot expire before it is issued.")
            )
        return data


class CertificateRenewForm(forms.Form):
    number = OneLineCharField(label=_("New certificate number"), max_length=64)
    level = forms.TypedChoiceField(
        label=_("Skill level"), choices=SkillLevel.choices, coerce=int
    )
    issued_on = forms.DateField(label=_("Issued on"), widget=DATE)
    valid_until = forms.DateField(label=_("Valid until"), widget=DATE, required=False)
    reason = forms.CharField(label=_("Why"), widget=forms.Textarea, required=False)


class CertificateEditForm(forms.Form):
    holder_name = OneLineCharField(
        label=_("Holder's name on the certificate"),
        max_length=200,
        help_text=_("As recorded at issue; correct it only with a reason."),
    )
    occupation = occupation_field()
    level = skill_level_field()
    number = OneLineCharField(label=_("Certificate number"), max_length=64)
    issued_on = forms.DateField(label=_("Issued on"), widget=DATE)
    valid_until = forms.DateField(label=_("Valid until"), widget=DATE, required=False)
    evidence_detail = OneLineCharField(
        label=_("Evidence detail"), max_length=255, required=False
    )
    reason = forms.CharField(label=_("Why is it corrected?"), widget=forms.Textarea)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class QuickSelect(forms.Select):
    """A select written in Python: the template-per-option rendering of
    ``forms.Select`` is a good part of the HR board's time with 200 occupations.
    Same markup (name, attributes, options, ``selected``)."""

    def render(self, name, value, attrs=None, renderer=None):
        from django.forms.utils import flatatt
        from django.utils.html import format_html, format_html_join
        from django.utils.safestring import mark_safe

        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (
                    str(option["value"]),
                    mark_safe(" selected") if option["selected"] else "",
                    option["label"],
                )
                for _group, group_options, _index in widget["optgroups"]
                for option in group_options
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            options,
        )


class BoardFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Name or number"),
        help_text=_("A name, e-mail, employee or certificate number."),
        required=False,
        max_length=100,
    )
    occupation = forms.ModelChoiceField(
        label=_("Occupation"),
        queryset=Occupation.objects.order_by("name"),
        required=False,
        empty_label=_("Any occupation"),
        widget=QuickSelect,
    )
    level = forms.TypedChoiceField(
        label=_("Level"),
        choices=[("", _("Any level")), *SkillLevel.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Any status")), *CertificateStatus.choices],
        required=False,
    )
    expiring = forms.TypedChoiceField(
        label=_("Expiring"),
        choices=[
            ("", _("Any time")),
            (30, _("within 30 days")),
            (60, _("within 60 days")),
            (90, _("within 90 days")),
        ],
        coerce=int,
        empty_value=None,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["occupation"].label_from_instance = lambda o: o.local_name


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel file"),
        help_text=_("Up to 100,000 rows. See the column list below."),
    )
    issuer_kind = outside_issuer_kind_field()
    issuer_name = OneLineCharField(label=_("Issuing body"), max_length=200)
    enterprise = optional_enterprise_field(
        label=_("Enterprise"),
        help_text=_("Needed when the file names people by employee number."),
    )
    evidence_kind = forms.ChoiceField(
        label=_("Evidence"),
        choices=SkillCertificate.Evidence.choices,
        initial=SkillCertificate.Evidence.APPRAISAL,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = import_max_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is larger than %(size)s; split it into smaller files."),
                code="too_large",
                params={"size": filesizeformat(limit)},
            )
        name = upload.name.lower()
        if not name.endswith((".csv", ".xlsx")):
            raise forms.ValidationError(
                _("Upload a CSV (.csv) or Excel (.xlsx) file."), code="file_type"
            )
        return upload


class LookupForm(forms.Form):
    identifiers = forms.CharField(
        label=_("Employee numbers or e-mail addresses"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=_("One per line (or separated by commas)."),
    )
    file = forms.FileField(
        label=_("…or a text or CSV file with one per line"), required=False
    )

    MAX_ITEMS = 5000

    def clean(self):
        data = super().clean()
        text = data.get("identifiers") or ""
        upload = data.get("file")
        if upload is not None:
            if upload.size > 1024 * 1024:
                raise forms.ValidationError(_("The file is larger than 1 MB."))
            text += "\n" + upload.read().decode("utf-8-sig", errors="replace")
        items = []
        seen = set()
        for raw in text.replace(",", "\n").replace(";", "\n").splitlines():
            item = raw.strip().strip('"')
            if item and item.lower() not in seen:
                seen.add(item.lower())
                items.append(item)
        if not items:
            raise forms.ValidationError(
                _("Give at least one employee number or e-mail address.")
            )
        if len(items) > self.MAX_ITEMS:
            raise forms.ValidationError(
                _("At most %(n)s people at a time."), params={"n": self.MAX_ITEMS}
            )
        data["items"] = items
        return data


class VerifyForm(forms.Form):
    code = OneLineCharField(label=_("Verification code"), max_length=64)


class VerifyUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Credential file"),
        help_text=_("The .json credential or the badge image (PNG or SVG)."),
        max_length=255,
    )
