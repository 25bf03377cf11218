"""Journey 6: a certification officer uploads a CSV of appraisal results with broken
rows, reads which rows are wrong and why, fixes the file, uploads it again, commits
the batch with the keyboard only and watches the progress bar reach 100 %."""

import csv
import datetime
import re
import uuid

import pytest

from tests.e2e.conftest import sign_in, tab_to

pytestmark = pytest.mark.e2e

NUMBER_CELL = "td[data-label='Certificate number']"

DEMO = "demo.craftskills.cn"
OFFICER = f"officer@{DEMO}"
CENTRE = "Shaanxi Vocational Skill Appraisal Centre"
HEADER = ["number", "email", "occupation_code", "level", "issued_on", "valid_until"]
WELDER, SPINNER, WEAVER = "6-18-02-04", "6-04-01-01", "6-04-02-01"


def write_csv(path, rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)


def upload(page, path) -> None:
    page.goto("/certificates/imports/new/")
    page.get_by_label("CSV or Excel file").set_input_files(str(path))
    page.get_by_label("Kind of issuing body").select_option("outside")
    page.get_by_label(re.compile(r"^Issuing body")).fill(CENTRE)
    page.get_by_role("button", name="Check the file").click()
    page.wait_for_url(re.compile(r"/certificates/imports/\d+/$"))


def national(issued: datetime.date, mark: str, serial: int) -> str:
    """The demo centre's numbering, in the national style (lms.certification.demo):
    S, body 000061, province 61, year, level mark, serial."""
    return f"S00006161{issued:%y}{mark}{serial:06d}"


def test_officer_fixes_broken_rows_and_imports(page, journey, tmp_path):
    run = uuid.uuid4().hex[:8].upper()
    today = datetime.date.today()
    serial = uuid.uuid4().int % 900_000 + 1
    issued_on = today - datetime.timedelta(days=30)
    # The level marks of the rows' national grades, once the file is fixed.
    number = [national(issued_on, m, serial + i) for i, m in enumerate("4324333")]
    issued = issued_on.isoformat()
    until = (today + datetime.timedelta(days=3 * 365)).isoformat()
    before = (today - datetime.timedelta(days=400)).isoformat()
    broken = tmp_path / f"appraisal-{run}-broken.csv"
    write_csv(
        broken,
        [
            # row 2: fine
            [number[0], f"li.junle@{DEMO}", WELDER, "4", issued, until],
            # row 3: unknown occupation
            [number[1], f"wu.gang@{DEMO}", "9-99-99-99", "3", issued, until],
            # row 4: level 7
            [number[2], f"liu.xia@{DEMO}", WEAVER, "7", issued, until],
            # row 5: valid until before issued on
            [number[3], f"sun.mei@{DEMO}", SPINNER, "4", issued, before],
            # row 6: the number of row 2 again
            [number[0], f"zhao.lei@{DEMO}", WEAVER, "3", issued, until],
            # row 7: two values too many
            [
                number[5],
                f"learner@{DEMO}",
                SPINNER,
                "3",
                issued,
                until,
                "extra",
                "more",
            ],
        ],
    )

    sign_in(page, OFFICER)
    page.goto("/certificates/imports/")
    journey.check(page, "imports")
    page.get_by_role("link", name="Import a file").click()
    page.wait_for_url(re.compile(r"/certificates/imports/new/$"))
    journey.check(page, "upload-form")
    page.goto("/zh-hans/certificates/imports/new/")
    journey.check(page, "upload-form-chinese", chinese=True)

    upload(page, broken)
    status = page.locator("#import-status")
    assert status.locator("[data-field=status_label]").inner_text() == "Has errors"
    journey.check(page, "row-errors")
    problems = page.locator("section[aria-labelledby=errs] tbody tr")
    found = {
        tuple(cells)
        for cells in (row.locator("td").all_inner_texts() for row in problems.all())
    }
    rows = {row for row, _column, _message in found}
    assert rows == {"3", "4", "5", "6", "7"}, found
    expected = [
        ("3", "occupation_code", "Unknown occupation code “9-99-99-99”."),
        (
            "4",
            "level",
            "Unknown skill level “7”: write the national grade (1 to 5) or the "
            "level's name, such as 四级/中级工, apprentice, 特级技师 or chief "
            "technician.",
        ),
        ("5", "valid_until", "The certificate cannot expire before it is issued."),
        ("6", "number", f"The number {number[0]} is also in row 2."),
        ("7", "", "Too many columns: 8 values for 6 columns."),
    ]
    for error in expected:
        assert error in found, (error, found)
    assert status.get_by_role("button").count() == 0, "no import while rows are bad"

    # Fix every row and upload the corrected file.
    fixed = tmp_path / f"appraisal-{run}-fixed.csv"
    write_csv(
        fixed,
        [
            [number[0], f"li.junle@{DEMO}", WELDER, "4", issued, until],
            [number[1], f"wu.gang@{DEMO}", WELDER, "3", issued, until],
            [number[2], f"liu.xia@{DEMO}", WEAVER, "2", issued, until],
            [number[3], f"sun.mei@{DEMO}", SPINNER, "4", issued, until],
            [number[4], f"zhao.lei@{DEMO}", WEAVER, "3", issued, until],
            [number[5], f"learner@{DEMO}", SPINNER, "3", issued, until],
        ],
    )
    upload(page, fixed)
    assert status.locator("[data-field=status_label]").inner_text() == (
        "Checked, ready to import"
    )
    assert page.locator("section[aria-labelledby=errs]").count() == 0
    journey.check(page, "ready")

    # Commit with the keyboard only.
    commit = status.get_by_role("button", name="Import 6 certificates")
    tab_to(page, commit)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    label = status.locator("[data-field=status_label]")
    label.filter(has_text=re.compile("^Imported$")).wait_for(timeout=30_000)
    bar = status.get_by_role("progressbar")
    assert bar.get_attribute("aria-valuenow") == "100"
    fill = bar.locator("span")
    assert "pct-100" in fill.get_attribute("class")
    share = fill.evaluate(
        "el => el.getBoundingClientRect().width"
        " / el.parentElement.getBoundingClientRect().width"
    )
    assert share > 0.95, share  # the bar drawn full
    assert "Imported 6 certificates" in status.inner_text()
    journey.check(page, "done")

    # The certificates are on the officer's board.
    page.goto(f"/certificates/board/?q={number[4]}")
    assert page.locator(f"table.cert-table {NUMBER_CELL}").all_inner_texts() == [
        number[4]
    ]
