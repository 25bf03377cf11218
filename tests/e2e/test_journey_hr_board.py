"""Journey 5: the HR officer of the Xi'an auto park opens the certification status
board, filters the certificates expiring within 90 days, opens a worker's history,
exports the list as CSV (keyboard only) and Excel, finds exactly the park's rows in
both files, and is refused a textile mill worker's page."""

import csv
import datetime
import os
import re
import sqlite3
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from tests.e2e.conftest import sign_in, tab_to

pytestmark = pytest.mark.e2e

NUMBER_CELL = "td[data-label='Certificate number']"

HR = "hr@demo.craftskills.cn"
AUTOPARK = "Xi'an Automobile Industrial Park Components Co."
TEXTILE_WORKER = "liu.xia@demo.craftskills.cn"
APPRENTICE = "li.junle@demo.craftskills.cn"


def database() -> sqlite3.Connection:
    """The e2e server's SQLite file, opened read-only."""
    url = os.environ["DATABASE_URL"]
    assert url.startswith("sqlite:///"), "the e2e journeys expect the SQLite database"
    path = url.removeprefix("sqlite:///")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def expiring_numbers(enterprise: str, days: int) -> list[str]:
    """Certificate numbers of the enterprise's people that the board calls expiring
    within ``days``: valid until today..today+days, neither revoked, suspended nor
    replaced by a renewal (the board's own rule, written again in SQL)."""
    today = datetime.datetime.now(ZoneInfo("Asia/Shanghai")).date()
    with database() as db:
        rows = db.execute(
            """
            SELECT c.number FROM lms_skillcertificate c
            WHERE c.holder_id IN (
                SELECT m.user_id FROM lms_membership m
                JOIN lms_enterprise e ON e.id = m.enterprise_id WHERE e.name = ?)
              AND c.valid_until BETWEEN ? AND ?
              AND NOT c.revoked AND NOT c.suspended
              AND NOT EXISTS (
                SELECT 1 FROM lms_skillcertificate r WHERE r.replaces_id = c.id)
            """,
            (
                enterprise,
                today.isoformat(),
                (today + datetime.timedelta(days=days)).isoformat(),
            ),
        ).fetchall()
    return sorted(number for (number,) in rows)


def user_id(email: str) -> int:
    with database() as db:
        (pk,) = db.execute(
            "SELECT id FROM lms_user WHERE email = ?", (email,)
        ).fetchone()
    return pk


def demo_number(email: str, serial: int) -> str:
    """A named demo certificate's number: the demo numbers in the national style,
    whose year moves with the date, so it is found by holder and serial."""
    with database() as db:
        (number,) = db.execute(
            "SELECT c.number FROM lms_skillcertificate c"
            " JOIN lms_user u ON u.id = c.holder_id"
            " WHERE u.email = ? AND c.number LIKE ?",
            (email, f"%{serial:06d}"),
        ).fetchone()
    return number


def certificate_id(number: str) -> int:
    with database() as db:
        (pk,) = db.execute(
            "SELECT id FROM lms_skillcertificate WHERE number = ?", (number,)
        ).fetchone()
    return pk


def test_hr_board_filter_history_export_and_refusal(page, journey, tmp_path):
    expected = expiring_numbers(AUTOPARK, 90)
    assert expected, "the demo has auto park certificates expiring within 90 days"

    sign_in(page, HR)
    page.goto("/certificates/board/")
    assert page.get_by_role("heading", level=1).inner_text() == "Certification status"
    journey.check(page, "board")

    # Filter: expiring within 90 days.
    page.get_by_label("Expiring").select_option("90")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"expiring=90"))
    journey.check(page, "board-expiring-90")
    table = page.locator("table.cert-table")
    shown = sorted(table.locator(NUMBER_CELL).all_inner_texts())
    assert shown == expected, "the board lists exactly the park's expiring certificates"
    assert page.get_by_role(
        "heading", name=f"{len(expected)} certificate", exact=False
    ).is_visible()
    assert "TX-" not in table.inner_text(), "no textile mill employee number shown"

    # The same board in Chinese: every heading, label and button translated.
    page.goto("/zh-hans/certificates/board/?expiring=90")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    journey.check(page, "board-expiring-90-chinese", chinese=True)
    numbers = table.locator("tbody td:nth-child(4)").all_inner_texts()
    assert sorted(numbers) == expected
    assert "Welder" not in table.inner_text(), "occupations by their Chinese names"
    page.goto("/certificates/board/?expiring=90")

    # A worker's page: certificates, ladder and the history of each certificate.
    worker_link = table.get_by_role("link", name="李俊乐")
    worker_link.click()
    page.wait_for_url(re.compile(r"/certificates/workers/\d+/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "李俊乐"
    history = page.locator("section[aria-labelledby=w-history]")
    welder = demo_number(APPRENTICE, 412)  # his 五级 welder's certificate
    assert history.get_by_role("heading", name=re.compile(welder)).count()
    assert history.locator("ol.cert-history li").first.is_visible()
    assert "No history." not in history.locator("ol.cert-history").first.inner_text()
    journey.check(page, "worker-history")
    page.go_back()
    page.wait_for_url(re.compile(r"expiring=90"))

    # Export CSV with the keyboard only: Tab to the link, press Enter.
    export_csv = page.get_by_role("link", name="Export CSV")
    tab_to(page, export_csv)
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    csv_path = tmp_path / "board.csv"
    download.save_as(csv_path)
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        csv_rows = list(csv.DictReader(handle))
    assert sorted(r["certificate_number"] for r in csv_rows) == expected
    assert all(r["employee_number"].startswith("AP-") for r in csv_rows)

    # Export Excel: a background job (run in-process here) with its own page, the
    # filters carried by the form; the download link on that page, the same rows.
    page.get_by_role("button", name="Export Excel").click()
    page.wait_for_url(re.compile(r"/certificates/board/exports/\d+/$"))
    journey.check(page, "board-export-ready")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the Excel file").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    xlsx_path = tmp_path / "board.xlsx"
    download.save_as(xlsx_path)
    workbook = openpyxl.load_workbook(xlsx_path, read_only=True)
    header, *values = list(workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    xlsx_rows = [dict(zip(header, row, strict=True)) for row in values]
    assert sorted(r["certificate_number"] for r in xlsx_rows) == expected
    assert {r["certificate_number"]: r["holder"] for r in xlsx_rows} == {
        r["certificate_number"]: r["holder"] for r in csv_rows
    }

    # Another enterprise's worker and certificate: not found, nothing disclosed.
    textile_certificate = demo_number(TEXTILE_WORKER, 77)  # Liu Xia's
    for url in (
        f"/certificates/workers/{user_id(TEXTILE_WORKER)}/",
        f"/certificates/{certificate_id(textile_certificate)}/",
    ):
        response = page.goto(url)
        assert response.status in (403, 404), url
        assert "刘霞" not in page.content()
        assert textile_certificate not in page.content()
