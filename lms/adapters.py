from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.stages import EmailVerificationStage
from django.core.exceptions import ValidationError
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext

from lms.client_ip import client_ip
from lms.models import User
from lms.phones import PhoneNumberField, normalise_phone
from lms.sms import send_sms


class AccountAdapter(DefaultAccountAdapter):
    """Sends a person, after signing in, to their pages in their preferred language;
    rate-limits by the client's address behind our proxies (``lms.client_ip``);
    keeps the mobile number on the user (E.164, ``lms.phones``) and sends its codes
    through the SMS sender (``lms.sms``)."""

    def get_client_ip(self, request) -> str:
        return client_ip(request)

    def get_login_redirect_url(self, request):
        url = super().get_login_redirect_url(request)
        language = getattr(request.user, "preferred_language", "")
        return translate_url(url, language) if language else url

    def get_login_stages(self) -> list[str]:
        stages = super().get_login_stages()
        ours = f"{__name__}.EmailVerificationUnlessPhoneOnly"
        return [
            ours if s == "allauth.account.stages.EmailVerificationStage" else s
            for s in stages
        ]

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        if not user.email:
            user.email = None  # a phone-only account: no address, not ""
        if commit:
            user.save()
        return user

    # --- phone numbers -----------------------------------------------------------

    def phone_form_field(self, **kwargs) -> PhoneNumberField:
        kwargs.pop("label", None)
        return PhoneNumberField(**kwargs)

    def clean_phone(self, phone: str) -> str:
        return normalise_phone(phone)

    def set_phone(self, user: User, phone: str, verified: bool) -> None:
        user.phone, user.phone_verified = phone, verified
        if user.pk:
            user.save(update_fields=["phone", "phone_verified"])

    def get_phone(self, user: User) -> tuple[str, bool] | None:
        return (user.phone, user.phone_verified) if user.phone else None

    def set_phone_verified(self, user: User, phone: str) -> None:
        if user.phone == phone and not user.phone_verified:
            user.phone_verified = True
            user.save(update_fields=["phone_verified"])

    def get_user_by_phone(self, phone: str) -> User | None:
        try:
            phone = normalise_phone(phone)
        except ValidationError:
            return None
        return User.objects.filter(phone=phone, is_active=True).first()

    def send_verification_code_sms(
        self, user: User | None, phone: str, code: str, **kwargs
    ) -> None:
        language = getattr(user, "preferred_language", "") or translation.get_language()
        with translation.override(language):
            body = gettext(
                "Craft Skills: your code is %(code)s. It is valid for a few minutes; "
                "nobody from Craft Skills will ask you for it."
            ) % {"code": code}
        send_sms(to=phone, body=body)

    def send_unknown_account_sms(self, phone: str, **kwargs) -> None:
        body = gettext(
            "Craft Skills: someone asked for a sign-in code for this number, but no "
            "account uses it. If it was you, sign up first."
        )
        send_sms(to=phone, body=body)

    def send_account_already_exists_sms(self, phone: str) -> None:
        body = gettext(
            "Craft Skills: someone tried to sign up with this number, which already "
            "has an account. Sign in with a code instead."
        )
        send_sms(to=phone, body=body)


class EmailVerificationUnlessPhoneOnly(EmailVerificationStage):
    """allauth's mandatory e-mail verification for every account with an address;
    an account without one has verified its mobile number by a code instead (the
    phone stage, before this one)."""

    def handle(self):
        user = self.login.user
        if user is not None and not user.email and user.phone_verified:
            return None, True
        return super().handle()
