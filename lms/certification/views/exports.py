"""The board's XLSX export as a background job: asked for by POST, its page with a
progress bar (refreshing itself without JavaScript, polling a small JSON endpoint
with it) and the download, each only for its requester."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms import permissions
from lms.certification import services
from lms.certification.forms import BoardFilterForm
from lms.certification.permissions import certificate_policy
from lms.certification.views.board import filters_from
from lms.errors import DomainError
from lms.models import BoardExport
from lms.private_files import serve_private

REFRESH_SECONDS = 3


def _exports(request):
    if not certificate_policy.user_has_permission(request.user, "view_board"):
        raise PermissionDenied
    return permissions.records_for(request.user, "view", BoardExport)


@login_required
def exports(request):
    """The requester's exports of the last day, newest first."""
    mine = _exports(request)[:20]
    return render(request, "lms/certificates/exports.html", {"exports": mine})


@login_required
@require_POST
def export_request(request):
    """Asks for an export of the board as filtered; a second submit of the same
    filters while the first runs lands on the same job."""
    _exports(request)
    form = BoardFilterForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            _("These filters are not valid: change them on the board and try again."),
        )
        return render(
            request,
            "lms/certificates/exports.html",
            {"exports": _exports(request)[:20]},
            status=400,
        )
    try:
        export, _created = services.board_export_request(
            user=request.user, filters=filters_from(form)
        )
    except DomainError as error:
        raise PermissionDenied(error.message) from error
    return redirect("certification:export_detail", pk=export.pk)


@login_required
def export_detail(request, pk: int):
    export = get_object_or_404(_exports(request), pk=pk)
    return render(
        request,
        "lms/certificates/export_detail.html",
        {
            "export": export,
            "refresh_seconds": REFRESH_SECONDS if export.is_open else None,
            "expires_at": export.created_at + services.exports.KEEP_FOR,
        },
    )


@login_required
def export_status(request, pk: int):
    export = get_object_or_404(_exports(request), pk=pk)
    return JsonResponse(
        {
            "status": export.status,
            "status_label": str(BoardExport.Status(export.status).label),
            "progress": export.progress,
            "rows_done": export.rows_done,
            "rows_total": export.rows_total,
            "message": export.error_text,
        }
    )


@login_required
def export_download(request, pk: int):
    export = get_object_or_404(
        _exports(request).filter(status=BoardExport.Status.DONE), pk=pk
    )
    if not export.file:
        raise Http404
    stamp = timezone.localtime(export.finished_at or export.created_at)
    return serve_private(
        export.file, download_name=f"certificates-{stamp:%Y-%m-%d-%H%M}.xlsx"
    )
