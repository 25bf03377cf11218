"""Public verification of a certificate by its code (the holder's name partly
masked and the certificate's facts, nothing more) or of an uploaded credential
file (its verdict). Rate-limited per IP address."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from lms.certification import selectors
from lms.certification.forms import VerifyForm, VerifyUploadForm
from lms.certification.services.verification import too_large
from lms.certification.services.verification import verify_upload as check_upload
from lms.certification.views.imports import SizeLimitUploadHandler
from lms.rate_limits import over_limit


def rate_limited(request) -> bool:
    """True once an IP has made more than VERIFY_RATE_LIMIT look-ups this minute."""
    return over_limit(request, "verify", settings.VERIFY_RATE_LIMIT)


def _too_many(request):
    return render(
        request,
        "lms/certificates/verify_form.html",
        {
            "form": VerifyForm(),
            "upload_form": VerifyUploadForm(),
            "error": _(
                "Too many look-ups from your address. Wait a minute and try again."
            ),
        },
        status=429,
    )


def verify_form(request):
    form = VerifyForm(request.GET or None)
    if form.is_bound:
        if rate_limited(request):
            return _too_many(request)
        if form.is_valid():
            return redirect(
                "certification:verify", code=form.cleaned_data["code"].strip()
            )
    return render(
        request,
        "lms/certificates/verify_form.html",
        {"form": form, "upload_form": VerifyUploadForm()},
        status=400 if form.errors else 200,
    )


@csrf_exempt
def verify_upload(request):
    """The size guard must be installed before the CSRF check reads the body: a
    file over the cap is dropped as it streams in (neither kept nor written)."""
    guard = SizeLimitUploadHandler(request, settings.VERIFY_UPLOAD_MAX_BYTES)
    request.upload_handlers.insert(0, guard)
    return _verify_upload(request, guard)


@csrf_protect
def _verify_upload(request, guard: SizeLimitUploadHandler):
    """Checks an uploaded credential file and shows the verdict; stores nothing."""
    if request.method != "POST":
        return redirect("certification:verify_form")
    if over_limit(request, "verify-upload", settings.VERIFY_UPLOAD_RATE_LIMIT):
        return _too_many(request)
    form = VerifyUploadForm(request.POST, request.FILES)
    if guard.too_large:
        verdict = too_large()
    elif form.is_valid():
        verdict = check_upload(form.cleaned_data["file"])
    else:
        verdict = None
    return render(
        request,
        "lms/certificates/verify_form.html",
        {"form": VerifyForm(), "upload_form": form, "verdict": verdict},
        status=400 if form.errors and verdict is None else 200,
    )


def _unknown(request, code: str):
    """A page of its own for a code nobody has: the code as typed and a box to try
    again (404, so the address is not taken for a certificate)."""
    typed = code[:100]
    return render(
        request,
        "lms/certificates/verify_unknown.html",
        {"code": typed, "form": VerifyForm(initial={"code": typed.strip()})},
        status=404,
    )


def verify(request, code: str):
    if rate_limited(request):
        return _too_many(request)
    certificate = selectors.certificate_by_code(code=code)
    if certificate is None:
        return _unknown(request, code)
    return render(
        request,
        "lms/certificates/verify.html",
        {
            "certificate": certificate,
            "holder_name": mask_name(certificate.holder_display_name),
            "chain": selectors.renewal_chain(certificate=certificate),
        },
    )


def mask_name(name: str) -> str:
    """“Wang Fang” → “W*** F***”; “王芳” → “王*”; an e-mail shows no more than its
    first letter."""
    name = name.split("@")[0].strip()
    if not name:
        return "*"
    words = name.split()
    if len(words) == 1:
        word = words[0]
        return word[0] + "*" * max(1, min(len(word) - 1, 3))
    return " ".join(w[0] + "***" for w in words)
