"""The HR certification board: filters, counts by occupation × level, streamed CSV
and XLSX exports, a worker's page, workers eligible for their next level and the
bulk look-up. HR see only their own enterprises' workers."""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import permissions
from lms.certification import selectors
from lms.certification.forms import BoardFilterForm, LookupForm
from lms.models import SkillCertificate, SkillLevel, User
from lms.spreadsheets import safe_cell, spreadsheet_response

EXPORT_CHUNK = 2000


def _board_user(request):
    if not permissions.can_view_certification_board(request.user):
        raise PermissionDenied
    return request.user


def _filters(request) -> tuple[BoardFilterForm, selectors.BoardFilters]:
    form = BoardFilterForm(request.GET or None)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        return form, selectors.BoardFilters(
            q=data["q"],
            occupation_id=data["occupation"].pk if data["occupation"] else None,
            level=data["level"],
            status=data["status"],
            expiring_within=data["expiring"],
        )
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
    paginator = selectors.CountedPaginator(certificates, 50, count=counts.total)
    page = paginator.get_page(request.GET.get("page"))
    query = {k: v for k, v in request.GET.items() if k != "page" and v}
    return render(
        request,
        "lms/certificates/board.html",
        {
            "form": form,
            "page": page,
            "counts": counts,
            "counts_seconds": selectors.BOARD_COUNTS_SECONDS,
            "query_string": urlencode(query),
            "export_query": urlencode(query),
            "can_record": permissions.can_record_certificate(user),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


EXPORT_HEADER = (
    "holder",
    "email",
    "employee_number",
    "occupation_code",
    "occupation",
    "level",
    "certificate_number",
    "issuing_body",
    "issued_on",
    "valid_until",
    "status",
)


def certificate_cells(c: SkillCertificate) -> list:
    return [
        safe_cell(v)
        for v in (
            c.holder.get_full_name(),
            c.holder.email,
            c.employee_number,
            c.occupation.code,
            c.occupation.name,
            SkillLevel(c.level).code,
            c.number,
            c.issuer_name,
            c.issued_on.isoformat(),
            c.valid_until.isoformat() if c.valid_until else "",
            c.status,
        )
    ]


# The columns an export reads: plain values, no model instances (a quarter of a
# million certificates with their holders and occupations would be built otherwise).
EXPORT_VALUES = (
    "holder__display_name",
    "holder__first_name",
    "holder__last_name",
    "holder__email",
    "employee_number",
    "occupation__code",
    "occupation__name",
    "level",
    "number",
    "issuer_name",
    "issued_on",
    "valid_until",
    "status_value",
)


# Exports write the interchange code (``SkillLevel.code``), which the import reads.
LEVEL_CODES = {level.value: level.code for level in SkillLevel}


def export_rows(certificates):
    """The export's rows, the same cells as ``certificate_cells``: one streamed
    query (a server-side cursor read ``EXPORT_CHUNK`` rows at a time)."""
    rows = certificates.values_list(*EXPORT_VALUES)
    for (
        display_name,
        first_name,
        last_name,
        email,
        employee_number,
        code,
        occupation,
        level,
        number,
        issuer,
        issued_on,
        valid_until,
        status,
    ) in rows.iterator(chunk_size=EXPORT_CHUNK):
        holder = SimpleNamespace(
            display_name=display_name,
            first_name=first_name,
            last_name=last_name,
            email=email,
        )
        holder.is_erased = User.is_erased.fget(holder)
        # Text people typed goes through ``safe_cell``; the level, the ISO dates
        # and the status cannot start like a formula.
        yield [
            safe_cell(User.get_full_name(holder)),  # the one naming rule
            safe_cell(email),
            safe_cell(employee_number),
            safe_cell(code),
            safe_cell(occupation),
            LEVEL_CODES[level],
            safe_cell(number),
            safe_cell(issuer),
            issued_on.isoformat(),
            valid_until.isoformat() if valid_until else "",
            status,
        ]


@login_required
def export_csv(request):
    return _export(request, "csv")


@login_required
def export_xlsx(request):
    return _export(request, "xlsx")


def _export(request, fmt: str):
    """The board's certificates, as filtered, through the one spreadsheet writer."""
    user = _board_user(request)
    _form, filters = _filters(request)
    certificates = selectors.board_certificates(user=user, filters=filters)
    stamp = timezone.localdate().isoformat()
    return spreadsheet_response(
        _with_header(EXPORT_HEADER, export_rows(certificates)),
        fmt=fmt,
        filename=f"certificates-{stamp}",
        sheet_title=_("Certificates"),
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

        def rows():
            yield ["query", "found", *EXPORT_HEADER]
            for item in items:
                holder_id = found.get(item.lower())
                mine = certificates.get(holder_id, []) if holder_id else []
                if holder_id is None:
                    yield [safe_cell(item), "not found"] + [""] * len(EXPORT_HEADER)
                elif not mine:
                    yield [safe_cell(item), "no certificates"] + [""] * len(
                        EXPORT_HEADER
                    )
                for c in mine:
                    yield [safe_cell(item), "found", *certificate_cells(c)]

        return spreadsheet_response(rows(), fmt="csv", filename="certificate-lookup")
    return render(
        request,
        "lms/certificates/lookup.html",
        {"form": form},
        status=400 if form.errors else 200,
    )
