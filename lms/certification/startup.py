"""What certification adds to the running site, called from ``LmsConfig.ready``:
its notification kinds, its permission policies, its start-page panels and its
menu entries."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


def connect() -> None:
    from lms import navigation, permissions
    from lms.certification import dashboard, notice_kinds, policies

    del notice_kinds  # imported for its kinds (lms.notices)
    policies.register()
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
            permissions.can_view_certification_board,
            order=60,
            group="certification",
        )
    )
    navigation.register(
        navigation.NavEntry(
            "certification:imports",
            _("Certificate imports"),
            permissions.can_import_certificates,
            order=65,
            group="certification",
        )
    )
