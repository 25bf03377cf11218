"""Changing the secrets that encrypt signing keys at rest. With the new secret set
and the old one listed in ``*_PREVIOUS``, every stored key is decrypted and
encrypted again under the new one; afterwards the old secret can be dropped."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from lms.certification import signing
from lms.certification.credentials import keys
from lms.models import IssuerKey, SigningCertificate


@dataclass(frozen=True)
class Reencrypted:
    credential_keys: int
    pdf_signing_keys: int


@transaction.atomic
def signing_keys_reencrypt() -> Reencrypted:
    """All or nothing: one key that no configured secret opens leaves every key as
    it was (the error names the setting). Safe to run again: a key already under
    the current secret is only encrypted afresh."""
    credential_keys = 0
    for key in IssuerKey.objects.select_for_update().order_by("pk"):
        key.private_key_encrypted = keys.reencrypt_private_key(
            key.private_key_encrypted
        )
        key.save(update_fields=["private_key_encrypted"])
        credential_keys += 1
    pdf_keys = 0
    # Files mode keeps no key in the database (and may have no secret to open one).
    if settings.PDF_SIGNING_MODE == "database":
        rows = SigningCertificate.objects.select_for_update().exclude(encrypted_key="")
        for row in rows.order_by("pk"):
            row.encrypted_key = signing.reencrypt_key(row.encrypted_key)
            row.save(update_fields=["encrypted_key"])
            pdf_keys += 1
    return Reencrypted(credential_keys=credential_keys, pdf_signing_keys=pdf_keys)
