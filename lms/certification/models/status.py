"""A certificate's status (valid, expiring, expired, suspended, revoked,
superseded): one rule, run as SQL (a CASE, or a plain WHERE per status) and in
Python from the same definition."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EXPIRING_WITHIN_DAYS = 90


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    EXPIRING = "expiring", _("Expiring soon")
    EXPIRED = "expired", _("Expired")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")
    SUPERSEDED = "superseded", _("Superseded")


# How a status looks on a page (the CSS class of its badge).
STATUS_BADGES = {
    "valid": "ok",
    "expiring": "warn",
    "expired": "bad",
    "suspended": "bad",
    "revoked": "bad",
    "superseded": "",
}


def status_rules(today: datetime.date) -> list[tuple[str, Q]]:
    """THE status rule, first match wins, else valid. Each condition is a Q over
    stored fields, so it runs as SQL (``status_expression``, ``status_q``) and in
    Python (``SkillCertificate.status``) from this one definition. Only the dates
    depend on the clock; ``superseded`` is stored by the certificate services."""
    return [
        (CertificateStatus.REVOKED, Q(revoked=True)),
        (CertificateStatus.SUSPENDED, Q(suspended=True)),
        (CertificateStatus.SUPERSEDED, Q(superseded=True)),
        (CertificateStatus.EXPIRED, Q(valid_until__lt=today)),
        (
            CertificateStatus.EXPIRING,
            Q(valid_until__lte=today + datetime.timedelta(days=EXPIRING_WITHIN_DAYS)),
        ),
    ]


def status_q(status: str, today: datetime.date) -> Q:
    """The certificates whose status is ``status`` on ``today``: its own rule and
    none of the rules before it (first match wins), as a plain WHERE the indexes
    can serve (no CASE to compute for every row)."""
    earlier = Q()
    for name, q in status_rules(today):
        if name == status:
            return q & ~earlier if earlier else q
        earlier |= q
    if status == CertificateStatus.VALID:
        return ~earlier
    raise ValueError(f"unknown status {status!r}")


def q_matches(q: Q, values: dict) -> bool:
    """Evaluates the simple Q objects of ``status_rules`` against Python values,
    with SQL's NULL semantics (a comparison with None is false)."""
    results = []
    for child in q.children:
        if isinstance(child, Q):
            results.append(q_matches(child, values))
            continue
        lookup, expected = child
        field, _sep, op = lookup.partition("__")
        actual = values[field]
        if actual is None:
            results.append(False)
        elif op in ("", "exact"):
            results.append(actual == expected)
        elif op == "lt":
            results.append(actual < expected)
        elif op == "lte":
            results.append(actual <= expected)
        else:  # pragma: no cover - guards a rule written with an unsupported lookup
            raise ValueError(f"unsupported lookup {lookup}")
    matched = all(results) if q.connector == Q.AND else any(results)
    return not matched if q.negated else matched


class SkillCertificateQuerySet(models.QuerySet):
    def with_status(self, today: datetime.date | None = None):
        """Annotates ``status_value`` (a CASE over stored fields, cheap)."""
        today = today or timezone.localdate()
        return self.annotate(status_value=status_expression(today))

    def with_status_in(self, statuses, today: datetime.date | None = None):
        """Only the certificates with one of these statuses (a plain WHERE), with
        ``status_value`` annotated."""
        today = today or timezone.localdate()
        statuses = list(statuses)
        if not statuses:
            return self.with_status(today).none()
        where = Q()
        for status in statuses:
            where |= status_q(status, today)
        return self.with_status(today).filter(where)

    def current(self):
        """Neither revoked, suspended nor superseded (the partial index's rows)."""
        return self.filter(revoked=False, suspended=False, superseded=False)


def status_expression(today: datetime.date) -> Case:
    return Case(
        *(When(q, then=Value(str(status))) for status, q in status_rules(today)),
        default=Value(str(CertificateStatus.VALID)),
        output_field=models.CharField(),
    )
