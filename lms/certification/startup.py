"""What certification adds to the running site, called from ``LmsConfig.ready``:
its permission policies, notification kinds, start-page panels, menu entries and
the check that certificate PDFs can be signed."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


def connect() -> None:
    from django.core import checks

    from lms import navigation
    from lms.certification import dashboard, notice_kinds
    from lms.certification import permissions as certification_permissions
    from lms.certification.credentials.checks import credential_keys_secret_check
    from lms.certification.permissions import certificate_policy

    del notice_kinds  # imported for its kinds (lms.notices)
    checks.register(pdf_signing_check)
    checks.register(credential_keys_secret_check, checks.Tags.security)
    certification_permissions.register()
    dashboard.register_panels()
    navigation.register(
        navigation.NavEntry(
            "certification:mine",
            _("My certificates"),
            lambda u: u.is_authenticated,
            order=30,
            group="learning",
        )
    )
    navigation.register(
        navigation.NavEntry(
            "certification:board",
            _("Certification status"),
            lambda u: certificate_policy.user_has_permission(u, "view_board"),
            order=60,
            group="certification",
        )
    )
    navigation.register(
        navigation.NavEntry(
            "certification:imports",
            _("Certificate imports"),
            lambda u: certificate_policy.user_has_permission(u, "import"),
            order=65,
            group="certification",
        )
    )


def pdf_signing_check(app_configs=None, **kwargs):
    """Certificate PDFs must be signed: settings that cannot sign stop the start
    (production without its certificate and key files, a database authority without
    the secret that encrypts its keys)."""
    from django.conf import settings
    from django.core import checks

    from lms.certification import signing

    mode = settings.PDF_SIGNING_MODE
    problem = ""
    if mode == "database":
        if not settings.PDF_SIGNING_SECRET:
            problem = "PDF_SIGNING_SECRET is not set (it encrypts the signing keys)."
    elif mode == "files":
        try:
            signing.identity_from_files()
        except signing.SigningUnavailable as error:
            problem = str(error)
    else:
        problem = f"PDF_SIGNING_MODE is {mode!r}; use 'files' or 'database'."
    if not problem:
        return []
    return [
        checks.Error(
            problem,
            hint="See docs/deployment.md, “Signed certificate PDFs”.",
            id="lms.E030",
        )
    ]
