"""Verifying a credential file anyone uploads: one verdict for a JSON credential,
a baked PNG or SVG badge or (when the PDF signatures are there) a signed PDF.
Reads only: nothing an upload says is stored. Every limit is checked before the
work it bounds (size before reading, nesting before parsing, text before
canonicalising)."""

from __future__ import annotations

import datetime
import json
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.certification.credentials import baking, documents, proofs
from lms.certification.models.status import STATUS_BADGES
from lms.models import CertificateStatus, IssuedCredential, IssuerKey
from lms.models.names import reads_chinese

MAX_DEPTH = 24
MAX_STRING = 20_000
MAX_NODES = 5_000


class Genuineness:
    GENUINE = "genuine"  # our key signed exactly these bytes' meaning
    TAMPERED = "tampered"  # our key, but the content was changed
    UNKNOWN_KEY = "unknown_key"  # signed by a key we never published
    UNREADABLE = "unreadable"  # not a credential we can check at all


MESSAGES = {
    Genuineness.GENUINE: _("Genuine and unchanged: the issuer's signature matches."),
    Genuineness.TAMPERED: _(
        "Changed after issue: the signature does not match the content. Do not "
        "trust this file."
    ),
    Genuineness.UNKNOWN_KEY: _(
        "Not issued here: it is signed by a key none of our issuing bodies has "
        "published."
    ),
    Genuineness.UNREADABLE: _(
        "This file is not a credential we can check. Upload the .json credential "
        "or the badge image (PNG or SVG) you downloaded."
    ),
}


@dataclass
class Verdict:
    genuineness: str
    reason: str = ""  # what exactly could not be read (for the page, translated)
    status: str = ""  # valid, expired, revoked, suspended, superseded
    issuer: str = ""
    achievement: str = ""
    number: str = ""
    issued_on: datetime.date | None = None
    facts: dict = field(default_factory=dict)

    @property
    def genuine(self) -> bool:
        return self.genuineness == Genuineness.GENUINE

    @property
    def message(self) -> str:
        return str(MESSAGES[self.genuineness])

    @property
    def current(self) -> bool:
        return self.genuine and self.status in ("", "valid")

    @property
    def status_warning(self) -> str:
        """For a genuine credential that no longer holds: the sentence that says so."""
        if not self.genuine or self.current:
            return ""
        return str(
            _("But the certificate is no longer current: %(status)s.")
            % {"status": self.status_label}
        )

    @property
    def status_label(self) -> str:
        return str(CertificateStatus(self.status).label) if self.status else ""

    @property
    def status_badge(self) -> str:
        return STATUS_BADGES.get(self.status, "")


def _unreadable(reason) -> Verdict:
    return Verdict(Genuineness.UNREADABLE, reason=str(reason))


def too_large(cap: int | None = None) -> Verdict:
    cap = cap or settings.VERIFY_UPLOAD_MAX_BYTES
    return _unreadable(_("The file is larger than %(kb)s KB.") % {"kb": cap // 1024})


def verify_upload(upload) -> Verdict:
    """The verdict on an uploaded file (a Django ``UploadedFile``)."""
    cap = settings.VERIFY_UPLOAD_MAX_BYTES
    if upload.size is not None and upload.size > cap:
        return too_large()
    data = upload.read(cap + 1)
    if len(data) > cap:
        return too_large()
    return verify_bytes(data)


def verify_bytes(data: bytes) -> Verdict:
    if data.startswith(b"%PDF-"):
        return _verify_pdf(data)
    if len(data) > settings.VERIFY_CREDENTIAL_MAX_BYTES:
        return too_large(settings.VERIFY_CREDENTIAL_MAX_BYTES)
    try:
        if data.startswith(baking.PNG_SIGNATURE):
            text = baking.unbake_png(
                data, max_text=settings.VERIFY_CREDENTIAL_MAX_BYTES
            )
        else:
            text = data.decode("utf-8-sig")
            if text.lstrip().startswith("<"):
                text = baking.unbake_svg(text)
    except baking.BakingError:
        return _unreadable(_("The image carries no Open Badges credential."))
    except UnicodeDecodeError:
        return _unreadable(_("The file is neither JSON nor a badge image."))
    return verify_json_text(text)


def _verify_pdf(data: bytes) -> Verdict:
    """A signed PDF, through the PDF signatures' own check
    (``services/pdf_signatures.py``), its verdict mapped onto ours."""
    from lms.certification.services.pdf_signatures import verify_signed_pdf

    check = verify_signed_pdf(data)
    genuineness = {
        "genuine": Genuineness.GENUINE,
        "changed": Genuineness.TAMPERED,
        "unknown_signer": Genuineness.UNKNOWN_KEY,
    }.get(str(check.verdict), Genuineness.UNREADABLE)
    return Verdict(
        genuineness,
        reason=str(check.message) if genuineness == Genuineness.UNREADABLE else "",
        issuer=check.signer,
    )


def _too_deep(text: str) -> bool:
    """Brackets nested deeper than MAX_DEPTH outside strings (checked before
    json.loads, whose recursion a deep file would exhaust)."""
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif char in "]}":
            depth -= 1
    return False


def _too_big(value) -> bool:
    """More than MAX_NODES values, or a string longer than MAX_STRING."""
    stack, seen = [value], 0
    while stack:
        item = stack.pop()
        seen += 1
        if seen > MAX_NODES:
            return True
        if isinstance(item, str) and len(item) > MAX_STRING:
            return True
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def verify_json_text(text: str) -> Verdict:
    if _too_deep(text):
        return _unreadable(_("The file is nested too deeply to be a credential."))
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return _unreadable(_("The file is not valid JSON."))
    if not isinstance(document, dict) or _too_big(document):
        return _unreadable(_("The file does not have the shape of a credential."))
    return verify_document(document)


def _resolve(verification_method: str) -> bytes | None:
    from lms.certification.credentials.multibase import public_key_from_multikey

    did, _sep, fragment = verification_method.partition("#")
    body_pk = documents.body_pk_from_did(did)
    if body_pk is None or not fragment:
        return None
    key = IssuerKey.objects.filter(issuing_body_id=body_pk, public_key=fragment).first()
    return None if key is None else public_key_from_multikey(key.public_key)


def verify_document(document: dict) -> Verdict:
    try:
        proof = proofs.verify(document, resolve_key=_resolve)
    except proofs.ProofError as error:
        if error.reason == "unknown_key":
            return Verdict(Genuineness.UNKNOWN_KEY)
        if error.reason == "signature":
            return Verdict(Genuineness.TAMPERED)
        return _unreadable(_("The file has no signature we can check."))
    did = proof["verificationMethod"].partition("#")[0]
    issuer = document.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if issuer_id != did:
        # A genuine key, but the credential names another issuer: not ours to vouch.
        return Verdict(Genuineness.TAMPERED)
    return _facts(document, body_pk=documents.body_pk_from_did(did))


def _achievement_name(record: IssuedCredential) -> str:
    """What was achieved, in the reader's language: from our record of it."""
    certificate = record.certificate
    if certificate is not None:
        level = certificate.get_level_display()
        return f"{certificate.occupation.local_name} · {level}"
    names = record.achievement
    if reads_chinese() and names.get("name_zh"):
        return names["name_zh"]
    return names.get("name", "")


def _facts(document: dict, *, body_pk: int) -> Verdict:
    """A genuine credential: who issued it and whether it is current, from our
    records (the file says what was true when it was signed)."""
    try:
        record_uuid = uuid.UUID(str(document.get("id", "")).removeprefix("urn:uuid:"))
    except ValueError:
        return Verdict(Genuineness.UNKNOWN_KEY)
    record = (
        IssuedCredential.objects.select_related(
            "issuing_body", "certificate", "certificate__occupation"
        )
        .filter(issuing_body_id=body_pk, uuid=record_uuid)
        .first()
    )
    if record is None:
        return Verdict(Genuineness.UNKNOWN_KEY)
    verdict = Verdict(
        Genuineness.GENUINE,
        issuer=record.issuing_body.local_name,
        achievement=_achievement_name(record),
        issued_on=record.issued_on,
    )
    today = timezone.localdate()
    certificate = record.certificate
    if certificate is not None:
        status = certificate.status_on(today)
        verdict.status = "valid" if status == "expiring" else status
        verdict.number = certificate.number
    else:
        verdict.status = "valid"
    return verdict
