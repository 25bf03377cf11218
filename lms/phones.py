"""Phone numbers as one form: E.164 (``+`` and digits). A Chinese mobile number may be
typed without +86 (11 digits from 1); any other country's number needs its ``+``."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_SEPARATORS = re.compile(r"[\s\-().\u00a0]")
CHINESE_MOBILE = re.compile(r"1[3-9]\d{9}")


def normalise_phone(raw: str) -> str:
    """The number in E.164, or ValidationError with a message a person can act on."""
    text = _SEPARATORS.sub("", raw or "").replace("\uff0b", "+")
    if text.startswith("00"):
        text = "+" + text[2:]
    if not re.fullmatch(r"\+?\d+", text):
        raise ValidationError(
            _("A phone number has only digits, spaces, hyphens and a leading +."),
            code="phone_characters",
        )
    if not text.startswith("+"):
        if text.startswith("86") and CHINESE_MOBILE.fullmatch(text[2:]):
            return "+" + text
        if CHINESE_MOBILE.fullmatch(text):
            return "+86" + text
        raise ValidationError(
            _(
                "Enter a Chinese mobile number of 11 digits starting with 1, or a "
                "number from abroad starting with + and its country code."
            ),
            code="phone_format",
        )
    if text.startswith("+86") and not CHINESE_MOBILE.fullmatch(text[3:]):
        raise ValidationError(
            _("A Chinese mobile number has 11 digits and starts with 1."),
            code="phone_cn_mobile",
        )
    if not re.fullmatch(r"\+[1-9]\d{7,14}", text):
        raise ValidationError(
            _("That number is too short or too long for a phone number."),
            code="phone_length",
        )
    return text


class PhoneNumberField(forms.CharField):
    """A mobile number field that hands on E.164, for allauth and our own forms."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label", _("Mobile number"))
        kwargs.setdefault("max_length", 24)
        kwargs.setdefault(
            "help_text", _("A Chinese mobile number, with or without +86.")
        )
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"}
            ),
        )
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return normalise_phone(value) if value else value
