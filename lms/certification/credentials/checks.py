"""Start-up check: credential signing keys are encrypted with a secret from the
environment, so a site without one must not start."""

from __future__ import annotations

from django.conf import settings
from django.core import checks


def credential_keys_secret_check(app_configs=None, **kwargs):
    if getattr(settings, "CREDENTIAL_KEYS_SECRET", ""):
        return []
    return [
        checks.Error(
            "CREDENTIAL_KEYS_SECRET is not set: the credential signing keys cannot "
            "be encrypted or read.",
            hint="Set the CREDENTIAL_KEYS_SECRET environment variable "
            "(see docs/deployment.md).",
            id="lms.E010",
        )
    ]
