"""Signed certificate PDFs: pyHanko's own validator finds the issuing body's
signature intact, trusted under our root and covering the whole file; our verdict
(``verify_signed_pdf``) says genuine, and says changed, truncated, not signed or
unknown signer for a changed byte, half a file, an unsigned PDF or another
authority's signature. Keys are stored encrypted; production reads files and a
system check refuses settings that cannot sign."""

import io

import pytest
from asn1crypto import pem as asn1_pem
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from django.test import override_settings
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from lms.certification import signing
from lms.certification.pdf import certificate_pdf, unsigned_pdf
from lms.certification.services.pdf_signatures import (
    MAX_PDF_BYTES,
    PdfVerdict,
    verify_signed_pdf,
)
from lms.certification.startup import pdf_signing_check
from lms.models import SigningCertificate
from tests.lms.certification.factories import (
    IssuingBodyFactory,
    SkillCertificateFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate():
    return SkillCertificateFactory(issuing_body=IssuingBodyFactory())


@pytest.fixture
def signed(certificate):
    return certificate_pdf(certificate)


def _root_asn1():
    pem = SigningCertificate.objects.get(kind="root").certificate_pem.encode()
    _type, _headers, der = asn1_pem.unarmor(pem)
    return asn1_x509.Certificate.load(der)


def _flip(data: bytes, position: int) -> bytes:
    return data[:position] + bytes([data[position] ^ 0x01]) + data[position + 1 :]


def _signed_range_position(data: bytes) -> int:
    """A byte inside the page's content stream: signed, and the file still parses."""
    return data.index(b"stream", data.index(b"/Length")) + 60


def test_pyhanko_finds_the_signature_intact_trusted_and_covering_the_whole_file(
    signed, certificate
):
    (embedded,) = PdfFileReader(io.BytesIO(signed)).embedded_signatures
    status = validate_pdf_signature(
        embedded, ValidationContext(trust_roots=[_root_asn1()], allow_fetching=False)
    )
    assert status.intact and status.valid and status.trusted
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert status.signing_cert.subject.native["common_name"] == (
        certificate.issuing_body.name
    )


def test_the_verdict_on_the_pdf_as_issued_is_genuine_with_the_signer(
    signed, certificate
):
    check = verify_signed_pdf(signed)
    assert check.verdict == PdfVerdict.GENUINE
    assert check.signer == certificate.issuing_body.name
    assert certificate.issuing_body.name in check.message


def test_one_changed_byte_in_the_signed_range_makes_it_changed(signed):
    tampered = _flip(signed, _signed_range_position(signed))
    (embedded,) = PdfFileReader(io.BytesIO(tampered)).embedded_signatures
    status = validate_pdf_signature(
        embedded, ValidationContext(trust_roots=[_root_asn1()], allow_fetching=False)
    )
    assert not status.intact
    assert verify_signed_pdf(tampered).verdict == PdfVerdict.CHANGED


def test_bytes_added_after_the_signature_make_it_changed(signed):
    appended = signed + b"\n1 0 obj\n(added later)\nendobj\n"
    assert verify_signed_pdf(appended).verdict == PdfVerdict.CHANGED


@pytest.mark.parametrize(
    "cut", [lambda d: d[: len(d) // 2], lambda d: d[:-40], lambda d: d[:5]]
)
def test_a_truncated_pdf_gets_a_clear_verdict(signed, cut):
    check = verify_signed_pdf(cut(signed))
    assert check.verdict == PdfVerdict.UNREADABLE
    assert "truncated" in check.message


@pytest.mark.parametrize(
    "data", [b"", b"hello", b"\x00" * 1000, b"%PDF-1.7\n" + b"\xff" * 500]
)
def test_garbage_is_a_verdict_not_an_error(data):
    assert verify_signed_pdf(data).verdict == PdfVerdict.UNREADABLE


def test_a_file_over_the_size_cap_is_refused_unread():
    data = b"%PDF-1.7\n" + b"0" * MAX_PDF_BYTES
    assert verify_signed_pdf(data).verdict == PdfVerdict.UNREADABLE


def test_an_unsigned_pdf_is_not_signed(certificate):
    assert verify_signed_pdf(unsigned_pdf(certificate)).verdict == (
        PdfVerdict.NOT_SIGNED
    )


def test_a_pdf_signed_under_another_authority_is_an_unknown_signer(signed, certificate):
    root_key, key = signing.new_key(), signing.new_key()
    root = signing.make_root(key=root_key, name="Someone Else's CA")
    other = signing.SigningIdentity(
        certificate=signing.make_signer(
            key=key, name="Forged Centre", root=root, root_key=root_key
        ),
        key=key,
        chain=(root,),
    )
    forged = signing.sign_pdf(
        unsigned_pdf(certificate), identity=other, reason="x", location="y"
    )
    check = verify_signed_pdf(forged)
    assert check.verdict == PdfVerdict.UNKNOWN_SIGNER
    assert check.signer == "Forged Centre"


def test_each_body_signs_with_its_own_certificate_under_one_root(certificate):
    other = SkillCertificateFactory(
        issuing_body=IssuingBodyFactory(name="Fujian Centre", name_zh="")
    )
    assert verify_signed_pdf(certificate_pdf(certificate)).genuine
    assert verify_signed_pdf(certificate_pdf(other)).signer == "Fujian Centre"
    assert SigningCertificate.objects.filter(kind="root").count() == 1
    assert SigningCertificate.objects.filter(kind="body").count() == 2


def test_private_keys_are_stored_encrypted_under_the_secret(signed):
    row = SigningCertificate.objects.get(kind="body")
    key = signing.decrypt_key(row.encrypted_key)
    pkcs8 = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    assert pkcs8 not in row.encrypted_key.encode()
    assert "PRIVATE KEY" not in row.encrypted_key
    with override_settings(PDF_SIGNING_SECRET="another-secret"):
        with pytest.raises(signing.SigningUnavailable, match="PDF_SIGNING_SECRET"):
            signing.decrypt_key(row.encrypted_key)


def _write_files(tmp_path):
    root_key, key = signing.new_key(), signing.new_key()
    root = signing.make_root(key=root_key, name="Production CA")
    certificate = signing.make_signer(
        key=key, name="Production Signer", root=root, root_key=root_key
    )
    paths = {
        "PDF_SIGNING_CERT_FILE": tmp_path / "signer.pem",
        "PDF_SIGNING_KEY_FILE": tmp_path / "signer.key",
        "PDF_SIGNING_CA_FILE": tmp_path / "ca.pem",
    }
    paths["PDF_SIGNING_CERT_FILE"].write_text(signing.pem(certificate))
    paths["PDF_SIGNING_KEY_FILE"].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"pass-phrase"),
        )
    )
    paths["PDF_SIGNING_CA_FILE"].write_text(signing.pem(root))
    return {name: str(path) for name, path in paths.items()}


def test_production_signs_with_the_files_and_trusts_their_root(tmp_path, certificate):
    files = _write_files(tmp_path)
    with override_settings(
        PDF_SIGNING_MODE="files", PDF_SIGNING_KEY_PASSWORD="pass-phrase", **files
    ):
        assert pdf_signing_check() == []
        check = verify_signed_pdf(certificate_pdf(certificate))
    assert check.verdict == PdfVerdict.GENUINE
    assert check.signer == "Production Signer"
    assert not SigningCertificate.objects.exists()  # nothing kept in the database


def test_the_system_check_refuses_settings_that_cannot_sign(tmp_path):
    with override_settings(PDF_SIGNING_MODE="files", PDF_SIGNING_CERT_FILE=""):
        (error,) = pdf_signing_check()
    assert error.id == "lms.E030" and "PDF_SIGNING_CERT_FILE" in error.msg
    with override_settings(PDF_SIGNING_MODE="database", PDF_SIGNING_SECRET=""):
        (error,) = pdf_signing_check()
    assert "PDF_SIGNING_SECRET" in error.msg
    files = _write_files(tmp_path)
    with override_settings(PDF_SIGNING_MODE="files", **files):  # no pass-phrase
        (error,) = pdf_signing_check()
    assert "do not load" in error.msg
