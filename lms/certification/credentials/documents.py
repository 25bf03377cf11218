"""The JSON-LD documents we publish, unsigned: the Open Badges 3.0 credential of
a certificate or a completion, the issuer's Profile and DID document, and a
Bitstring Status List credential. ``did:web`` names each issuing body by the
site's host (``SITE_URL``) and the body's id."""

from __future__ import annotations

import datetime
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from .jsonld import OB_V3, VC_V2

PURPOSES = ("revocation", "suspension")


def site_host() -> str:
    """The DID method-specific id of the site: its host, a port as ``%3A``."""
    return quote(urlsplit(settings.SITE_URL).netloc, safe="")


def issuer_did(body_pk: int) -> str:
    return f"did:web:{site_host()}:issuers:{body_pk}"


def body_pk_from_did(did: str) -> int | None:
    """The issuing body's id of one of our DIDs, or None for any other DID."""
    prefix = f"did:web:{site_host()}:issuers:"
    if not did.startswith(prefix) or not did[len(prefix) :].isdigit():
        return None
    return int(did[len(prefix) :])


def verification_method(body_pk: int, public_key: str) -> str:
    return f"{issuer_did(body_pk)}#{public_key}"


def status_list_url(body_pk: int, purpose: str, number: int) -> str:
    path = reverse(
        "credentials:status_list",
        kwargs={"body": body_pk, "purpose": purpose, "number": number},
    )
    return settings.SITE_URL + path


def xsd_datetime(value: datetime.datetime) -> str:
    return timezone.localtime(value).isoformat(timespec="seconds")


def _day_start(day: datetime.date) -> str:
    return xsd_datetime(
        timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    )


def _day_end(day: datetime.date) -> str:
    moment = datetime.datetime.combine(day, datetime.time(23, 59, 59))
    return xsd_datetime(timezone.make_aware(moment))


def both_languages(english: str, chinese: str) -> str:
    """OB 3.0's ``name`` and ``description`` are plain strings: English, then the
    Chinese on its own line when it differs."""
    return english if not chinese or chinese == english else f"{english}\n{chinese}"


def in_both(text) -> tuple[str, str]:
    """A lazy translatable string in English and in Simplified Chinese."""
    with translation.override("en"):
        english = str(text)
    with translation.override("zh-hans"):
        chinese = str(text)
    return english, chinese


def issuer_profile(body) -> dict:
    return {
        "id": issuer_did(body.pk),
        "type": ["Profile"],
        "name": body.name or body.name_zh,
        "description": both_languages(body.name, body.name_zh),
        "url": settings.SITE_URL + "/",
    }


def _label(instance, field: str):
    """The lazy (untranslated) label of a choice field's value."""
    choices = dict(instance._meta.get_field(field).flatchoices)
    return choices.get(getattr(instance, field), getattr(instance, field))


def certificate_achievement(certificate) -> dict:
    occupation = certificate.occupation
    level_en, level_zh = in_both(_label(certificate, "level"))
    evidence_en, evidence_zh = in_both(_label(certificate, "evidence_kind"))
    name_en = f"{occupation.name} — {level_en}"
    name_zh = f"{occupation.name_zh or occupation.name} — {level_zh}"
    with translation.override("en"):
        what_en = gettext("Vocational skill certificate")
    with translation.override("zh-hans"):
        what_zh = gettext("Vocational skill certificate")
    return {
        "id": f"{settings.SITE_URL}/achievements/{occupation.code}/{certificate.level}",
        "type": ["Achievement"],
        "achievementType": "Certification",
        "name": name_en,
        "description": both_languages(f"{what_en}: {name_en}", f"{what_zh}：{name_zh}"),
        "criteria": {
            "narrative": both_languages(
                f"{evidence_en}: {certificate.evidence_detail}".rstrip(": "),
                f"{evidence_zh}：{certificate.evidence_detail}".rstrip("："),
            )
        },
        "humanCode": occupation.code,
        "fieldOfStudy": both_languages(occupation.name, occupation.name_zh),
    }


def _status_entry(record, purpose: str) -> dict:
    url = status_list_url(record.issuing_body_id, purpose, record.status_list)
    return {
        "id": f"{url}#{record.status_index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        "statusListIndex": str(record.status_index),
        "statusListCredential": url,
    }


def credential(*, record, holder_name: str, achievement: dict, valid_until) -> dict:
    """The unsigned OpenBadgeCredential of an ``IssuedCredential``."""
    subject = {
        "type": ["AchievementSubject"],
        "identifier": [
            {
                "type": "IdentityObject",
                "identityType": "name",
                "hashed": False,
                "identityHash": holder_name,
            }
        ],
        "achievement": achievement,
    }
    if record.certificate_id:
        subject["licenseNumber"] = record.certificate.number
    document = {
        "@context": [VC_V2, OB_V3],
        "id": f"urn:uuid:{record.uuid}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": achievement["name"],
        "issuer": issuer_profile(record.issuing_body),
        "validFrom": _day_start(record.issued_on),
        "credentialSubject": subject,
        "credentialStatus": [_status_entry(record, p) for p in PURPOSES],
    }
    if valid_until is not None:
        document["validUntil"] = _day_end(valid_until)
    return document


def status_list_credential(*, body_pk: int, purpose: str, number: int, encoded: str):
    url = status_list_url(body_pk, purpose, number)
    return {
        "@context": [VC_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_did(body_pk),
        "validFrom": xsd_datetime(timezone.now()),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": encoded,
        },
    }


def did_document(body, keys) -> dict:
    """Every key the body ever had: a rotated-out key still verifies what it
    signed while it was active (rotation limits new use; it does not revoke)."""
    did = issuer_did(body.pk)
    methods = [
        {
            "id": verification_method(body.pk, key.public_key),
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": key.public_key,
        }
        for key in keys
    ]
    return {
        "@context": [
            "https://www.w3.org/ns/did/v1",
            "https://w3id.org/security/multikey/v1",
        ],
        "id": did,
        "alsoKnownAs": [settings.SITE_URL + "/"],
        "verificationMethod": methods,
        "assertionMethod": [m["id"] for m in methods],
    }
