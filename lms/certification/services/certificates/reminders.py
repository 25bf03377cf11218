"""Expiry reminders: the daily notice to holders and their HR before a
certificate expires."""

from __future__ import annotations

import datetime

from django.utils import timezone

from lms.models import (
    SkillCertificate,
    User,
)

REMINDER_DAYS = (7, 30, 60, 90)


def certificate_expiry_reminders_send(*, today: datetime.date | None = None) -> int:
    """Daily: tells holders and their enterprises' HR that a certificate expires in
    90, 60, 30 or 7 days. Each (certificate, threshold) is sent once, and only the
    nearest threshold, so a day the beat missed sends no burst of old reminders."""
    from django.contrib.auth.models import Group

    from lms.models import CertificateStatus, Membership
    from lms.roles import Role
    from lms.services.notifications import notification_send

    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=max(REMINDER_DAYS))
    expiring = (
        SkillCertificate.objects.filter(
            valid_until__gte=today, valid_until__lte=horizon
        )
        .with_status_in([CertificateStatus.EXPIRING], today)
        .select_related("holder", "occupation")
        .order_by("valid_until", "pk")
    )
    certificates = list(expiring)
    holder_ids = {c.holder_id for c in certificates}
    enterprises_of: dict[int, set[int]] = {}
    for user_id, enterprise_id in Membership.objects.filter(
        user_id__in=holder_ids
    ).values_list("user_id", "enterprise_id"):
        enterprises_of.setdefault(user_id, set()).add(enterprise_id)
    hr_group = Group.objects.filter(name=Role.HR).first()
    hr_of: dict[int, list[User]] = {}
    if hr_group is not None:
        for membership in Membership.objects.filter(
            role=Membership.Role.HR,
            enterprise_id__in=set().union(*enterprises_of.values()),
            user__groups=hr_group,
            user__is_active=True,
        ).select_related("user"):
            hr_of.setdefault(membership.enterprise_id, []).append(membership.user)
    sent = 0
    for certificate in certificates:
        left = (certificate.valid_until - today).days
        threshold = min(d for d in REMINDER_DAYS if left <= d)
        key = f"cert-expiry:{certificate.pk}:{threshold}"
        recipients = [certificate.holder]
        for enterprise_id in enterprises_of.get(certificate.holder_id, ()):
            recipients += hr_of.get(enterprise_id, [])
        for recipient in {r.pk: r for r in recipients}.values():
            if notification_send(
                recipient=recipient,
                key=key,
                kind="lms.certificate_expiring",
                params={
                    "certificate": certificate.pk,
                    "for_holder": recipient.pk == certificate.holder_id,
                },
            ):
                sent += 1
    return sent
