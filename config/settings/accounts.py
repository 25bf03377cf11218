"""Signing in: Django's user model and password rules, django-allauth (e-mail or mobile
number, one-time codes, verification, rate limits), two-factor sign-in, and how many
proxies stand in front of the site (for the client's address)."""

from config.settings.environment import env

AUTH_USER_MODEL = "lms.User"
AUTHENTICATION_BACKENDS = [
    # Django's and allauth's backends, reading the user with their roles,
    # memberships and unread count in one query (lms/auth_backends.py).
    "lms.auth_backends.PersonalModelBackend",
    "lms.auth_backends.PersonalAuthenticationBackend",
]
PASSWORD_VALIDATION = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{PASSWORD_VALIDATION}.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "lms:dashboard"

# django-allauth: sign-in by e-mail or mobile number (password, or a one-time code),
# mandatory verification of what was given, rate limits on the cache. Sign-up asks for
# an e-mail address or a mobile number: allauth's checks want "email*" with mandatory
# verification, so lms.forms.SignupForm makes the address optional when a number is
# given, and lms.adapters.EmailVerificationUnlessPhoneOnly lets an account without an
# address through on its verified number.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email", "phone"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "phone", "password1*", "password2*"]
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_PHONE_VERIFICATION_ENABLED = True
ACCOUNT_PHONE_VERIFICATION_SUPPORTS_RESEND = True
# Six digits, as Chinese text-message codes are: read on a phone, typed on another.
ACCOUNT_LOGIN_BY_CODE_FORMAT = {"numeric": True, "length": 6, "dashed": False}
ACCOUNT_PHONE_VERIFICATION_CODE_FORMAT = ACCOUNT_LOGIN_BY_CODE_FORMAT
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_ADAPTER = "lms.adapters.AccountAdapter"
ACCOUNT_FORMS = {
    "signup": "lms.forms.SignupForm",
    "login": "lms.forms.LoginForm",
    "request_login_code": "lms.forms.RequestLoginCodeForm",
    "confirm_login_code": "lms.forms.ConfirmLoginCodeForm",
    "verify_phone": "lms.forms.VerifyPhoneForm",
}
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
    "request_login_code": "20/m/ip,3/m/key",
    "verify_phone": "1/30s/key,3/m/ip",
}
# Proxies of our own in front of the site (nginx: 1). The client's address, for rate
# limits and the audit trail, is that many entries from the right of X-Forwarded-For;
# 0 trusts no header (REMOTE_ADDR). lms.client_ip reads it; allauth is told the same.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Craft Skills"
# Two-factor sign-in is required for the roles in ``lms.roles.MFA_REQUIRED_ROLES``.
LMS_REQUIRE_MFA = env.bool("REQUIRE_MFA", default=True)
# Password reset and sign-up answer the same whether or not an address has an
# account; its owner is told by e-mail (templates/account/email/unknown_account_*,
# account_already_exists_*).
ACCOUNT_PREVENT_ENUMERATION = True
