"""Officer's bulk import: upload, the dry run's report, commit, and a small JSON
endpoint the progress bar polls."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from lms.certification.forms import ImportUploadForm, import_max_bytes
from lms.certification.permissions import certificate_policy
from lms.certification.services import imports as services
from lms.errors import DomainError
from lms.models import ImportBatch
from lms.private_files import serve_private


def _officer(request):
    if not certificate_policy.user_has_permission(request.user, "import"):
        raise PermissionDenied
    return request.user


def _batches(user):
    """Officers see every batch (several officers share the work)."""
    return ImportBatch.objects.select_related("uploaded_by", "enterprise")


@login_required
def batches(request):
    user = _officer(request)
    page = Paginator(_batches(user), 25).get_page(request.GET.get("page"))
    return render(request, "lms/certificates/imports.html", {"page": page})


class SizeLimitUploadHandler(FileUploadHandler):
    """Drops an upload over the limit as it streams in, so a 200 MB file is neither
    kept in memory nor written to disk; the view then answers 413."""

    def __init__(self, request, limit: int):
        super().__init__(request)
        self.limit = limit
        self.too_large = False

    def handle_raw_input(
        self, input_data, META, content_length, boundary, encoding=None
    ):
        if content_length and content_length > self.limit + 64 * 1024:
            self.too_large = True

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        if self.too_large:
            raise SkipFile

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.limit:
            self.too_large = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None


@csrf_exempt
def upload(request):
    """The size guard must be installed before the CSRF check reads the body."""
    guard = SizeLimitUploadHandler(request, import_max_bytes())
    request.upload_handlers.insert(0, guard)
    return _upload(request, guard)


@csrf_protect
@login_required
def _upload(request, guard: SizeLimitUploadHandler):
    user = _officer(request)
    if request.method == "POST":
        request.POST  # noqa: B018 - parses the body through the guard
        if guard.too_large:
            return render(
                request,
                "lms/certificates/import_form.html",
                {
                    "form": ImportUploadForm(),
                    "error": _(
                        "The file is larger than %(size)s; split it into smaller files."
                    )
                    % {"size": filesizeformat(import_max_bytes())},
                },
                status=413,
            )
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            batch = services.import_batch_create(
                actor=user,
                upload=data["file"],
                issuer_kind=data["issuer_kind"],
                issuer_name=data["issuer_name"],
                evidence_kind=data["evidence_kind"],
                enterprise=data["enterprise"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return redirect("certification:import_detail", pk=batch.pk)
    return render(
        request,
        "lms/certificates/import_form.html",
        {"form": form, "columns": services.COLUMNS, "required": services.REQUIRED},
        status=400 if form.errors else 200,
    )


@login_required
def import_file(request, pk: int):
    """The uploaded spreadsheet, to officers only (it holds workers' e-mails)."""
    user = _officer(request)
    batch = get_object_or_404(_batches(user), pk=pk)
    return serve_private(batch.file, download_name=batch.original_name)


@login_required
def detail(request, pk: int):
    user = _officer(request)
    batch = get_object_or_404(_batches(user), pk=pk)
    errors = Paginator(batch.error_rows, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "lms/certificates/import_detail.html",
        {
            "batch": batch,
            "page": errors,
            "progress": services.progress_read(batch=batch),
            "running": batch.status
            in (
                ImportBatch.Status.PENDING,
                ImportBatch.Status.CHECKING,
                ImportBatch.Status.IMPORTING,
            ),
            "more_errors": max(0, batch.error_count - len(batch.errors)),
        },
    )


@login_required
def status(request, pk: int):
    user = _officer(request)
    batch = get_object_or_404(_batches(user), pk=pk)
    progress = services.progress_read(batch=batch)
    return JsonResponse(
        {
            "status": batch.status,
            "status_label": str(ImportBatch.Status(batch.status).label),
            "progress": progress["progress"],
            "errors": batch.error_count,
            "new": batch.new_count,
            "unchanged": batch.unchanged_count,
            "message": batch.summary_text,
        }
    )


@login_required
@require_POST
def commit(request, pk: int):
    user = _officer(request)
    batch = get_object_or_404(_batches(user), pk=pk)
    try:
        services.import_batch_start(actor=user, batch=batch)
    except DomainError as error:
        messages.error(request, error.message)
        return render(
            request,
            "lms/certificates/import_detail.html",
            {
                "batch": batch,
                "page": Paginator(batch.error_rows, 100).get_page(1),
                "progress": services.progress_read(batch=batch),
            },
            status=409,
        )
    return redirect("certification:import_detail", pk=batch.pk)
