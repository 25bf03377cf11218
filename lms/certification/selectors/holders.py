"""Reads of one person's certificates: their list, one certificate with its
history, a renewal chain, a certificate found by its verification code."""

from __future__ import annotations

from django.db.models import (
    Prefetch,
    QuerySet,
)

from lms.models import (
    CertificateEvent,
    CertificateStatus,
    SkillCertificate,
    User,
)
from lms.permissions import records_for

# Statuses that still count as holding a level (expired ones did hold it).
HELD_STATUSES = (
    CertificateStatus.VALID,
    CertificateStatus.EXPIRING,
    CertificateStatus.EXPIRED,
    CertificateStatus.SUPERSEDED,
)


def certificates_for_holder(*, holder: User) -> QuerySet[SkillCertificate]:
    return (
        SkillCertificate.objects.filter(holder=holder)
        .with_status()
        .select_related("occupation", "replaces")
        .order_by("occupation__name", "level", "-issued_on")
    )


def certificate_detail(*, user: User, pk: int) -> SkillCertificate:
    """One certificate the user may see (404 otherwise), with its attachments,
    renewals and, for HR and officers, its history."""
    from django.shortcuts import get_object_or_404

    qs = (
        records_for(user, "view", SkillCertificate)
        .with_status()
        .select_related(
            "holder", "occupation", "replaces", "issuer_enterprise", "issuing_body"
        )
        .prefetch_related(
            "attachments",
            Prefetch(
                "events",
                queryset=CertificateEvent.objects.select_related("actor"),
            ),
        )
    )
    return get_object_or_404(qs, pk=pk)


def renewal_chain(*, certificate: SkillCertificate) -> list[SkillCertificate]:
    """The certificates before and after this one in its renewal chain, oldest
    first (a chain is short: one query per link)."""
    chain = [certificate]
    older = certificate.replaces
    while older is not None:
        chain.insert(0, older)
        older = older.replaces
    newer = SkillCertificate.objects.filter(replaces=certificate).first()
    while newer is not None:
        chain.append(newer)
        newer = SkillCertificate.objects.filter(replaces=newer).first()
    ids = [c.pk for c in chain]
    by_id = {
        c.pk: c
        for c in SkillCertificate.objects.filter(pk__in=ids)
        .with_status()
        .select_related("occupation")
    }
    return [by_id[i] for i in ids]


def certificate_by_code(*, code: str) -> SkillCertificate | None:
    if not code or len(code) > 64:
        return None
    return (
        SkillCertificate.objects.filter(verification_code=code)
        .with_status()
        .select_related("holder", "occupation", "issuing_body")
        .first()
    )


def completion_credentials_for(*, holder: User):
    """The holder's own Open Badges credentials of completed courses (those that
    gave no certificate; a certificate's credential is on its page)."""
    from lms.models import IssuedCredential

    return IssuedCredential.objects.filter(
        holder=holder, certificate__isnull=True
    ).order_by("-issued_on", "-pk")
