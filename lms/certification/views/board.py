"""The HR certification board: filters, counts by occupation × level, 50 rows a
page, the streamed CSV export (the Excel one is a background job: ``exports``), a
worker's page, workers eligible for their next level and the bulk look-up. HR see
only their own enterprises' workers."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.translation import ngettext

from lms.certification import selectors
from lms.certification.forms import BoardFilterForm, LookupForm
from lms.certification.permissions import certificate_policy
from lms.models import SkillCertificate
from lms.spreadsheets import safe_cell, spreadsheet_response

# Django's Paginator (offset paging): page numbers and a total, which keyset paging
# cannot give (docs/architecture.md, "HR opens the certification board").
BOARD_ROWS_PER_PAGE = 50


def _board_user(request):
    if not certificate_policy.user_has_permission(request.user, "view_board"):
        raise PermissionDenied
    return request.user


def filters_from(form: BoardFilterForm) -> selectors.BoardFilters:
    """The filters of a valid form (the board's GET, the export's POST)."""
    data = form.cleaned_data
    return selectors.BoardFilters(
        q=data["q"],
        occupation_id=data["occupation"].pk if data["occupation"] else None,
        level=data["level"],
        status=data["status"],
        expiring_within=data["expiring"],
    )


def _filters(request) -> tuple[BoardFilterForm, selectors.BoardFilters]:
    form = BoardFilterForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return form, filters_from(form)
    return form, selectors.BoardFilters()


@login_required
def board(request):
    user = _board_user(request)
    form, filters = _filters(request)
    certificates = selectors.board_certificates(user=user, filters=filters)
    counts = selectors.board_counts_cached(
        user=user, filters=filters, certificates=certificates
    )
    # The counts' total is the board's length: no COUNT over the filtered board.
    paginator = selectors.CountedPaginator(
        certificates, BOARD_ROWS_PER_PAGE, count=counts.total
    )
    page = paginator.get_page(request.GET.get("page"))
    query = {k: v for k, v in request.GET.items() if k in form.fields and v}
    return render(
        request,
        "lms/certificates/board.html",
        {
            "form": form,
            "page": page,
            "counts": counts,
            "counts_seconds": selectors.BOARD_COUNTS_SECONDS,
            "showing": _showing(page),
            "query_string": urlencode(query),
            "query_fields": sorted(query.items()),
            "can_record": certificate_policy.user_has_permission(user, "record"),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


def _showing(page) -> str:
    """The line 'Showing 51–100 of 2,340 certificates', numbers in the reader's
    format (the total is the counts', as the paginator's)."""
    total = page.paginator.count
    if not total:
        return ""
    return ngettext(
        "Showing %(first)s–%(last)s of %(total)s certificate",
        "Showing %(first)s–%(last)s of %(total)s certificates",
        total,
    ) % {
        "first": _number(page.start_index()),
        "last": _number(page.end_index()),
        "total": _number(total),
    }


def _number(n: int) -> str:
    return formats.number_format(n, force_grouping=True)


@login_required
def export_csv(request):
    """The board's certificates, as filtered, streamed as CSV in the request (the
    Excel workbook is a background job: ``views.exports``)."""
    user = _board_user(request)
    _form, filters = _filters(request)
    certificates = selectors.board_certificates(user=user, filters=filters)
    stamp = timezone.localdate().isoformat()
    return spreadsheet_response(
        _with_header(selectors.EXPORT_HEADER, selectors.export_rows(certificates)),
        fmt="csv",
        filename=f"certificates-{stamp}",
    )


def _with_header(header, rows):
    yield list(header)
    yield from rows


@login_required
def worker(request, user_id: int):
    """One worker's certificates, ladder and history, for their HR (and officers)."""
    user = _board_user(request)
    person = selectors.workers_for_board(user=user).filter(pk=user_id).first()
    if person is None:
        raise Http404
    certificates = selectors.board_certificates(
        user=user, filters=selectors.BoardFilters(holder_id=person.pk)
    ).prefetch_related("events__actor")
    return render(
        request,
        "lms/certificates/worker.html",
        {
            "person": person,
            "certificates": certificates,
            "ladder": selectors.ladder_for(person=person),
        },
    )


@login_required
def eligible(request):
    """Pages through the workers with certificates (by name) and lists those of
    the page who may apply for their next level: a fixed number of queries and a
    bounded amount of work per page, however large the enterprise."""
    user = _board_user(request)
    workers = selectors.workers_with_certificates(user=user)
    page = Paginator(workers, selectors.ELIGIBLE_WORKERS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    rows = selectors.workers_eligible(user=user, workers=list(page.object_list))
    return render(
        request,
        "lms/certificates/eligible.html",
        {"rows": rows, "page": page},
    )


@login_required
def lookup(request):
    """HR pastes or uploads employee numbers / e-mails and gets a CSV back: each
    person's certificates and status; people outside their enterprises are
    reported as not found, exactly like unknown ones."""
    user = _board_user(request)
    form = LookupForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        items = form.cleaned_data["items"]
        found = selectors.lookup_people(user=user, identifiers=items)
        holder_ids = {pk for pk in found.values() if pk}
        certificates: dict[int, list[SkillCertificate]] = {}
        if holder_ids:
            qs = selectors.board_certificates(
                user=user, filters=selectors.BoardFilters()
            ).filter(holder_id__in=holder_ids)
            for c in qs:
                certificates.setdefault(c.holder_id, []).append(c)

        blank = [""] * len(selectors.EXPORT_HEADER)

        def rows():
            yield ["query", "found", *selectors.EXPORT_HEADER]
            for item in items:
                holder_id = found.get(item.lower())
                mine = certificates.get(holder_id, []) if holder_id else []
                if holder_id is None:
                    yield [safe_cell(item), "not found", *blank]
                elif not mine:
                    yield [safe_cell(item), "no certificates", *blank]
                for c in mine:
                    yield [safe_cell(item), "found", *selectors.certificate_cells(c)]

        return spreadsheet_response(rows(), fmt="csv", filename="certificate-lookup")
    return render(
        request,
        "lms/certificates/lookup.html",
        {"form": form},
        status=400 if form.errors else 200,
    )
