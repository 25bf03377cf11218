"""The one spreadsheet writer: cells never run as formulas (CSV/XLSX injection), CSV
is streamed, XLSX opens."""

import io

import pytest
from django.http import Http404
from openpyxl import load_workbook

from lms.spreadsheets import safe_cell, spreadsheet_response


@pytest.mark.parametrize("value", ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_starts_get_a_quote(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize(("value", "kept"), [("Wang Fang", "Wang Fang"), (42, 42)])
def test_other_values_are_kept(value, kept):
    assert safe_cell(value) == kept


def test_none_is_an_empty_cell():
    assert safe_cell(None) == ""


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_csv_is_streamed_in_chunks_with_every_cell_neutralised():
    """A long export is sent as it is written, not built in memory first."""
    rows = [["Name", "Hours"]] + [["=cmd", n] for n in range(1200)]
    response = spreadsheet_response(iter(rows), fmt="csv", filename="all")
    assert response.streaming
    assert response["Content-Disposition"] == 'attachment; filename="all.csv"'
    chunks = list(response.streaming_content)
    assert len(chunks) > 3  # the byte-order mark, then chunks of rows
    lines = b"".join(chunks).decode("utf-8-sig").splitlines()
    assert lines[0] == "Name,Hours" and lines[1] == "'=cmd,0" and len(lines) == 1201


def test_xlsx_holds_the_same_rows_as_text_not_formulas():
    rows = [["名字", "Hours"], ["@SUM(A1)", 2]]
    response = spreadsheet_response(rows, fmt="xlsx", filename="x", sheet_title="工时")
    sheet = load_workbook(io.BytesIO(_body(response))).active
    assert sheet.title == "工时"
    assert list(sheet.iter_rows(values_only=True)) == [
        ("名字", "Hours"),
        ("'@SUM(A1)", 2),
    ]


def test_an_unknown_format_is_not_found():
    with pytest.raises(Http404):
        spreadsheet_response([["a"]], fmt="exe", filename="x")
