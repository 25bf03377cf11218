"""Open Badges credentials end to end, checked by the independent verifier
(tests/lms/certification/independent_verifier.py, which imports none of our
code): issue, download, any one-byte change, the status lists flipping on
revocation, suspension and renewal, key rotation, and keys kept out of dumps and
logs."""

import datetime
import io
import json
import logging

import pytest
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lms.certification.credentials import keys as key_crypto
from lms.certification.credentials.checks import credential_keys_secret_check
from lms.certification.credentials.multibase import b58encode, multibase_encode
from lms.certification.services import (
    certificate_record,
    certificate_renew,
    certificate_revoke,
    certificate_suspend,
    completion_credential_issue,
    credential_signed,
    credentials_issue,
    issuer_key_active,
    issuer_key_rotate,
)
from lms.models import IssuedCredential, IssuerKey, SkillCertificate, SkillLevel
from tests.lms.certification import independent_verifier as iv
from tests.lms.certification.factories import SkillCertificateFactory, officer
from tests.lms.factories import OccupationFactory, UserFactory

pytestmark = pytest.mark.django_db


def fetcher(client):
    """Fetches a published document through the test client (did:web asks for
    https; the test site answers on http://testserver)."""

    def fetch(url: str) -> dict:
        path = "/" + url.split("://", 1)[1].split("/", 1)[1]
        response = client.get(path)
        assert response.status_code == 200, (url, response.status_code)
        assert response["Access-Control-Allow-Origin"] == "*"
        return json.loads(response.content)

    return fetch


def record(holder=None, **kwargs):
    return certificate_record(
        actor=officer(),
        holder=holder or UserFactory(display_name="Wang Fang"),
        occupation=OccupationFactory(name="Welder", name_zh="焊工"),
        level=SkillLevel.SENIOR_WORKER,  # 三级, "Level 3 / Senior worker"
        number=kwargs.pop("number", "6100-2024-0001"),
        issuer_kind=SkillCertificate.IssuerKind.OUTSIDE,
        issuer_name="Shaanxi Vocational Skill Appraisal Centre",
        issued_on=datetime.date(2024, 3, 1),
        valid_until=datetime.date(2030, 3, 1),
        **kwargs,
    )


def download(client, certificate) -> dict:
    client.force_login(certificate.holder)
    response = client.get(
        reverse("certification:credential_json", args=[certificate.pk])
    )
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    return json.loads(response.content)


def test_a_certificate_gets_its_credential_record_once_at_first_download(client):
    certificate = record()
    assert not IssuedCredential.objects.exists()  # issuing costs nothing extra
    first = download(client, certificate)
    second = download(client, certificate)
    credential = IssuedCredential.objects.get(certificate=certificate)
    assert first["id"] == second["id"] == f"urn:uuid:{credential.uuid}"
    assert 0 <= credential.status_index < 131_072


def test_bulk_issue_gives_each_certificate_its_own_place_once():
    certificates = [SkillCertificateFactory() for _ in range(5)]
    assert credentials_issue(certificates=certificates) == 5
    assert credentials_issue(certificates=certificates) == 0
    places = set(IssuedCredential.objects.values_list("status_list", "status_index"))
    assert len(places) == 5


def test_the_holders_download_is_an_open_badge_the_independent_verifier_accepts(client):
    certificate = record()
    document = download(client, certificate)
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert document["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    achievement = document["credentialSubject"]["achievement"]
    assert achievement["name"].startswith("Welder — Level 3")
    assert "焊工" in achievement["description"]  # both languages, as OB allows
    assert "三级" in achievement["description"]  # the level's Chinese label too
    assert document["validUntil"].startswith("2030-03-01")
    assert document["issuer"]["id"].startswith("did:web:testserver:issuers:")
    assert iv.verify_credential(document, fetcher(client)) == {
        "revocation": False,
        "suspension": False,
    }


def test_any_one_byte_change_fails_independent_verification(client):
    """Whatever byte of the compact credential changes, to whatever value, the
    independent verifier refuses it (bad JSON, an unknown term or context, or a
    signature that no longer matches)."""
    document = download(client, record())
    data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    key = iv.resolve_key(document["proof"]["verificationMethod"], fetcher(client))
    iv.check_proof(json.loads(data), key)

    @settings(
        max_examples=120,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    @given(position=st.integers(0, len(data) - 1), delta=st.integers(1, 255))
    def changed_byte_is_refused(position, delta):
        changed = bytearray(data)
        changed[position] = (changed[position] + delta) % 256
        with pytest.raises(Exception):  # noqa: B017 - any refusal will do
            iv.check_proof(json.loads(bytes(changed)), key)

    changed_byte_is_refused()


@pytest.mark.parametrize(
    ("change", "purpose"),
    [
        (
            lambda c: certificate_revoke(
                actor=officer(), certificate=c, reason="Fraud"
            ),
            "revocation",
        ),
        (
            lambda c: certificate_suspend(
                actor=officer(), certificate=c, reason="Audit"
            ),
            "suspension",
        ),
        (
            lambda c: certificate_renew(
                actor=officer(),
                certificate=c,
                number="6100-2027-0002",
                issued_on=datetime.date(2027, 3, 1),
                valid_until=None,
            ),
            "revocation",
        ),
    ],
    ids=["revoked", "suspended", "superseded"],
)
def test_the_status_list_bit_flips_when_the_certificate_changes(
    client, change, purpose
):
    certificate = record()
    document = download(client, certificate)
    fetch = fetcher(client)
    assert iv.verify_credential(document, fetch)[purpose] is False
    change(certificate)
    bits = iv.verify_credential(document, fetch)
    assert bits[purpose] is True
    assert sum(bits.values()) == 1


def test_status_lists_are_served_with_short_public_caching(client):
    certificate = record()
    entry = download(client, certificate)["credentialStatus"][0]
    path = "/" + entry["statusListCredential"].split("/", 3)[3]
    response = client.get(path)
    assert response["Cache-Control"] == "public, max-age=300"
    assert client.get(path.replace("revocation", "refresh")).status_code == 404


def test_after_rotation_old_credentials_verify_and_new_ones_use_the_new_key(client):
    certificate = record()
    before = download(client, certificate)
    old_key = IssuerKey.objects.get()
    new_key = issuer_key_rotate(body=old_key.issuing_body)
    fetch = fetcher(client)
    did = fetch(iv.did_web_url(before["issuer"]["id"]))
    assert {m["publicKeyMultibase"] for m in did["verificationMethod"]} == {
        old_key.public_key,
        new_key.public_key,
    }
    assert iv.verify_credential(before, fetch) == {
        "revocation": False,
        "suspension": False,
    }
    after = download(client, certificate)
    assert after["proof"]["verificationMethod"].endswith(new_key.public_key)
    iv.verify_credential(after, fetch)


def test_rotate_command_rotates_one_body_or_refuses_an_unknown_one():
    certificate = record()
    body = certificate.issuing_body
    issuer_key_active(body=body)
    out = io.StringIO()
    call_command("rotate_credential_keys", "--body", str(body.pk), stdout=out)
    assert IssuerKey.objects.filter(issuing_body=body).count() == 2
    assert f"issuers:{body.pk}: new key z6Mk" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("rotate_credential_keys", "--body", "999999")


def _private_forms(key: IssuerKey) -> list[str]:
    raw = key_crypto.decrypt_private_key(key.private_key_encrypted)
    import base64

    return [
        raw.hex(),
        base64.b64encode(raw).decode(),
        base64.urlsafe_b64encode(raw).decode().rstrip("="),
        b58encode(raw),
        multibase_encode(b"\x80\x26" + raw),
    ]


def test_private_keys_appear_in_no_dump_log_or_command_output(client, caplog):
    caplog.set_level(logging.DEBUG)
    certificate = record()
    download(client, certificate)
    out = io.StringIO()
    call_command("rotate_credential_keys", stdout=out)
    download(client, certificate)
    dump = io.StringIO()
    call_command("dumpdata", "lms", stdout=dump)
    texts = [dump.getvalue(), out.getvalue(), caplog.text]
    for key in IssuerKey.objects.all():
        assert repr(key).find(key.public_key) > 0
        for form in _private_forms(key):
            assert not any(form in text for text in texts)


def test_keys_are_encrypted_at_rest_with_the_environments_secret(settings):
    key = issuer_key_active(body=record().issuing_body)
    raw = key_crypto.decrypt_private_key(key.private_key_encrypted)
    assert raw not in bytes(key.private_key_encrypted)
    settings.CREDENTIAL_KEYS_SECRET = "another-secret"
    with pytest.raises(ImproperlyConfigured):
        key_crypto.decrypt_private_key(key.private_key_encrypted)


def test_the_signing_keys_have_no_admin_screen():
    from wagtail.snippets.models import get_snippet_models

    assert IssuerKey not in get_snippet_models()


def test_a_site_without_the_keys_secret_fails_its_start_up_check(settings):
    assert credential_keys_secret_check() == []
    settings.CREDENTIAL_KEYS_SECRET = ""
    (error,) = credential_keys_secret_check()
    assert error.level == checks.ERROR and error.id == "lms.E010"


def test_a_completion_credential_is_issued_once_and_verifies(client):
    holder = UserFactory(display_name="Li Na")
    first = completion_credential_issue(
        holder=holder,
        source_key="course-completion:7",
        title="Loom maintenance",
        title_zh="织机维护",
        completed_on=datetime.date(2026, 5, 1),
    )
    again = completion_credential_issue(
        holder=holder,
        source_key="course-completion:7",
        title="Loom maintenance",
        completed_on=datetime.date(2026, 5, 1),
    )
    assert again.pk == first.pk
    document = credential_signed(record=first)
    achievement = document["credentialSubject"]["achievement"]
    assert achievement["achievementType"] == "CertificateOfCompletion"
    assert "织机维护" in achievement["description"]
    assert iv.verify_credential(document, fetcher(client)) == {
        "revocation": False,
        "suspension": False,
    }


def test_the_holder_lists_and_downloads_completion_credentials_nobody_else(client):
    holder = UserFactory()
    credential = completion_credential_issue(
        holder=holder,
        source_key="course-completion:9",
        title="Spinning frame basics",
        completed_on=datetime.date(2026, 4, 2),
    )
    url = reverse("certification:completion_credential_json", args=[credential.uuid])
    client.force_login(holder)
    page = client.get(reverse("certification:mine")).content.decode()
    assert "Spinning frame basics" in page and url in page
    iv.verify_credential(json.loads(client.get(url).content), fetcher(client))
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404


def test_another_persons_credential_is_not_found(client):
    certificate = record()
    client.force_login(UserFactory())
    url = reverse("certification:credential_json", args=[certificate.pk])
    assert client.get(url).status_code == 404
