"""Open Badges credentials: issue one per certificate (or course completion) with
its place in the issuer's status lists, sign it when downloaded, rotate an
issuing body's key, and sign the status lists. A certificate's revocation,
suspension or renewal needs no write here: the lists are read from the
certificates' own flags whenever they are served."""

from __future__ import annotations

import datetime
import hashlib
import random

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.certification.credentials import documents, keys, proofs, statuslist
from lms.certification.credentials.multibase import public_multikey
from lms.certification.models.credentials import STATUS_LIST_SIZE
from lms.errors import DomainError
from lms.models import (
    IssuedCredential,
    IssuerKey,
    IssuingBody,
    SkillCertificate,
    User,
)

# A list is left for the next once this full: random indices stay cheap to find.
LIST_FILL = int(STATUS_LIST_SIZE * 0.9)
_random = random.SystemRandom()


def _lock(body: IssuingBody) -> IssuingBody:
    return IssuingBody.objects.select_for_update().get(pk=body.pk)


def issuer_key_active(*, body: IssuingBody) -> IssuerKey:
    """The body's signing key, made on first use."""
    key = IssuerKey.objects.filter(issuing_body=body, retired_at__isnull=True).first()
    if key is not None:
        return key
    with transaction.atomic():
        _lock(body)
        key = IssuerKey.objects.filter(
            issuing_body=body, retired_at__isnull=True
        ).first()
        return key or _new_key(body)


def _new_key(body: IssuingBody) -> IssuerKey:
    private, public = keys.new_key_pair()
    return IssuerKey.objects.create(
        issuing_body=body,
        public_key=public_multikey(public),
        private_key_encrypted=keys.encrypt_private_key(private),
    )


@transaction.atomic
def issuer_key_rotate(*, body: IssuingBody) -> IssuerKey:
    """A new active key for ``body``; the old one is retired but stays published
    in the DID document, so the credentials it signed still verify."""
    _lock(body)
    IssuerKey.objects.filter(issuing_body=body, retired_at__isnull=True).update(
        retired_at=timezone.now()
    )
    return _new_key(body)


def _body_for(certificate: SkillCertificate) -> IssuingBody:
    if certificate.issuing_body_id:
        return certificate.issuing_body
    from .certificates import issuing_body_for

    return issuing_body_for(certificate.issuer_name)


def _current_list(body: IssuingBody) -> int:
    number = (
        IssuedCredential.objects.filter(issuing_body=body).aggregate(
            n=Max("status_list")
        )["n"]
        or 0
    )
    used = IssuedCredential.objects.filter(issuing_body=body, status_list=number)
    return number + 1 if used.count() >= LIST_FILL else number


def _free_indices(body: IssuingBody, count: int) -> list[tuple[int, int]]:
    """``count`` unused (list, index) places, at random (a credential's index
    tells nothing about when it was issued). Called under the body's lock."""
    number = _current_list(body)
    taken = IssuedCredential.objects.filter(issuing_body=body, status_list=number)
    if count == 1:  # one issue: probe a few random places (the list is <= 90% full)
        for _try in range(20):
            index = _random.randrange(STATUS_LIST_SIZE)
            if not taken.filter(status_index=index).exists():
                return [(number, index)]
    places: list[tuple[int, int]] = []
    while len(places) < count:
        used = set(
            IssuedCredential.objects.filter(
                issuing_body=body, status_list=number
            ).values_list("status_index", flat=True)
        )
        want = min(count - len(places), max(LIST_FILL - len(used), 0))
        if want:
            free = [i for i in range(STATUS_LIST_SIZE) if i not in used]
            places += [(number, i) for i in _random.sample(free, want)]
        number += 1
    return places


@transaction.atomic
def credentials_issue(*, certificates: list[SkillCertificate]) -> int:
    """The credential records of these certificates (those without one), in bulk:
    one lock and one index draw per issuing body. Returns how many were made."""
    have = set(
        IssuedCredential.objects.filter(certificate__in=certificates).values_list(
            "certificate_id", flat=True
        )
    )
    by_body: dict[int, list] = {}
    bodies: dict[int, IssuingBody] = {}
    for certificate in certificates:
        if certificate.pk in have:
            continue
        body = _body_for(certificate)
        bodies[body.pk] = body
        by_body.setdefault(body.pk, []).append(certificate)
    made = 0
    for pk, group in by_body.items():
        body = _lock(bodies[pk])
        places = _free_indices(body, len(group))
        IssuedCredential.objects.bulk_create(
            IssuedCredential(
                issuing_body=body,
                holder_id=c.holder_id,
                certificate=c,
                issued_on=c.issued_on,
                status_list=number,
                status_index=index,
            )
            for c, (number, index) in zip(group, places, strict=True)
        )
        made += len(group)
    return made


def credential_for_certificate(*, certificate: SkillCertificate) -> IssuedCredential:
    """The certificate's credential record, made now for a certificate issued
    before credentials existed."""
    record = IssuedCredential.objects.filter(certificate=certificate).first()
    if record is None:
        try:
            credentials_issue(certificates=[certificate])
        except IntegrityError:  # a concurrent request made it
            pass
        record = IssuedCredential.objects.get(certificate=certificate)
    return record


@transaction.atomic
def completion_credential_issue(
    *,
    holder: User,
    source_key: str,
    title: str,
    title_zh: str = "",
    hours: str = "",
    completed_on: datetime.date,
) -> IssuedCredential:
    """The platform's credential for a completed course that gives no skill
    certificate: once per ``source_key`` (a second call returns the first)."""
    from .certificates import issuing_body_for, platform_issuer_name

    if not source_key:
        raise DomainError(_("A source key is required."), code="source_key")
    existing = IssuedCredential.objects.filter(source_key=source_key).first()
    if existing is not None:
        return existing
    body = _lock(issuing_body_for(platform_issuer_name()))
    ((number, index),) = _free_indices(body, 1)
    return IssuedCredential.objects.create(
        issuing_body=body,
        holder=holder,
        source_key=source_key,
        achievement={"name": title, "name_zh": title_zh, "hours": str(hours)},
        issued_on=completed_on,
        status_list=number,
        status_index=index,
    )


def _completion_achievement(record: IssuedCredential) -> dict:
    data = record.achievement
    english, chinese = documents.in_both(_("Course completed"))
    return {
        "id": f"urn:uuid:{record.uuid}#achievement",
        "type": ["Achievement"],
        "achievementType": "CertificateOfCompletion",
        "name": data.get("name") or data.get("name_zh") or english,
        "description": documents.both_languages(
            f"{english}: {data.get('name', '')}",
            f"{chinese}：{data.get('name_zh') or data.get('name', '')}",
        ),
        "criteria": {"narrative": documents.both_languages(english, chinese)},
    }


def credential_signed(*, record: IssuedCredential) -> dict:
    """The credential as JSON-LD with a fresh ``eddsa-rdfc-2022`` proof by the
    body's active key (signed on each download: always the current facts)."""
    certificate = record.certificate
    if certificate is not None:
        achievement = documents.certificate_achievement(certificate)
        holder_name = certificate.holder_display_name
        valid_until = certificate.valid_until
    else:
        achievement = _completion_achievement(record)
        holder_name = record.holder.get_full_name()
        valid_until = None
    document = documents.credential(
        record=record,
        holder_name=holder_name,
        achievement=achievement,
        valid_until=valid_until,
    )
    return _sign(record.issuing_body, document)


def _sign(body: IssuingBody, document: dict) -> dict:
    key = issuer_key_active(body=body)
    return proofs.sign(
        document,
        private_key=keys.decrypt_private_key(key.private_key_encrypted),
        verification_method=documents.verification_method(body.pk, key.public_key),
        created=documents.xsd_datetime(timezone.now().replace(microsecond=0)),
    )


def flagged_q(purpose: str) -> Q:
    """The credentials whose bit is set in a list of ``purpose``: revocation
    covers revoked and superseded certificates (neither comes back),
    suspension the suspended ones."""
    if purpose == "revocation":
        return Q(certificate__revoked=True) | Q(certificate__superseded=True)
    return Q(certificate__suspended=True)


def status_list_signed(*, body: IssuingBody, purpose: str, number: int) -> dict:
    """The signed BitstringStatusListCredential, cached by what it says (the set
    bits and the signing key): a revocation changes the key, nothing to forget."""
    if purpose not in documents.PURPOSES:
        raise DomainError(_("Unknown status purpose."), code="purpose")
    indices = sorted(
        IssuedCredential.objects.filter(issuing_body=body, status_list=number)
        .filter(flagged_q(purpose))
        .values_list("status_index", flat=True)
    )
    key = issuer_key_active(body=body)
    digest = hashlib.sha256(",".join(map(str, indices)).encode()).hexdigest()
    cache_key = f"credentials:status:{body.pk}:{purpose}:{number}:{key.pk}:{digest}"
    signed = cache.get(cache_key)
    if signed is None:
        document = documents.status_list_credential(
            body_pk=body.pk,
            purpose=purpose,
            number=number,
            encoded=statuslist.encode(indices, STATUS_LIST_SIZE),
        )
        signed = _sign(body, document)
        cache.set(cache_key, signed, timeout=24 * 3600)
    return signed
