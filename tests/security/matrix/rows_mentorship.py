"""Mentorship: agreements (between the mentor and A's apprentice, witnessed by the
coordinator), milestones, guidance sessions, hours, mentors' trades and A's
service request (published, of the mentor's trade)."""

from __future__ import annotations

from django.urls import reverse

from mentorship.models import (
    Agreement,
    AgreementSignature,
    GuidanceSession,
    ServiceRequest,
)

from .table import expect, get, post

AREA = "Mentorship"
ALL = expect(200)
# The agreement is seen by its apprentice, mentor and coordinator, HR of A, staff.
AGREEMENT_VIEWERS = ("apprentice", "mentor", "hr_a", "coordinator", "staff")
VIEWERS = expect(404, **dict.fromkeys(AGREEMENT_VIEWERS, 200))
REQUEST_VIEWERS = ("mentor", "hr_a", "coordinator", "staff")


def viewers(ok: int, *allowed: str) -> dict[str, int]:
    """Agreement actions: ``allowed`` get ``ok``, the other viewers 403, those who
    cannot see the agreement 404."""
    return expect(
        404, **{**dict.fromkeys(AGREEMENT_VIEWERS, 403), **dict.fromkeys(allowed, ok)}
    )


def request_viewers(ok: int, *allowed: str, seen_by=REQUEST_VIEWERS) -> dict:
    return expect(404, **{**dict.fromkeys(seen_by, 403), **dict.fromkeys(allowed, ok)})


def r(name, key=None, *extra):
    def url(w):
        if key is None:
            return reverse(f"mentorship:{name}")
        obj = w.users["apprentice"] if key == "apprentice" else getattr(w, key)
        return reverse(f"mentorship:{name}", args=(obj.pk, *extra))

    return url


def _agreement_status(status):
    def setup(w):
        Agreement.objects.filter(pk=w.agreement.pk).update(status=status)

    return setup


def _both_signed(w):
    agreement = w.agreement
    Agreement.objects.filter(pk=agreement.pk).update(
        status=Agreement.Status.AWAITING_SIGNATURES
    )
    for party, signer in (
        ("mentor", agreement.mentor),
        ("apprentice", agreement.apprentice),
    ):
        AgreementSignature.objects.create(
            agreement=agreement, party=party, signer=signer
        )


def _request_status(status):
    def setup(w):
        assigned = w.users["mentor"] if status in ("assigned", "closed") else None
        ServiceRequest.objects.filter(pk=w.request.pk).update(
            status=status, assigned_mentor=assigned
        )

    return setup


def _agreement(w, user):
    return (
        Agreement.objects.get(pk=w.agreement.pk).status,
        AgreementSignature.objects.filter(agreement=w.agreement).count(),
    )


def _session(w, user):
    return GuidanceSession.objects.get(pk=w.session.pk).status


def _request(w, user):
    request = ServiceRequest.objects.get(pk=w.request.pk)
    return (
        request.status,
        request.assigned_mentor_id,
        request.rating,
        request.offers.count(),
    )


def row(name, key, method, expected, *, data=None, setup=None, label=None):
    label = label or name.replace("_", " ")
    if method == "get":
        return get(
            AREA, label, f"mentorship:{name}", r(name, key), expected, setup=setup
        )
    state = _agreement if key == "agreement" else _request
    if key == "session":
        state = _session
    return post(
        AREA,
        label,
        f"mentorship:{name}",
        r(name, key),
        expected,
        data=(lambda w: data(w)) if callable(data) else (lambda w: dict(data or {})),
        setup=setup,
        state=state,
    )


a, s, m, q = "agreement", "session", "milestone", "request"
SUBMITTED, ASSIGNED = _request_status("submitted"), _request_status("assigned")
HR_OR_UNION = ("hr_a", "coordinator", "staff")

ROWS = [
    row("mine", None, "get", ALL),
    row("mentor_dashboard", None, "get", expect(403, mentor=200, other_mentor=200)),
    row("agreement_list", None, "get", ALL),
    row("agreement_create", None, "get", expect(403, coordinator=200, staff=200)),
    row("agreement_detail", a, "get", VIEWERS),
    row("agreement_progress", a, "get", VIEWERS),
    row("agreement_print", a, "get", VIEWERS),
    row("agreement_pdf", a, "get", VIEWERS),
    row(
        "agreement_edit",
        a,
        "get",
        viewers(200, "coordinator", "staff"),
        setup=_agreement_status("draft"),
    ),
    row(
        "agreement_send",
        a,
        "post",
        viewers(302, "coordinator", "staff"),
        setup=_agreement_status("draft"),
    ),
    row(
        "agreement_sign",
        a,
        "post",
        viewers(302, "mentor", "apprentice"),
        setup=_agreement_status("awaiting"),
    ),
    row(
        "agreement_approve",
        a,
        "post",
        viewers(302, "coordinator", "staff"),
        setup=_both_signed,
    ),
    row(
        "agreement_complete",
        a,
        "get",
        viewers(200, "mentor", "coordinator", "staff"),
        label="agreement complete (confirm page)",
    ),
    row(
        "agreement_complete", a, "post", viewers(302, "mentor", "coordinator", "staff")
    ),
    row(
        "agreement_terminate",
        a,
        "get",
        viewers(200, "coordinator", "staff"),
        label="agreement terminate (form)",
    ),
    row(
        "agreement_terminate",
        a,
        "post",
        viewers(302, "coordinator", "staff"),
        data={"reason": "The apprentice moved away"},
    ),
    row("milestone_add", a, "get", viewers(200, "mentor", "coordinator", "staff")),
    row("milestone_sign_off", m, "get", viewers(200, "mentor")),
    row("milestone_evidence", m, "get", VIEWERS),
    row("session_log", a, "get", viewers(200, "mentor")),
    row("session_edit", s, "get", viewers(200, "mentor")),
    row("session_confirm", s, "post", viewers(302, "apprentice")),
    row(
        "session_dispute",
        s,
        "get",
        viewers(200, "apprentice"),
        label="session dispute (form)",
    ),
    row(
        "session_dispute",
        s,
        "post",
        viewers(302, "apprentice"),
        data={"comment": "It was shorter."},
    ),
    row("session_photo", "session_photo", "get", VIEWERS),
    row("my_hours", None, "get", ALL),
    row("mentor_trades", None, "get", expect(403, coordinator=200, staff=200)),
    row("person_hours", "apprentice", "get", VIEWERS),
    get(
        AREA,
        "hours export",
        "mentorship:hours_export",
        lambda w: reverse(
            "mentorship:hours_export", args=(w.users["apprentice"].pk, "csv")
        ),
        VIEWERS,
    ),
    row("request_list", None, "get", ALL),
    row("request_create", None, "get", expect(403, hr_a=200, hr_b=200)),
    post(
        AREA,
        "request create for A",
        "mentorship:request_create",
        r("request_create"),
        # HR of B may post requests, but not in A's name: the form refuses A.
        expect(403, hr_a=302, hr_b=400),
        data=lambda w: {
            "enterprise": w.a.pk,
            "title": "Spindles vibrate",
            "problem": "Above 8,000 rpm.",
            "occupation": w.occupation.pk,
            "site": "Workshop 3",
            "urgency": "normal",
        },
        state=lambda w, user: ServiceRequest.objects.filter(enterprise=w.a).count(),
    ),
    row("request_detail", q, "get", request_viewers(200, *REQUEST_VIEWERS)),
    row(
        "request_attachment",
        "attachment",
        "get",
        request_viewers(200, *REQUEST_VIEWERS),
    ),
    row(
        "request_publish",
        q,
        "post",
        request_viewers(302, "coordinator", "staff", seen_by=HR_OR_UNION),
        setup=SUBMITTED,
    ),
    row(
        "request_reject",
        q,
        "post",
        request_viewers(302, "coordinator", "staff", seen_by=HR_OR_UNION),
        data={"reason": "Not a union matter"},
        setup=SUBMITTED,
    ),
    row(
        "request_cancel",
        q,
        "post",
        request_viewers(302, "hr_a", seen_by=HR_OR_UNION),
        data={"reason": "Solved ourselves"},
        setup=SUBMITTED,
    ),
    row("request_offer", q, "post", request_viewers(302, "mentor")),
    row(
        "request_assign",
        q,
        "post",
        request_viewers(302, "coordinator", "staff"),
        data=lambda w: {"mentor": w.users["mentor"].pk},
    ),
    row("request_visit", q, "get", request_viewers(200, "mentor"), setup=ASSIGNED),
    row(
        "request_close",
        q,
        "post",
        request_viewers(302, "mentor"),
        data={"solution": "Balanced the spindles"},
        setup=ASSIGNED,
    ),
    row(
        "request_confirm",
        q,
        "post",
        request_viewers(302, "hr_a"),
        data={"rating": "5"},
        setup=_request_status("closed"),
    ),
    row(
        "request_reopen",
        q,
        "post",
        request_viewers(302, "hr_a"),
        data={"reopen_reason": "Still vibrates"},
        setup=_request_status("closed"),
    ),
]
