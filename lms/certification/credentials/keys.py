"""Ed25519 key pairs and their encryption at rest: the private half is stored as
a Fernet token under a key derived from ``CREDENTIAL_KEYS_SECRET`` (the
environment's, never the database's). Secrets listed in
``CREDENTIAL_KEYS_SECRET_PREVIOUS`` still decrypt, so the secret can be changed:
``manage.py reencrypt_signing_keys`` then moves every stored key to the new one."""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

RAW = serialization.Encoding.Raw


def _derived(secret: str) -> Fernet:
    derived = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=None,
        info=b"craft-skills credential signing keys",
    ).derive(secret.encode())
    return Fernet(base64.urlsafe_b64encode(derived))


def _fernet() -> MultiFernet:
    """Encrypts with the current secret; decrypts with it or a previous one."""
    secret = getattr(settings, "CREDENTIAL_KEYS_SECRET", "")
    if not secret:
        raise ImproperlyConfigured("CREDENTIAL_KEYS_SECRET is not set.")
    previous = getattr(settings, "CREDENTIAL_KEYS_SECRET_PREVIOUS", [])
    return MultiFernet([_derived(s) for s in [secret, *previous] if s])


def new_key_pair() -> tuple[bytes, bytes]:
    """(private, public) raw 32-byte Ed25519 keys."""
    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(
        RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return private, key.public_key().public_bytes(RAW, serialization.PublicFormat.Raw)


def encrypt_private_key(private: bytes) -> bytes:
    return _fernet().encrypt(private)


_UNREADABLE = (
    "A credential signing key cannot be decrypted: neither CREDENTIAL_KEYS_SECRET "
    "nor CREDENTIAL_KEYS_SECRET_PREVIOUS is the one it was encrypted with."
)


def decrypt_private_key(token: bytes) -> bytes:
    try:
        return _fernet().decrypt(bytes(token))
    except InvalidToken:
        raise ImproperlyConfigured(_UNREADABLE) from None


def reencrypt_private_key(token: bytes) -> bytes:
    """The same key under the current secret (unchanged if it already is)."""
    try:
        return _fernet().rotate(bytes(token))
    except InvalidToken:
        raise ImproperlyConfigured(_UNREADABLE) from None
