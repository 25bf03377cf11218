"""Skill certificates: issue, record by hand, renew (``issuing``); edit, suspend,
reinstate, revoke (``changes``); expiry reminders (``reminders``). Every change
writes one ``CertificateEvent`` (the append-only history); ``common`` holds what
they share."""

from .changes import (
    EDITABLE_FIELDS,
    certificate_edit,
    certificate_reinstate,
    certificate_revoke,
    certificate_suspend,
)
from .common import board_changed, issuing_body_for, platform_issuer_name
from .issuing import (
    certificate_record,
    certificate_renew,
    placing_certificate_issue,
    platform_certificate_issue,
)
from .reminders import REMINDER_DAYS, certificate_expiry_reminders_send

__all__ = [
    "EDITABLE_FIELDS",
    "REMINDER_DAYS",
    "board_changed",
    "certificate_edit",
    "certificate_expiry_reminders_send",
    "certificate_record",
    "certificate_reinstate",
    "certificate_renew",
    "certificate_revoke",
    "certificate_suspend",
    "issuing_body_for",
    "placing_certificate_issue",
    "platform_certificate_issue",
    "platform_issuer_name",
]
