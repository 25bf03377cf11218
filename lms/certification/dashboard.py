"""What the core contributes to a person's start page: new certificates and the
next rung of the ladder, HR's expiring certificates and eligible workers, an
officer's waiting imports and recent revocations. Each reader costs a fixed number
of queries whatever the number of rows."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from lms import permissions
from lms.certification.selectors import (
    HELD_STATUSES,
    board_people,
    ladder_for,
    workers_eligible,
    workers_with_certificates,
)
from lms.dashboard import NextStep
from lms.models import CertificateEvent, ImportBatch, SkillCertificate, User

NEW_CERTIFICATE_DAYS = 60
RECENT_REVOCATION_DAYS = 30
SHOWN = 5  # rows a panel lists; its count links to the whole list


def my_certificates_panel(user: User) -> dict | None:
    """Certificates issued lately and the next rung of each ladder, with what is
    missing as bars. None when there is neither."""
    today = timezone.localdate()
    new = list(
        SkillCertificate.objects.filter(
            holder=user,
            issued_on__gte=today - datetime.timedelta(days=NEW_CERTIFICATE_DAYS),
        )
        .with_status_in(HELD_STATUSES, today)
        .select_related("occupation")
        .order_by("-issued_on")[:SHOWN]
    )
    steps = [s for s in ladder_for(person=user, today=today) if s.next_level]
    if not new and not steps:
        return None
    return {"new_certificates": new, "ladder": steps}


def _expiring_counts(user: User, today: datetime.date) -> dict[str, int]:
    qs = SkillCertificate.objects.current().filter(valid_until__gte=today)
    people = board_people(user=user)
    if people is not None:
        qs = qs.filter(holder_id__in=people.values("user_id"))
    return qs.aggregate(
        within_30=Count(
            "pk", filter=Q(valid_until__lte=today + datetime.timedelta(days=30))
        ),
        within_90=Count(
            "pk", filter=Q(valid_until__lte=today + datetime.timedelta(days=90))
        ),
    )


def hr_panel(user: User) -> dict:
    """Certificates expiring within 30 and 90 days and how many of all the HR's
    workers may apply for their next level (a fixed number of queries whatever the
    number of workers: the ladders are read in one batch)."""
    today = timezone.localdate()
    counts = _expiring_counts(user, today)
    workers = list(workers_with_certificates(user=user).only("pk"))
    rows = workers_eligible(user=user, workers=workers, today=today)
    return {
        "expiring_30": counts["within_30"] or 0,
        "expiring_90": counts["within_90"] or 0,
        "eligible": len({worker.pk for worker, _step in rows}),
    }


def hr_next_step(user: User) -> NextStep | None:
    count = _expiring_counts(user, timezone.localdate())["within_30"] or 0
    if not count:
        return None
    return NextStep(
        ngettext(
            "%(n)s certificate expires within 30 days",
            "%(n)s certificates expire within 30 days",
            count,
        )
        % {"n": count},
        reverse("certification:board") + "?expiring=30",
        count,
    )


def _import_counts() -> dict[str, int]:
    S = ImportBatch.Status
    return ImportBatch.objects.aggregate(
        ready=Count("pk", filter=Q(status=S.READY)),
        checking=Count("pk", filter=Q(status__in=[S.PENDING, S.CHECKING])),
        invalid=Count("pk", filter=Q(status=S.INVALID)),
    )


def officer_panel(user: User) -> dict:
    """Imports waiting (checked and ready, being checked, with errors) and the
    certificates revoked lately."""
    since = timezone.now() - datetime.timedelta(days=RECENT_REVOCATION_DAYS)
    revocations = CertificateEvent.objects.filter(
        action=CertificateEvent.Action.REVOKE, at__gte=since
    )
    return {
        "imports": _import_counts(),
        "revocations": list(
            revocations.select_related(
                "certificate__holder", "certificate__occupation"
            ).order_by("-at")[:SHOWN]
        ),
        "revocation_count": revocations.count(),
        "revocation_days": RECENT_REVOCATION_DAYS,
    }


def officer_next_step(user: User) -> NextStep | None:
    ready = _import_counts()["ready"] or 0
    if not ready:
        return None
    return NextStep(
        ngettext(
            "%(n)s import is checked and ready to import",
            "%(n)s imports are checked and ready to import",
            ready,
        )
        % {"n": ready},
        reverse("certification:imports"),
        ready,
    )


def register_panels() -> None:
    from lms import dashboard

    dashboard.register(
        dashboard.Panel(
            "lms.certificates",
            "lms/dashboard/certificates.html",
            lambda u: u.is_authenticated,
            my_certificates_panel,
            order=40,
        )
    )
    dashboard.register(
        dashboard.Panel(
            "lms.hr",
            "lms/dashboard/hr.html",
            lambda u: bool(permissions.hr_enterprise_ids(u)),
            hr_panel,
            order=20,
            next_step=hr_next_step,
        )
    )
    dashboard.register(
        dashboard.Panel(
            "lms.officer",
            "lms/dashboard/officer.html",
            permissions.is_certification_officer,
            officer_panel,
            order=22,
            next_step=officer_next_step,
        )
    )
