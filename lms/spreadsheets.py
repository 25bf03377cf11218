"""The one spreadsheet writer: every export (course reports, hours records, the HR
board) answers CSV or XLSX through ``spreadsheet_response``. A spreadsheet runs text
that starts like a formula (= + - @, a tab or a carriage return), so such text gets a
quote in front of it in both formats."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable, Sequence

from django.http import FileResponse, Http404, StreamingHttpResponse

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
CSV_CHUNK_ROWS = 500  # rows per chunk sent: fewer, larger writes


def safe_cell(value):
    """The value to write: formula-like text quoted, None empty, the rest unchanged."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_row(row: Iterable) -> list:
    return [safe_cell(value) for value in row]


class _Echo:
    """A file that hands back what is written (csv.writer writes one row at a time)."""

    def write(self, value):
        return value


def _csv_chunks(rows: Iterable[Sequence]):
    writer = csv.writer(_Echo())
    yield "\ufeff"  # a byte-order mark, so spreadsheet programs read Chinese text
    batch = []
    for row in rows:
        batch.append(writer.writerow(safe_row(row)))
        if len(batch) >= CSV_CHUNK_ROWS:
            yield "".join(batch)
            batch = []
    yield "".join(batch)


def xlsx_write(rows: Iterable[Sequence], file, *, sheet_title: str = "") -> None:
    """``rows`` written row by row (openpyxl write-only: memory stays flat however
    many rows) as a workbook into ``file``, an open binary file; every cell through
    ``safe_cell``. Background exports call this with a file of their own."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(sheet_title)[:31] or None)
    for row in rows:
        sheet.append(safe_row(row))
    workbook.save(file)


def _xlsx_file(rows: Iterable[Sequence], sheet_title: str):
    """Written to a temporary file, rewound for the response."""
    handle = tempfile.TemporaryFile(suffix=".xlsx")
    xlsx_write(rows, handle, sheet_title=sheet_title)
    handle.seek(0)
    return handle


def spreadsheet_response(
    rows: Iterable[Sequence], *, fmt: str, filename: str, sheet_title: str = ""
):
    """``rows`` (the header first; any iterable, read once) as a download named
    ``<filename>.<fmt>``: CSV streamed in chunks, XLSX from a temporary file. Every
    cell goes through ``safe_cell``. An unknown format is not found."""
    if fmt == "csv":
        response = StreamingHttpResponse(
            _csv_chunks(rows), content_type=CONTENT_TYPES[fmt]
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
    if fmt == "xlsx":
        return FileResponse(
            _xlsx_file(rows, sheet_title),
            as_attachment=True,
            filename=f"{filename}.xlsx",
            content_type=CONTENT_TYPES[fmt],
        )
    raise Http404
