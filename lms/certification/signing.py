"""PAdES signatures on certificate PDFs (pyHanko). The signer is the issuing body's
certificate under our own certificate authority (``PDF_SIGNING_MODE =
"database"``: dev, test, the demo) or the certificate and key named by
``PDF_SIGNING_CERT_FILE`` / ``PDF_SIGNING_KEY_FILE`` with the chain in
``PDF_SIGNING_CA_FILE`` (production). The CA's root is the trust root
``services.pdf_signatures.verify_signed_pdf`` checks against. Private keys in the
database are Fernet tokens under a key derived from ``PDF_SIGNING_SECRET`` (or one
in ``PDF_SIGNING_SECRET_PREVIOUS`` while the secret is being changed)."""

from __future__ import annotations

import base64
import datetime
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko_certvalidator.registry import SimpleCertificateStore

ROOT_YEARS, SIGNER_YEARS = 20, 10
# ECDSA P-256: what PDF readers verify, and a key made in a millisecond (the demo
# makes one per issuing body; RSA keys took seconds on a busy machine).
CURVE = ec.SECP256R1


class SigningUnavailable(ImproperlyConfigured):
    """The settings name no way to sign (a missing secret or file)."""


# --- keys at rest ---------------------------------------------------------------


def _derived(secret: str) -> Fernet:
    digest = hashlib.sha256(f"pdf-signing:{secret}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def _fernet() -> MultiFernet:
    """Encrypts with the current secret; decrypts with it or a previous one."""
    secret = settings.PDF_SIGNING_SECRET
    if not secret:
        raise SigningUnavailable("PDF_SIGNING_SECRET is not set.")
    previous = getattr(settings, "PDF_SIGNING_SECRET_PREVIOUS", [])
    return MultiFernet([_derived(s) for s in [secret, *previous] if s])


_UNREADABLE = (
    "A PDF signing key cannot be decrypted: neither PDF_SIGNING_SECRET nor "
    "PDF_SIGNING_SECRET_PREVIOUS is the one it was encrypted with."
)


def encrypt_key(key: ec.EllipticCurvePrivateKey) -> str:
    der = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return _fernet().encrypt(der).decode()


def decrypt_key(token: str) -> ec.EllipticCurvePrivateKey:
    try:
        der = _fernet().decrypt(token.encode())
    except InvalidToken:
        raise SigningUnavailable(_UNREADABLE) from None
    return serialization.load_der_private_key(der, password=None)


def reencrypt_key(token: str) -> str:
    """The same key under the current secret (unchanged if it already is)."""
    try:
        return _fernet().rotate(token.encode()).decode()
    except InvalidToken:
        raise SigningUnavailable(_UNREADABLE) from None


# --- making certificates ----------------------------------------------------------


def new_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(CURVE())


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, settings.WAGTAIL_SITE_NAME),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64]),
        ]
    )


def make_root(*, key: ec.EllipticCurvePrivateKey, name: str) -> x509.Certificate:
    now = datetime.datetime.now(datetime.UTC)
    subject = _name(name)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365 * ROOT_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False
        )
        .sign(key, hashes.SHA256())
    )


def make_signer(
    *,
    key: ec.EllipticCurvePrivateKey,
    name: str,
    root: x509.Certificate,
    root_key: ec.EllipticCurvePrivateKey,
) -> x509.Certificate:
    """A document-signing certificate for ``name`` issued by ``root``."""
    now = datetime.datetime.now(datetime.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(_name(name))
        .issuer_name(root.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365 * SIGNER_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]),
            critical=False,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()),
            critical=False,
        )
        .sign(root_key, hashes.SHA256())
    )


def pem(certificate: x509.Certificate) -> str:
    return certificate.public_bytes(serialization.Encoding.PEM).decode()


# --- signing ------------------------------------------------------------------------


@dataclass(frozen=True)
class SigningIdentity:
    """What signs: the certificate, its key and the chain up to the trust root."""

    certificate: x509.Certificate
    key: ec.EllipticCurvePrivateKey
    chain: tuple[x509.Certificate, ...]


def asn1_cert(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(
        certificate.public_bytes(serialization.Encoding.DER)
    )


def identity_from_files() -> SigningIdentity:
    """Production: the files named by ``PDF_SIGNING_CERT_FILE``, ``_KEY_FILE``
    (optionally encrypted with ``_KEY_PASSWORD``) and ``_CA_FILE``."""
    names = {
        "PDF_SIGNING_CERT_FILE": settings.PDF_SIGNING_CERT_FILE,
        "PDF_SIGNING_KEY_FILE": settings.PDF_SIGNING_KEY_FILE,
        "PDF_SIGNING_CA_FILE": settings.PDF_SIGNING_CA_FILE,
    }
    for setting, path in names.items():
        if not path or not Path(path).is_file():
            raise SigningUnavailable(f"{setting} names no readable file ({path!r}).")
    password = settings.PDF_SIGNING_KEY_PASSWORD.encode() or None
    try:
        certificate = x509.load_pem_x509_certificate(
            Path(settings.PDF_SIGNING_CERT_FILE).read_bytes()
        )
        key = serialization.load_pem_private_key(
            Path(settings.PDF_SIGNING_KEY_FILE).read_bytes(), password=password
        )
        chain = tuple(
            x509.load_pem_x509_certificates(
                Path(settings.PDF_SIGNING_CA_FILE).read_bytes()
            )
        )
    except (ValueError, TypeError) as error:
        problem = f"The PDF signing files do not load: {error}"
        raise SigningUnavailable(problem) from None
    return SigningIdentity(certificate=certificate, key=key, chain=chain)


def trust_roots_from_files() -> list[x509.Certificate]:
    """The self-signed certificates of ``PDF_SIGNING_CA_FILE``."""
    return [c for c in identity_from_files().chain if c.issuer == c.subject]


def sign_pdf(data: bytes, *, identity: SigningIdentity, reason: str, location: str):
    """``data`` with a PAdES baseline signature (B-B) appended as an incremental
    update that covers the whole file."""
    signer = signers.SimpleSigner(
        signing_cert=asn1_cert(identity.certificate),
        signing_key=asn1_keys.PrivateKeyInfo.load(
            identity.key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        ),
        cert_registry=SimpleCertificateStore.from_certs(
            [asn1_cert(c) for c in identity.chain]
        ),
    )
    meta = signers.PdfSignatureMetadata(
        field_name="CertificateSignature",
        md_algorithm="sha256",
        subfilter=SigSeedSubFilter.PADES,
        reason=reason[:200],
        location=location[:200],
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    return signers.sign_pdf(writer, meta, signer=signer).getvalue()
