"""Platform roles. Each is a Django group created by a migration; membership of a group
is the only source of a role."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    LEARNER = "Learner", _("Learner")
    MENTOR = "Mentor", _("Mentor")
    HR = "HR", _("HR")
    EDITOR = "Editor", _("Editor")
    MODERATOR = "Moderator", _("Moderator")
    COORDINATOR = "Union coordinator", _("Union coordinator")
    OFFICER = "Certification officer", _("Certification officer")
    ORGANISER = "Event organiser", _("Event organiser")
    STEWARD = "Steward", _("Steward")
    JUDGE = "Judge", _("Judge")
    CHAIR = "Chair", _("Chair of judges")


# Roles whose accounts hold other people's data or publish content: two-factor sign-in
# is required before they may use the site.
MFA_REQUIRED_ROLES = frozenset(
    {Role.HR, Role.OFFICER, Role.EDITOR, Role.MODERATOR, Role.COORDINATOR}
)
# Roles that work in the Wagtail admin.
ADMIN_ROLES = frozenset(
    {Role.EDITOR, Role.MODERATOR, Role.OFFICER, Role.HR, Role.ORGANISER}
)

# Django permissions each role holds, as "app_label.codename". Kept in step with the
# database by ``lms.services.roles_sync_permissions`` after every migrate.
ROLE_PERMISSIONS: dict[str, set[str]] = {
    Role.LEARNER: set(),
    Role.MENTOR: set(),
    Role.HR: {"wagtailadmin.access_admin"},
    # Editors and moderators translate pages (wagtail-localize's "Translate this page",
    # "Sync translated pages" and its translation editor).
    Role.EDITOR: {"wagtailadmin.access_admin", "wagtail_localize.submit_translation"},
    Role.MODERATOR: {
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
    },
    Role.COORDINATOR: {
        "wagtailadmin.access_admin",
        "lms.add_enterprise",
        "lms.change_enterprise",
        "lms.view_enterprise",
        "lms.add_tradeunion",
        "lms.change_tradeunion",
        "lms.view_tradeunion",
        "lms.add_membership",
        "lms.change_membership",
        "lms.delete_membership",
        "lms.view_membership",
    },
    # Organisers set their events up in the admin: the audience votes
    # (home.events.voting) and judging's score sheets and panels.
    Role.ORGANISER: {
        "wagtailadmin.access_admin",
        "home.add_ballot",
        "home.change_ballot",
        "home.delete_ballot",
        "home.view_ballot",
        "home.add_scoresheet",
        "home.change_scoresheet",
        "home.view_scoresheet",
        "home.add_panel",
        "home.change_panel",
        "home.view_panel",
    },
    Role.STEWARD: set(),
    Role.JUDGE: set(),
    Role.CHAIR: set(),
    Role.OFFICER: {
        "wagtailadmin.access_admin",
        "lms.add_occupation",
        "lms.change_occupation",
        "lms.view_occupation",
        "lms.add_industry",
        "lms.change_industry",
        "lms.view_industry",
        "lms.add_levelrequirement",
        "lms.change_levelrequirement",
        "lms.delete_levelrequirement",
        "lms.view_levelrequirement",
        "lms.add_issuingbody",
        "lms.change_issuingbody",
        "lms.view_issuingbody",
        "lms.view_skillcertificate",
        "lms.view_importbatch",
    },
}
