"""Open Badges credentials on the web: the holder's downloads (the signed .json
and the baked badge PNG) and the public documents verifiers fetch (an issuer's
DID document and its status lists), served to anyone, cross-origin."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404

from lms.certification import selectors
from lms.certification.credentials import baking, documents, emblem
from lms.certification.services import credentials as services
from lms.models import IssuerKey, IssuingBody

PUBLIC_MAX_AGE = 300  # status lists change when a certificate is revoked


def _public(response: HttpResponse, max_age: int = PUBLIC_MAX_AGE) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={max_age}"
    return response


def did_document(request, body: int):
    issuing_body = get_object_or_404(IssuingBody, pk=body)
    keys = IssuerKey.objects.filter(issuing_body=issuing_body)
    return _public(
        JsonResponse(
            documents.did_document(issuing_body, keys),
            content_type="application/did+json",
        )
    )


def status_list(request, body: int, purpose: str, number: int):
    if purpose not in documents.PURPOSES:
        raise Http404
    issuing_body = get_object_or_404(IssuingBody, pk=body)
    signed = services.status_list_signed(
        body=issuing_body, purpose=purpose, number=number
    )
    return _public(JsonResponse(signed, content_type="application/vc+ld+json"))


def _signed_for(request, pk: int) -> tuple:
    certificate = selectors.certificate_detail(user=request.user, pk=pk)
    record = services.credential_for_certificate(certificate=certificate)
    return certificate, services.credential_signed(record=record)


def _download(response: HttpResponse, name: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def credential_json(request, pk: int):
    certificate, signed = _signed_for(request, pk)
    body = json.dumps(signed, ensure_ascii=False, indent=2).encode()
    return _download(
        HttpResponse(body, content_type="application/vc+ld+json; charset=utf-8"),
        f"credential-{certificate.pk}.json",
    )


@login_required
def credential_badge(request, pk: int):
    certificate, signed = _signed_for(request, pk)
    text = json.dumps(signed, ensure_ascii=False, separators=(",", ":"))
    png = baking.bake_png(emblem.medal(certificate.level), text)
    return _download(
        HttpResponse(png, content_type="image/png"), f"badge-{certificate.pk}.png"
    )


@login_required
def completion_credential_json(request, uuid):
    """A course completion's credential, to its holder only (404 otherwise)."""
    record = get_object_or_404(
        selectors.completion_credentials_for(holder=request.user), uuid=uuid
    )
    signed = services.credential_signed(record=record)
    body = json.dumps(signed, ensure_ascii=False, indent=2).encode()
    return _download(
        HttpResponse(body, content_type="application/vc+ld+json; charset=utf-8"),
        f"credential-{record.uuid}.json",
    )
