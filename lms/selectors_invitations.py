"""HR's invitations on a person's start page: a way to invite, and how many wait."""

from __future__ import annotations

from lms import dashboard, permissions
from lms.models import Enterprise, Invitation, User


def invitations_panel(user: User) -> dict:
    pending = permissions.records_for(user, "view", Invitation).pending()
    return {"pending": pending.count()}


def may_invite(user: User) -> bool:
    # HR invites into its own enterprises: known without a query (roles and
    # memberships are read once per request); others ask the enterprise policy
    # (no query for a role that invites nowhere).
    if permissions.hr_enterprise_ids(user):
        return True
    return permissions.records_for(user, "invite", Enterprise).exists()


def register_panels() -> None:
    dashboard.register(
        dashboard.Panel(
            "lms.invitations",
            "lms/dashboard/invitations.html",
            may_invite,
            invitations_panel,
            order=21,
        )
    )
