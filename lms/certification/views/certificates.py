"""Certificate pages: the holder's list and ladder, one certificate, its PDF, and the
officer's record, renew, correct, suspend and revoke actions."""

from __future__ import annotations

import os

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from lms.certification import selectors
from lms.certification.forms import (
    CertificateEditForm,
    CertificateRecordForm,
    CertificateRenewForm,
    ReasonForm,
)
from lms.certification.pdf import certificate_pdf, verification_url
from lms.certification.permissions import certificate_policy
from lms.certification.services import certificates as services
from lms.errors import DomainError
from lms.private_files import serve_private


def _officer_only(user) -> None:
    if not certificate_policy.user_has_permission(user, "record"):
        raise PermissionDenied


@login_required
def mine(request):
    """Every signed-in person: their certificates and the skill-level ladder."""
    return render(
        request,
        "lms/certificates/mine.html",
        {
            "certificates": selectors.certificates_for_holder(holder=request.user),
            "completion_credentials": selectors.completion_credentials_for(
                holder=request.user
            ),
            "ladder": selectors.ladder_for(person=request.user),
        },
    )


@login_required
def detail(request, pk: int):
    certificate = selectors.certificate_detail(user=request.user, pk=pk)
    return _detail_page(request, certificate)


def _detail_page(request, certificate, status: int = 200):
    may = certificate_policy.user_has_permission_for_instance
    return render(
        request,
        "lms/certificates/detail.html",
        {
            "certificate": certificate,
            "chain": selectors.renewal_chain(certificate=certificate),
            "verify_url": verification_url(certificate),
            "show_history": may(request.user, "view_history", certificate),
            "can_change": may(request.user, "revoke", certificate),
            "reason_form": ReasonForm(),
        },
        status=status,
    )


@login_required
def attachment(request, pk: int, attachment_id: int):
    """A scan of a certificate, to those who may see the certificate: the scan has
    no public address (lms/private_files.py)."""
    certificate = selectors.certificate_detail(user=request.user, pk=pk)
    scan = certificate.attachments.filter(pk=attachment_id).first()
    if scan is None:
        raise Http404
    return serve_private(scan.file, download_name=f"scan-{scan.pk}{_ext(scan.file)}")


def _ext(field_file) -> str:
    return os.path.splitext(field_file.name)[1]


@login_required
def pdf(request, pk: int):
    certificate = selectors.certificate_detail(user=request.user, pk=pk)
    response = HttpResponse(
        certificate_pdf(certificate), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="certificate-{certificate.pk}.pdf"'
    )
    return response


@login_required
def record(request):
    _officer_only(request.user)
    form = CertificateRecordForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            certificate = services.certificate_record(
                actor=request.user,
                holder=form.holder,
                occupation=data["occupation"],
                level=data["level"],
                number=data["number"],
                issuer_kind=data["issuer_kind"],
                issuer_name=data["issuer_name"],
                issuer_enterprise=data["issuer_enterprise"],
                issued_on=data["issued_on"],
                valid_until=data["valid_until"],
                evidence_kind=data["evidence_kind"],
                evidence_detail=data["evidence_detail"],
                score=data["score"],
                attachments=[data["attachment"]] if data["attachment"] else [],
            )
        except DomainError as error:
            number_error = error.code in ("number_pattern", "duplicate_number")
            form.add_error("number" if number_error else None, error.message)
        else:
            messages.success(request, _("The certificate is recorded."))
            return redirect("certification:detail", pk=certificate.pk)
    status = 400 if form.errors else 200
    return render(
        request,
        "lms/certificates/form.html",
        {"form": form, "title": _("Record a certificate"), "multipart": True},
        status=status,
    )


@login_required
def renew(request, pk: int):
    _officer_only(request.user)
    certificate = selectors.certificate_detail(user=request.user, pk=pk)
    form = CertificateRenewForm(
        request.POST or None, initial={"level": certificate.level}
    )
    if request.method == "POST" and form.is_valid():
        try:
            new = services.certificate_renew(
                actor=request.user, certificate=certificate, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The renewed certificate is recorded."))
            return redirect("certification:detail", pk=new.pk)
    return render(
        request,
        "lms/certificates/form.html",
        {
            "form": form,
            "certificate": certificate,
            "title": _("Renew certificate %(number)s") % {"number": certificate.number},
        },
        status=400 if form.errors else 200,
    )


@login_required
def edit(request, pk: int):
    _officer_only(request.user)
    certificate = selectors.certificate_detail(user=request.user, pk=pk)
    initial = {
        f: getattr(certificate, f)
        for f in CertificateEditForm.base_fields
        if f != "reason"
    }
    form = CertificateEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        reason = data.pop("reason")
        try:
            services.certificate_edit(
                actor=request.user, certificate=certificate, reason=reason, **data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The correction is saved."))
            return redirect("certification:detail", pk=certificate.pk)
    return render(
        request,
        "lms/certificates/form.html",
        {
            "form": form,
            "certificate": certificate,
            "title": _("Correct certificate %(number)s")
            % {"number": certificate.number},
        },
        status=400 if form.errors else 200,
    )


FLAG_ACTIONS = {
    "suspend": (services.certificate_suspend, _lazy("The certificate is suspended.")),
    "reinstate": (
        services.certificate_reinstate,
        _lazy("The certificate is reinstated."),
    ),
    "revoke": (services.certificate_revoke, _lazy("The certificate is revoked.")),
}


@login_required
def change_status(request, pk: int, action: str):
    """POST suspends, reinstates or revokes. Revoking is for good: GET shows a page
    of its own that asks for the reason and a confirmation."""
    if action not in FLAG_ACTIONS:
        raise Http404
    if request.method != "POST" and action != "revoke":
        return HttpResponseNotAllowed(["POST"])
    _officer_only(request.user)
    certificate = selectors.certificate_detail(user=request.user, pk=pk)
    if request.method != "POST":
        return render(
            request,
            "confirm.html",
            {
                "title": _("Revoke this certificate for good?"),
                "subject": f"{certificate.number} · {certificate.holder}",
                "explanation": _(
                    "A revoked certificate shows as revoked to everyone who checks "
                    "it, and it cannot be reinstated. To stop it for a while, "
                    "suspend it instead."
                ),
                "form": ReasonForm(),
                "action_label": _("Yes, revoke the certificate"),
                "cancel_url": reverse("certification:detail", args=[certificate.pk]),
            },
        )
    service, done = FLAG_ACTIONS[action]
    form = ReasonForm(request.POST)
    reason = form.data.get("reason", "")[:2000]
    try:
        service(actor=request.user, certificate=certificate, reason=reason)
    except DomainError as error:
        messages.error(request, error.message)
        return _detail_page(request, certificate, status=400)
    messages.success(request, done)
    return redirect("certification:detail", pk=certificate.pk)
