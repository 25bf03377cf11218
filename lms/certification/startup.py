"""What certification adds to the running site, called from ``LmsConfig.ready``:
its permission policies, notification kinds, start-page panels and menu entries."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


def connect() -> None:
    from lms import navigation
    from lms.certification import dashboard, notice_kinds
    from lms.certification import permissions as certification_permissions
    from lms.certification.permissions import certificate_policy

    del notice_kinds  # imported for its kinds (lms.notices)
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
