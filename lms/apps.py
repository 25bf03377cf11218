from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    name = "lms"
    verbose_name = _("People and skills")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks
        from django.db.models.signals import post_migrate

        checks.register(_pdf_font_check)
        from lms.providers import check_providers

        checks.register(check_providers)

        from lms import (
            navigation,
            notice_kinds,
            page_cache,
            permissions,
            policies,
            routing,
            translation_admin,
        )
        from lms.certification import startup as certification
        from lms.models import ApiToken, AuditEvent, ErasureRequest

        del notice_kinds  # imported for its kinds (lms.notices)
        del translation_admin  # imported for its admin URL, before wagtail-localize's

        policies.register()  # lms's own records (lms/policies.py)
        post_migrate.connect(_sync_role_permissions, sender=self)
        routing.connect()  # cached sites and routes go on page, site, locale changes
        page_cache.connect()  # the anonymous page cache empties on page changes

        navigation.register(
            navigation.NavEntry(
                "lms:dashboard",
                _("My page"),
                lambda u: u.is_authenticated,
                order=10,
            )
        )
        navigation.register(
            navigation.NavEntry(
                "wagtailadmin_home",
                _("Admin"),
                permissions.can_access_admin,
                order=90,
                group="managing",
            )
        )
        certification.connect()  # its notices, panels and menu entries
        from lms import selectors_invitations

        selectors_invitations.register_panels()  # HR's "Invite workers"
        navigation.register(
            navigation.NavEntry(
                "lms:api_tokens",
                _("API tokens"),
                lambda u: permissions.user_may(u, "issue", ApiToken),
                order=85,
            )
        )
        navigation.register(
            navigation.NavEntry(
                "lms:audit_trail",
                _("Audit trail"),
                lambda u: permissions.user_may(u, "view", AuditEvent),
                order=86,
            )
        )
        navigation.register(
            navigation.NavEntry(
                "lms:erasure_requests",
                _("Erasure requests"),
                lambda u: permissions.user_may(u, "view", ErasureRequest),
                order=87,
            )
        )


def _pdf_font_check(app_configs=None, **kwargs):
    """The PDFs need their font file: missing is an error at start-up."""
    from django.core import checks

    from lms.fonts import font_problem

    problem = font_problem()
    return [checks.Error(problem, id="lms.E001")] if problem else []


def _sync_role_permissions(sender, **kwargs):
    from lms.services.accounts import roles_sync_permissions

    roles_sync_permissions()
