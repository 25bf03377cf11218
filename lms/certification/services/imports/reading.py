"""Reading an uploaded appraisal file: a CSV (UTF-8, with or without a byte-order
mark) or the first sheet of an XLSX, as rows of cell text. A file that cannot be
read at all raises ``FileRefused`` with a message for the person."""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Iterator

from django.utils.translation import gettext_noop

from lms.stored_text import Text


class FileRefused(Exception):
    """The file as a whole cannot be read (not CSV/XLSX, too many rows...)."""

    def __init__(self, message: Text):
        super().__init__(message.text)
        self.message = message


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_csv(stream) -> Iterator[list[str]]:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    try:
        yield from csv.reader(text)
    except UnicodeDecodeError:
        raise FileRefused(
            Text(
                gettext_noop("The CSV file is not UTF-8 text; save it as “CSV UTF-8”.")
            )
        ) from None
    except csv.Error as exc:
        raise FileRefused(
            Text(gettext_noop("The CSV file cannot be read: %(e)s")) % {"e": exc}
        ) from None
    finally:
        text.detach()


def read_xlsx(stream) -> Iterator[list[str]]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise FileRefused(
            Text(gettext_noop("This is not an Excel (.xlsx) file we can read."))
        ) from None
    try:
        sheet = workbook.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            yield [cell_text(v) for v in values]
    finally:
        workbook.close()


def read_table(stream, name: str) -> Iterator[list[str]]:
    lower = name.lower()
    if lower.endswith(".csv"):
        return read_csv(stream)
    if lower.endswith(".xlsx"):
        return read_xlsx(stream)
    raise FileRefused(Text(gettext_noop("Upload a CSV (.csv) or Excel (.xlsx) file.")))
