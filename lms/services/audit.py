"""The audit trail: one row per change of a certificate, membership, role or API
token, written by the service that makes the change (in its transaction)."""

from __future__ import annotations

from lms.client_ip import current_client_ip
from lms.models import AuditEvent, Enterprise, SkillCertificate, User


def audit_record(
    *,
    actor: User | None,
    action: str,
    subject: User | None = None,
    enterprise: Enterprise | None = None,
    certificate: SkillCertificate | None = None,
    data: dict | None = None,
) -> AuditEvent:
    """``actor`` None is the platform itself (a task, a command, a sign-up). The
    address is the current request's client (``lms.client_ip``), if any."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEvent.objects.create(
        actor=actor,
        action=action,
        subject=subject,
        enterprise=enterprise,
        certificate=certificate,
        ip_address=current_client_ip(),
        data=data or {},
    )
