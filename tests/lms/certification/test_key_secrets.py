"""Changing the secrets that encrypt signing keys at rest: with the old secret
listed as previous the keys still open, `reencrypt_signing_keys` moves them all to
the new one (after which the old secret can go), and a key no configured secret
opens stops the command with nothing changed."""

import io

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command

from lms.certification import signing
from lms.certification.credentials import keys as key_crypto
from lms.certification.services import issuer_key_active
from lms.certification.services.pdf_signatures import signing_certificate_ensure
from lms.models import IssuerKey, SigningCertificate
from tests.lms.certification.factories import IssuingBodyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored_keys(settings):
    """One issuing body's credential key and its PDF authority (a root and the
    body's signing certificate), all encrypted under the secrets "old-…"."""
    settings.CREDENTIAL_KEYS_SECRET = "old-credential-secret"
    settings.PDF_SIGNING_SECRET = "old-pdf-secret"
    settings.PDF_SIGNING_MODE = "database"
    body = IssuingBodyFactory()
    issuer_key_active(body=body)
    signing_certificate_ensure(body=body)
    return body


def tokens() -> list:
    return [
        bytes(k.private_key_encrypted) for k in IssuerKey.objects.order_by("pk")
    ] + [row.encrypted_key for row in SigningCertificate.objects.order_by("pk")]


def open_all() -> None:
    for key in IssuerKey.objects.all():
        key_crypto.decrypt_private_key(key.private_key_encrypted)
    for row in SigningCertificate.objects.all():
        signing.decrypt_key(row.encrypted_key)


def new_secrets(settings, *, keep_previous: bool) -> None:
    settings.CREDENTIAL_KEYS_SECRET = "new-credential-secret"
    settings.PDF_SIGNING_SECRET = "new-pdf-secret"
    settings.CREDENTIAL_KEYS_SECRET_PREVIOUS = (
        ["old-credential-secret"] if keep_previous else []
    )
    settings.PDF_SIGNING_SECRET_PREVIOUS = ["old-pdf-secret"] if keep_previous else []


def test_keys_open_with_a_previous_secret_and_move_to_the_new_one(
    settings, stored_keys
):
    assert SigningCertificate.objects.count() == 2 and IssuerKey.objects.count() == 1
    new_secrets(settings, keep_previous=True)
    open_all()  # the old secret, listed as previous, still opens every key
    out = io.StringIO()
    call_command("reencrypt_signing_keys", stdout=out)
    assert "1 credential signing keys and 2 PDF signing keys" in out.getvalue()
    new_secrets(settings, keep_previous=False)
    open_all()  # the old secret is no longer needed


def test_without_the_previous_secret_the_keys_stay_shut(settings, stored_keys):
    new_secrets(settings, keep_previous=False)
    with pytest.raises(ImproperlyConfigured, match="CREDENTIAL_KEYS_SECRET_PREVIOUS"):
        key_crypto.decrypt_private_key(IssuerKey.objects.get().private_key_encrypted)
    with pytest.raises(ImproperlyConfigured, match="PDF_SIGNING_SECRET_PREVIOUS"):
        signing.decrypt_key(SigningCertificate.objects.first().encrypted_key)


def test_a_key_no_secret_opens_stops_the_command_and_changes_nothing(
    settings, stored_keys
):
    before = tokens()
    # The credential secret moved correctly; the PDF one was forgotten.
    new_secrets(settings, keep_previous=True)
    settings.PDF_SIGNING_SECRET_PREVIOUS = []
    with pytest.raises(CommandError, match="Nothing was changed"):
        call_command("reencrypt_signing_keys", stdout=io.StringIO())
    assert tokens() == before


def test_running_it_again_keeps_every_key_open(settings, stored_keys):
    new_secrets(settings, keep_previous=True)
    call_command("reencrypt_signing_keys", stdout=io.StringIO())
    first = tokens()
    call_command("reencrypt_signing_keys", stdout=io.StringIO())
    assert tokens() != first  # encrypted afresh (Fernet tokens carry a time and IV)
    new_secrets(settings, keep_previous=False)
    open_all()
