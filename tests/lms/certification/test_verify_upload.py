"""The verification page's upload: a clear verdict for genuine, changed, foreign,
rotated-out, revoked, suspended, superseded and expired credentials, and for
files that are not credentials at all (bombs included); never a 500, nothing
stored."""

import datetime
import json
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from lms.certification.credentials import documents, keys, proofs
from lms.certification.credentials.multibase import public_multikey
from lms.certification.services import (
    certificate_revoke,
    certificate_suspend,
    issuer_key_rotate,
)
from lms.models import AuditEvent, IssuedCredential, IssuerKey, SkillCertificate
from tests.lms.certification.factories import officer
from tests.lms.certification.test_credentials import download, record
from tests.security.uploads import BAD_FILES as SHARED_BAD_FILES

pytestmark = pytest.mark.django_db


def upload(client, name: str, data: bytes, language: str = "en"):
    with translation.override(language):
        url = reverse("certification:verify_upload")
    return client.post(url, {"file": SimpleUploadedFile(name, data)})


def verdict(response) -> str:
    body = response.content.decode()
    marker = 'data-verdict="'
    return body[body.index(marker) + len(marker) :].split('"', 1)[0]


def status(response) -> str:
    body = response.content.decode()
    marker = 'data-status="'
    return body[body.index(marker) + len(marker) :].split('"', 1)[0]


def as_json(document) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode()


def test_a_downloaded_credential_is_genuine_current_and_names_its_issuer(client):
    document = download(client, record())
    client.logout()
    response = upload(client, "credential.json", as_json(document))
    assert response.status_code == 200
    assert verdict(response) == "genuine" and status(response) == "valid"
    body = response.content.decode()
    assert "Shaanxi Vocational Skill Appraisal Centre" in body
    assert "6100-2024-0001" in body


def test_the_baked_badge_image_verifies_like_the_json(client):
    certificate = record()
    client.force_login(certificate.holder)
    png = client.get(reverse("certification:credential_badge", args=[certificate.pk]))
    assert png["Content-Type"] == "image/png"
    assert verdict(upload(client, "badge.png", png.content)) == "genuine"


def test_a_baked_svg_verifies(client):
    text = as_json(download(client, record())).decode()
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">'
        f"<openbadges:credential><![CDATA[{text}]]></openbadges:credential></svg>"
    )
    assert verdict(upload(client, "badge.svg", svg.encode())) == "genuine"


def test_one_character_changed_is_tampered(client):
    document = download(client, record())
    document["credentialSubject"]["achievement"]["name"] = document[
        "credentialSubject"
    ]["achievement"]["name"].replace("Level 3", "Level 1")
    response = upload(client, "credential.json", as_json(document))
    assert response.status_code == 200 and verdict(response) == "tampered"


def test_a_field_added_after_signing_is_tampered(client):
    document = download(client, record())
    document["credentialSubject"]["extraClaim"] = "I am also a chief technician"
    assert verdict(upload(client, "c.json", as_json(document))) == "tampered"


def test_a_key_we_never_published_is_unknown(client):
    document = download(client, record())
    private, public = keys.new_key_pair()
    body_pk = IssuerKey.objects.get().issuing_body_id
    forged = proofs.sign(
        {k: v for k, v in document.items() if k != "proof"},
        private_key=private,
        verification_method=documents.verification_method(
            body_pk, public_multikey(public)
        ),
        created="2026-01-01T00:00:00+08:00",
    )
    assert verdict(upload(client, "c.json", as_json(forged))) == "unknown_key"


def test_a_credential_signed_elsewhere_is_unknown(client):
    from pathlib import Path

    vector = Path(__file__).parent / "vectors" / "signedDataInt.json"
    response = upload(client, "alumni.json", vector.read_bytes())
    assert verdict(response) == "unknown_key"


def test_a_rotated_out_key_still_verifies_what_it_signed(client):
    """Rotation retires a key for new signatures; it stays published, so what it
    signed before stays genuine (a compromised key would need revoking, which
    rotation is not)."""
    certificate = record()
    document = download(client, certificate)
    issuer_key_rotate(body=certificate.issuing_body)
    assert verdict(upload(client, "c.json", as_json(document))) == "genuine"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda c: certificate_revoke(actor=officer(), certificate=c, reason="x"),
            "revoked",
        ),
        (
            lambda c: certificate_suspend(actor=officer(), certificate=c, reason="x"),
            "suspended",
        ),
        (
            lambda c: SkillCertificate.objects.filter(pk=c.pk).update(superseded=True),
            "superseded",
        ),
        (
            lambda c: SkillCertificate.objects.filter(pk=c.pk).update(
                valid_until=datetime.date(2025, 1, 1)
            ),
            "expired",
        ),
    ],
)
def test_a_genuine_credential_says_whether_it_is_still_current(
    client, change, expected
):
    certificate = record()
    document = download(client, certificate)
    change(certificate)
    response = upload(client, "c.json", as_json(document))
    assert verdict(response) == "genuine" and status(response) == expected
    assert "no longer current" in response.content.decode()


BAD_FILES = {
    "deep nesting": ("bomb.json", b"[" * 200_000 + b"]" * 200_000),
    "huge string": ("big.json", b'{"a": "' + b"x" * 300_000 + b'"}'),
    "too many values": ("many.json", b"[" + b"1," * 100_000 + b"1]"),
    "over the size cap": ("huge.json", b" " * (600 * 1024) + b"{}"),
    "not json": ("garbage.json", bytes(range(256)) * 10),
    "json but no proof": ("plain.json", b'{"@context": [], "name": "x"}'),
    "a list": ("list.json", b"[1, 2, 3]"),
    "svg without credential": (
        "logo.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg"/>',
    ),
    "truncated png": ("cut.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00"),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_files_that_are_not_credentials_get_a_clear_verdict(client, name):
    filename, data = BAD_FILES[name]
    before = (IssuedCredential.objects.count(), AuditEvent.objects.count())
    response = upload(client, filename, data)
    assert response.status_code == 200
    assert verdict(response) == "unreadable"
    assert (IssuedCredential.objects.count(), AuditEvent.objects.count()) == before


@pytest.mark.parametrize("case", list(SHARED_BAD_FILES))
def test_the_upload_forms_shared_bad_files_get_a_verdict(client, case):
    """The files every upload form is tried with (tests/security/uploads.py)."""
    filename, data = SHARED_BAD_FILES[case]
    response = upload(client, filename, data)
    assert response.status_code == 200 and verdict(response) == "unreadable"


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body)
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def test_an_image_bomb_png_is_read_without_decoding_its_pixels(client):
    """A 100 000 × 100 000 PNG (its pixels never decoded) with no credential."""
    ihdr = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 1_000_000, 9)
    png = (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", ihdr)
        + _chunk(b"IDAT", idat)
        + _chunk(b"IEND", b"")
    )
    response = upload(client, "bomb.png", png)
    assert verdict(response) == "unreadable"
    assert "carries no Open Badges credential" in response.content.decode()


def test_a_compressed_credential_chunk_that_inflates_without_end_is_refused(client):
    bomb = zlib.compress(b"{" * 20_000_000, 9)
    itxt = b"openbadgecredential\0\x01\x00\0\0" + bomb
    png = b"\x89PNG\r\n\x1a\n" + _chunk(b"iTXt", itxt) + _chunk(b"IEND", b"")
    assert verdict(upload(client, "bomb.png", png)) == "unreadable"


def test_a_pdf_goes_to_the_pdf_signature_check(client):
    """A PDF cut short gets the PDF check's own verdict on the same page."""
    response = upload(client, "certificate.pdf", b"%PDF-1.7\n%...")
    assert response.status_code == 200
    assert verdict(response) == "unreadable"


def test_uploads_are_rate_limited_per_address(client, settings):
    settings.VERIFY_UPLOAD_RATE_LIMIT = 2
    for _ in range(2):
        assert upload(client, "x.json", b"{}").status_code == 200
    assert upload(client, "x.json", b"{}").status_code == 429


def test_no_file_is_a_form_error_and_a_get_goes_back_to_the_form(client):
    url = reverse("certification:verify_upload")
    assert client.post(url, {}).status_code == 400
    assert client.get(url)["Location"] == reverse("certification:verify_form")


def test_the_verdict_reads_in_chinese(client):
    certificate = record()
    type(certificate.issuing_body).objects.filter(
        pk=certificate.issuing_body_id
    ).update(name_zh="陕西省职业技能鉴定中心")
    document = download(client, certificate)
    client.logout()
    response = upload(client, "c.json", as_json(document), language="zh-hans")
    body = response.content.decode()
    assert verdict(response) == "genuine"
    assert "陕西省职业技能鉴定中心" in body and "有效" in body
    assert "真实" in body  # the verdict sentence, translated


def test_random_json_around_a_real_proof_never_raises(client):
    """Whatever JSON surrounds a genuine proof of ours, the service answers with a
    verdict (never an exception, so never a 500)."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from lms.certification.services.verification import verify_bytes

    proof = download(client, record())["proof"]
    values = st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                st.sampled_from(["@context", "type", "id", "@id", "name", "x"]), inner
            )
        ),
        max_leaves=12,
    )

    @settings(
        max_examples=80,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    @given(document=st.dictionaries(st.text(max_size=12), values, max_size=5))
    def any_document(document):
        document["proof"] = proof
        verdict = verify_bytes(json.dumps(document).encode())
        assert verdict.genuineness in ("tampered", "unreadable", "unknown_key")

    any_document()
