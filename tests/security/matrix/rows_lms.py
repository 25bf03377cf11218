"""Core pages (lms), personal data, certificates, the HR board, imports,
verification and the API."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lms.models import (
    ApiToken,
    BoardExport,
    ErasureRequest,
    Invitation,
    IssuedCredential,
    IssuingBody,
    Membership,
    Notification,
    SkillCertificate,
    User,
)

from .table import SIGNED_IN, expect, get, only, post

CORE = "Core pages (lms)"
CERT = "Certificates, board, imports, verification (lms)"
API = "API (lms)"

ALL = expect(200)
PUBLIC = expect(200, anonymous=200)
OFFICE = ("officer", "staff")
HR = ("hr_a", "hr_b")
# Who may invite into A: its HR, its union's coordinator, staff; B's HR invites into
# B only (A's invitations are a 404 for them).
INVITE_A = ("hr_a", "coordinator", "staff")
INVITERS = (*HR, "coordinator", "staff")
OF_A = {"learner", "apprentice", "hr_a"}  # already members of A: refused to join again


def r(name, *args):
    return lambda w: reverse(name, args=[a(w) if callable(a) else a for a in args])


def _completion_credential(w):
    import datetime

    from lms.certification.services import completion_credential_issue

    return completion_credential_issue(
        holder=w.users["learner"],
        source_key="matrix:completion",
        title="Loom care",
        completed_on=datetime.date(2026, 1, 5),
    )


def _issuing_body(w):
    return IssuingBody.objects.get_or_create(name=w.cert_a.issuer_name)[0]


def _unread(w, user):
    if user is None:
        return None
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def _board_exports(w, user):
    return (
        None if user is None else BoardExport.objects.filter(requested_by=user).count()
    )


def _language(w, user):
    return None if user is None else User.objects.get(pk=user.pk).preferred_language


def _text_size(w, user):
    return None if user is None else User.objects.get(pk=user.pk).text_size


def _erased(w, user):
    return User.objects.get(pk=w.erasable.pk).email


def _erasure_requests(w, user):
    return None if user is None else ErasureRequest.objects.filter(person=user).count()


def _erasable_request(w) -> ErasureRequest:
    """The leaving worker's pending erasure request (made on first use)."""
    erasure = ErasureRequest.objects.filter(person=w.erasable).first()
    if erasure is None:
        from lms.services.personal_data import erasure_request_create

        erasure = erasure_request_create(person=w.erasable)
    return erasure


def _erasure_status(w, user):
    return _erasable_request(w).status


def _cert_status(w, user):
    return SkillCertificate.objects.get(pk=w.cert_a.pk).status


def _batch_status(w, user):
    return type(w.batch).objects.get(pk=w.batch.pk).status


def _batch_ready(w):
    type(w.batch).objects.filter(pk=w.batch.pk).update(status="ready")


cert_a = r("certification:detail", lambda w: w.cert_a.pk)

ROWS = [
    get(CORE, "home page", "page:home.homepage", lambda w: "/", PUBLIC),
    get(CORE, "health check", "healthz", r("healthz"), PUBLIC),
    get(CORE, "dashboard", "lms:dashboard", r("lms:dashboard"), ALL),
    get(CORE, "profile", "lms:profile", r("lms:profile"), ALL),
    get(CORE, "inbox", "lms:inbox", r("lms:inbox"), ALL),
    post(
        CORE,
        "mark the inbox read",
        "lms:inbox_mark_read",
        r("lms:inbox_mark_read"),
        expect(302),
        state=_unread,
        # The roles with unread messages in the world: the learner's welcome, the
        # instructor's "practical task to review", the judge's and the chair's
        # "you sit on the panel".
        acts={"learner", "mentor", "judge", "chair"},
    ),
    post(
        CORE,
        "switch language",
        "set_language",
        r("set_language"),
        expect(302, anonymous=302),
        data=lambda w: {"language": "zh-hans", "next": "/"},
        state=_language,
    ),
    post(
        CORE,
        "switch text size",
        "set_text_size",
        r("set_text_size"),
        expect(302, anonymous=302),
        data=lambda w: {"size": "larger", "next": "/"},
        state=_text_size,
    ),
    get(
        CORE,
        "download my data",
        "lms:personal_data_download",
        r("lms:personal_data_download"),
        expect(405),
    ),
    post(
        CORE,
        "download my data",
        "lms:personal_data_download",
        r("lms:personal_data_download"),
        ALL,
        state=None,  # a download: nothing changes
    ),
    get(
        CORE,
        "erase a person (form)",
        "lms:person_erase",
        r("lms:person_erase", lambda w: w.erasable.pk),
        only(200, "staff"),
    ),
    post(
        CORE,
        "erase a person",
        "lms:person_erase",
        r("lms:person_erase", lambda w: w.erasable.pk),
        only(302, "staff"),
        data=lambda w: {"email": w.erasable.email},
        state=_erased,
    ),
    post(
        CORE,
        "ask for erasure",
        "lms:erasure_request",
        r("lms:erasure_request"),
        # An administrator account is handed over before it can be erased.
        expect(302, staff=403),
        data=lambda w: {"reason": "Leaving"},
        state=_erasure_requests,
    ),
    get(
        CORE,
        "erasure requests",
        "lms:erasure_requests",
        r("lms:erasure_requests"),
        only(200, "staff"),
    ),
    get(
        CORE,
        "decide an erasure request (form)",
        "lms:erasure_request_decide",
        r("lms:erasure_request_decide", lambda w: _erasable_request(w).pk),
        only(200, "staff"),
    ),
    post(
        CORE,
        "refuse an erasure request",
        "lms:erasure_request_decide",
        r("lms:erasure_request_decide", lambda w: _erasable_request(w).pk),
        only(302, "staff"),
        data=lambda w: {"decision": "refuse", "note": "Contract still open"},
        state=_erasure_status,
    ),
    # --- API tokens and the audit trail --------------------------------------------
    get(
        CORE,
        "my API tokens",
        "lms:api_tokens",
        r("lms:api_tokens"),
        only(200, *HR),
    ),
    post(
        CORE,
        "make an API token",
        "lms:api_tokens",
        r("lms:api_tokens"),
        only(200, *HR),
        data=lambda w: {"name": "Payroll", "days": "30"},
        state=lambda w, user: ApiToken.objects.filter(user=user).count(),
        acts=HR,
    ),
    post(
        CORE,
        "revoke A's HR's API token",
        "lms:api_token_revoke",
        r("lms:api_token_revoke", lambda w: w.token_a.pk),
        only(302, "hr_a", others=404),
        state=lambda w, user: ApiToken.objects.get(pk=w.token_a.pk).revoked_at,
    ),
    get(
        CORE,
        "audit trail",
        "lms:audit_trail",
        r("lms:audit_trail"),
        only(200, *HR, *OFFICE),
    ),
    # --- invitations and joining ------------------------------------------------
    get(
        CORE,
        "invitations",
        "lms:invitations",
        r("lms:invitations"),
        only(200, *INVITERS),
    ),
    get(
        CORE,
        "new invitation (form)",
        "lms:invitation_new",
        r("lms:invitation_new"),
        only(200, *INVITERS),
    ),
    post(
        CORE,
        "invite a worker into A",
        "lms:invitation_new",
        r("lms:invitation_new"),
        only(302, *INVITE_A, hr_b=400),
        data=lambda w: {
            "enterprise": w.a.pk,
            "role": "worker",
            "max_uses": 1,
            "days": 7,
        },
        state=lambda w, user: Invitation.objects.filter(enterprise=w.a).count(),
    ),
    get(
        CORE,
        "A's invitation",
        "lms:invitation",
        r("lms:invitation", lambda w: w.invitation_a.pk),
        only(200, *INVITE_A, hr_b=404),
    ),
    get(
        CORE,
        "withdraw A's invitation (confirm)",
        "lms:invitation_revoke",
        r("lms:invitation_revoke", lambda w: w.invitation_a.pk),
        only(200, *INVITE_A, hr_b=404),
    ),
    post(
        CORE,
        "withdraw A's invitation",
        "lms:invitation_revoke",
        r("lms:invitation_revoke", lambda w: w.invitation_a.pk),
        only(302, *INVITE_A, hr_b=404),
        state=lambda w, user: Invitation.objects.get(pk=w.invitation_a.pk).revoked_at,
    ),
    get(CORE, "join an enterprise (code)", "join:enter", r("join:enter"), PUBLIC),
    post(
        CORE,
        "join an enterprise (typed code)",
        "join:enter",
        r("join:enter"),
        expect(302, anonymous=302),
        data=lambda w: {"code": "joina234"},
        # Only shows the invitation: joining is its own POST.
        state=lambda w, user: Membership.objects.count(),
        acts=frozenset(),
    ),
    get(
        CORE,
        "A's invitation (the worker's page)",
        "join:invitation",
        r("join:invitation", "JOINA234"),
        PUBLIC,
    ),
    post(
        CORE,
        "join A by its invitation",
        "join:invitation",
        r("join:invitation", "JOINA234"),
        expect(302, anonymous=302),
        state=lambda w, user: (
            user is not None
            and Membership.objects.filter(user=user, enterprise=w.a).exists()
        ),
        acts=frozenset(role for role in SIGNED_IN if role not in OF_A),
    ),
    # --- certificates -----------------------------------------------------------
    get(CERT, "my certificates", "certification:mine", r("certification:mine"), ALL),
    get(
        CERT,
        "certificate of A's worker",
        "certification:detail",
        cert_a,
        only(200, "learner", "hr_a", *OFFICE, others=404),
    ),
    get(
        CERT,
        "a scan of the certificate of A's worker",
        "certification:attachment",
        r("certification:attachment", lambda w: w.cert_a.pk, lambda w: w.scan_a.pk),
        only(200, "learner", "hr_a", *OFFICE, others=404),
    ),
    get(
        CERT,
        "certificate of B's worker",
        "certification:detail",
        r("certification:detail", lambda w: w.cert_b.pk),
        only(200, "hr_b", *OFFICE, others=404),
    ),
    get(
        CERT,
        "certificate PDF (A)",
        "certification:pdf",
        r("certification:pdf", lambda w: w.cert_a.pk),
        only(200, "learner", "hr_a", *OFFICE, others=404),
    ),
    get(
        CERT,
        "credential of A's worker (.json)",
        "certification:credential_json",
        r("certification:credential_json", lambda w: w.cert_a.pk),
        only(200, "learner", "hr_a", *OFFICE, others=404),
    ),
    get(
        CERT,
        "the learner's course completion credential",
        "certification:completion_credential_json",
        r(
            "certification:completion_credential_json",
            lambda w: _completion_credential(w).uuid,
        ),
        only(200, "learner", others=404),
    ),
    get(
        CERT,
        "baked badge of A's worker (PNG)",
        "certification:credential_badge",
        r("certification:credential_badge", lambda w: w.cert_a.pk),
        only(200, "learner", "hr_a", *OFFICE, others=404),
    ),
    get(
        CERT,
        "record a certificate",
        "certification:record",
        r("certification:record"),
        only(200, *OFFICE),
    ),
    get(
        CERT,
        "renew (form)",
        "certification:renew",
        r("certification:renew", lambda w: w.cert_a.pk),
        only(200, *OFFICE),
    ),
    get(
        CERT,
        "correct (form)",
        "certification:edit",
        r("certification:edit", lambda w: w.cert_a.pk),
        only(200, *OFFICE),
    ),
    post(
        CERT,
        "suspend a certificate",
        "certification:change_status",
        r("certification:change_status", lambda w: w.cert_a.pk, "suspend"),
        only(302, *OFFICE),
        data=lambda w: {"reason": "Audit"},
        state=_cert_status,
    ),
    get(
        CERT,
        "revoke a certificate (confirm page)",
        "certification:change_status",
        r("certification:change_status", lambda w: w.cert_a.pk, "revoke"),
        only(200, *OFFICE),
    ),
    get(
        CERT,
        "status board",
        "certification:board",
        r("certification:board"),
        only(200, *HR, *OFFICE),
    ),
    get(
        CERT,
        "board export (CSV)",
        "certification:export_csv",
        r("certification:export_csv"),
        only(200, *HR, *OFFICE),
    ),
    get(
        CERT,
        "my board exports",
        "certification:exports",
        r("certification:exports"),
        only(200, *HR, *OFFICE),
    ),
    post(
        CERT,
        "ask for a board export (Excel)",
        "certification:export_request",
        r("certification:export_request"),
        only(302, *HR, *OFFICE),
        state=_board_exports,
    ),
    get(
        CERT,
        "a board export of A's HR",
        "certification:export_detail",
        r("certification:export_detail", lambda w: w.export_a.pk),
        only(200, "hr_a", hr_b=404, officer=404, staff=404),
    ),
    get(
        CERT,
        "a board export's progress",
        "certification:export_status",
        r("certification:export_status", lambda w: w.export_a.pk),
        only(200, "hr_a", hr_b=404, officer=404, staff=404),
    ),
    get(
        CERT,
        "a board export's file",
        "certification:export_download",
        r("certification:export_download", lambda w: w.export_a.pk),
        only(200, "hr_a", hr_b=404, officer=404, staff=404),
    ),
    get(
        CERT,
        "worker of A",
        "certification:worker",
        r("certification:worker", lambda w: w.users["learner"].pk),
        only(200, "hr_a", *OFFICE, hr_b=404),
    ),
    get(
        CERT,
        "worker of B",
        "certification:worker",
        r("certification:worker", lambda w: w.worker_b.pk),
        only(200, "hr_b", *OFFICE, hr_a=404),
    ),
    get(
        CERT,
        "eligible for the next level",
        "certification:eligible",
        r("certification:eligible"),
        only(200, *HR, *OFFICE),
    ),
    get(
        CERT,
        "look a worker up",
        "certification:lookup",
        r("certification:lookup"),
        only(200, *HR, *OFFICE),
    ),
    get(
        CERT,
        "imports",
        "certification:imports",
        r("certification:imports"),
        only(200, *OFFICE),
    ),
    get(
        CERT,
        "import a file (form)",
        "certification:import_upload",
        r("certification:import_upload"),
        only(200, *OFFICE),
    ),
    get(
        CERT,
        "an import",
        "certification:import_detail",
        r("certification:import_detail", lambda w: w.batch.pk),
        only(200, *OFFICE),
    ),
    get(
        CERT,
        "an import's uploaded file",
        "certification:import_file",
        r("certification:import_file", lambda w: w.batch.pk),
        only(200, *OFFICE),
    ),
    get(
        CERT,
        "an import's progress",
        "certification:import_status",
        r("certification:import_status", lambda w: w.batch.pk),
        only(200, *OFFICE),
    ),
    post(
        CERT,
        "commit an import",
        "certification:import_commit",
        r("certification:import_commit", lambda w: w.batch.pk),
        only(302, *OFFICE),
        setup=_batch_ready,
        state=_batch_status,
    ),
    get(
        CERT,
        "verify (form)",
        "certification:verify_form",
        r("certification:verify_form"),
        PUBLIC,
    ),
    get(
        CERT,
        "verify a certificate",
        "certification:verify",
        r("certification:verify", lambda w: w.cert_a.verification_code),
        PUBLIC,
    ),
    post(
        CERT,
        "verify an uploaded credential",
        "certification:verify_upload",
        r("certification:verify_upload"),
        expect(200, anonymous=200),
        data=lambda w: {"file": SimpleUploadedFile("c.json", b"{}")},
        state=lambda w, user: IssuedCredential.objects.count(),
    ),
    get(
        CERT,
        "an issuer's DID document",
        "credentials:did",
        r("credentials:did", lambda w: _issuing_body(w).pk),
        PUBLIC,
    ),
    get(
        CERT,
        "an issuer's revocation list",
        "credentials:status_list",
        lambda w: reverse(
            "credentials:status_list",
            kwargs={"body": _issuing_body(w).pk, "purpose": "revocation", "number": 0},
        ),
        PUBLIC,
    ),
    # --- API: HR's systems, by token or session --------------------------------
    get(
        API,
        "certificates",
        "api:certificates",
        r("api:certificates"),
        only(200, *HR, anonymous=401),
    ),
    get(
        API,
        "a certificate of A's worker",
        "api:certificate",
        r("api:certificate", lambda w: w.cert_a.pk),
        only(200, "hr_a", hr_b=404, anonymous=401),
    ),
    get(
        API,
        "certificates of a worker of A",
        "api:worker_certificates",
        r("api:worker_certificates", "A-1"),
        only(200, "hr_a", hr_b=404, anonymous=401),
    ),
    post(
        API,
        "POST to the read-only list",
        "api:certificates",
        r("api:certificates"),
        only(405, *HR, anonymous=401),
        state=lambda w, user: SkillCertificate.objects.count(),
    ),
    # The schema describes the endpoints, no data: public.
    get(API, "OpenAPI schema", "api:schema", r("api:schema"), PUBLIC),
]
