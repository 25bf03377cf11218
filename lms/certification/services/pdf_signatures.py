"""Signing certificate PDFs and checking a PDF someone hands us. The signing
authority (``lms.certification.signing``) is made once: a root and one signing
certificate per issuing body, kept in the database with their keys encrypted
(``PDF_SIGNING_MODE = "database"``), or read from files (production).
``verify_signed_pdf`` answers with a verdict for any bytes at all."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from enum import StrEnum

from cryptography import x509
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from lms.certification import signing
from lms.models import IssuingBody, SigningCertificate, SkillCertificate

logger = logging.getLogger(__name__)

MAX_PDF_BYTES = 5 * 1024 * 1024
ROOT_NAME = "Certificate Authority"


# --- the authority (database mode) --------------------------------------------------


def _stored(row: SigningCertificate) -> tuple[x509.Certificate, object]:
    return (
        x509.load_pem_x509_certificate(row.certificate_pem.encode()),
        signing.decrypt_key(row.encrypted_key),
    )


def _store(*, kind: str, certificate, key, body: IssuingBody | None = None):
    return SigningCertificate.objects.create(
        kind=kind,
        issuing_body=body,
        certificate_pem=signing.pem(certificate),
        encrypted_key=signing.encrypt_key(key),
        not_after=certificate.not_valid_after_utc,
    )


def _root() -> SigningCertificate:
    root = SigningCertificate.objects.filter(kind=SigningCertificate.Kind.ROOT).first()
    if root is not None:
        return root
    key = signing.new_key()
    name = f"{settings.WAGTAIL_SITE_NAME} {ROOT_NAME}"
    try:
        with transaction.atomic():
            return _store(
                kind=SigningCertificate.Kind.ROOT,
                certificate=signing.make_root(key=key, name=name),
                key=key,
            )
    except IntegrityError:  # made at the same moment by another request
        return SigningCertificate.objects.get(kind=SigningCertificate.Kind.ROOT)


def signing_certificate_ensure(*, body: IssuingBody) -> SigningCertificate:
    """The body's signing certificate, made (with the root, the first time) when it
    has none. Idempotent; safe when two requests ask at once."""
    existing = SigningCertificate.objects.filter(issuing_body=body).first()
    if existing is not None:
        return existing
    root_row = _root()
    root, root_key = _stored(root_row)
    key = signing.new_key()
    certificate = signing.make_signer(
        key=key, name=body.name, root=root, root_key=root_key
    )
    try:
        with transaction.atomic():
            return _store(
                kind=SigningCertificate.Kind.BODY,
                certificate=certificate,
                key=key,
                body=body,
            )
    except IntegrityError:
        return SigningCertificate.objects.get(issuing_body=body)


def signing_authority_ensure() -> int:
    """The root and a signing certificate for every issuing body (``load_demo``);
    returns how many bodies have one."""
    bodies = list(IssuingBody.objects.filter(signing_certificate__isnull=True))
    for body in bodies:
        signing_certificate_ensure(body=body)
    return SigningCertificate.objects.filter(kind=SigningCertificate.Kind.BODY).count()


def _database_mode() -> bool:
    return settings.PDF_SIGNING_MODE == "database"


def identity_for(body: IssuingBody | None) -> signing.SigningIdentity:
    if not _database_mode():
        return signing.identity_from_files()
    if body is None:
        raise signing.SigningUnavailable("A certificate without an issuing body.")
    row = signing_certificate_ensure(body=body)
    certificate, key = _stored(row)
    root, _root_key = _stored(_root())
    return signing.SigningIdentity(certificate=certificate, key=key, chain=(root,))


def trust_roots() -> list[x509.Certificate]:
    if not _database_mode():
        return signing.trust_roots_from_files()
    root = SigningCertificate.objects.filter(kind=SigningCertificate.Kind.ROOT).first()
    return [] if root is None else [_stored(root)[0]]


def certificate_pdf_sign(*, data: bytes, certificate: SkillCertificate) -> bytes:
    """The certificate's PDF signed by its issuing body."""
    from .certificates import issuing_body_for

    body = certificate.issuing_body or issuing_body_for(certificate.issuer_name)
    return signing.sign_pdf(
        data,
        identity=identity_for(body),
        reason=f"Skill certificate {certificate.number}",
        location=settings.SITE_URL,
    )


# --- checking a PDF -----------------------------------------------------------------


class PdfVerdict(StrEnum):
    GENUINE = "genuine"
    CHANGED = "changed"
    NOT_SIGNED = "not_signed"
    UNKNOWN_SIGNER = "unknown_signer"
    UNREADABLE = "unreadable"  # truncated, not a PDF, or too large


@dataclass(frozen=True)
class PdfCheck:
    verdict: PdfVerdict
    signer: str = ""
    signed_at: object = None  # an aware datetime when the PDF says when

    @property
    def genuine(self) -> bool:
        return self.verdict == PdfVerdict.GENUINE

    @property
    def message(self) -> str:
        return {
            PdfVerdict.GENUINE: _(
                "Genuine: signed by %(signer)s and unchanged since it was signed."
            )
            % {"signer": self.signer},
            PdfVerdict.CHANGED: _(
                "Changed: this PDF was altered after it was signed. Do not rely on it."
            ),
            PdfVerdict.NOT_SIGNED: _("This PDF carries no signature."),
            PdfVerdict.UNKNOWN_SIGNER: _(
                "Signed, but not by an issuing body of this platform (%(signer)s)."
            )
            % {"signer": self.signer or _("unknown")},
            PdfVerdict.UNREADABLE: _(
                "This is not a complete PDF (it may be truncated), or it is larger "
                "than %(mb)s MB."
            )
            % {"mb": MAX_PDF_BYTES // (1024 * 1024)},
        }[self.verdict]


def _common_name(certificate) -> str:
    try:
        return certificate.subject.native.get("common_name", "") or ""
    except (AttributeError, ValueError):
        return ""


def verify_signed_pdf(data: bytes) -> PdfCheck:
    """Whether ``data`` is a PDF signed under our authority and unchanged since:
    the signature's digest matches, it covers the whole file, and its certificate
    chains to our root. Never raises: anything unreadable is a verdict."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    if not data or len(data) > MAX_PDF_BYTES or not data.lstrip()[:5] == b"%PDF-":
        return PdfCheck(PdfVerdict.UNREADABLE)
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = list(reader.embedded_signatures)
    except Exception as error:  # noqa: BLE001 - foreign bytes: any failure is a verdict
        logger.info("PDF check: unreadable upload (%s)", type(error).__name__)
        return PdfCheck(PdfVerdict.UNREADABLE)
    if not signatures:
        return PdfCheck(PdfVerdict.NOT_SIGNED)
    try:
        roots = [signing.asn1_cert(c) for c in trust_roots()]
    except signing.SigningUnavailable:
        roots = []
    context = ValidationContext(
        trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail"
    )
    check = None
    for embedded in signatures:
        try:
            status = validate_pdf_signature(embedded, context)
        except Exception as error:  # noqa: BLE001 - a malformed signature is a verdict
            logger.info("PDF check: signature unreadable (%s)", type(error).__name__)
            return PdfCheck(PdfVerdict.CHANGED)
        signer = _common_name(status.signing_cert)
        signed_at = getattr(status, "signer_reported_dt", None)
        if not (status.intact and status.valid):
            return PdfCheck(PdfVerdict.CHANGED, signer)
        if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
            return PdfCheck(PdfVerdict.CHANGED, signer)
        if not status.trusted:
            return PdfCheck(PdfVerdict.UNKNOWN_SIGNER, signer)
        check = PdfCheck(PdfVerdict.GENUINE, signer, signed_at)
    return check
