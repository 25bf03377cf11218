import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from courses import reports
from courses.services.enrollment import enrollment_create
from courses.services.progress import lesson_complete
from lms.roles import Role
from tests.lms.factories import UserFactory
from tests.lms.helpers import give_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    return give_totp(UserFactory(roles=[Role.EDITOR]))


@pytest.fixture
def evil_learner(loom_course, lessons):
    """A learner whose name would run as a formula in a spreadsheet."""
    user = UserFactory(display_name='=HYPERLINK("http://x")')
    enrollment = enrollment_create(user=user, course=loom_course)
    lesson_complete(enrollment=enrollment, lesson=lessons[0])
    return user


def _text(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_csv_export_neutralises_the_learner_name(client, editor, evil_learner):
    client.force_login(editor)
    response = client.get(reverse("courses_report"), {"export": "csv"})
    assert response.status_code == 200
    rows = list(
        csv.reader(
            io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))
        )
    )
    assert rows[1][0] == '\'=HYPERLINK("http://x")'


def test_xlsx_export_opens_and_holds_text_not_formulas(client, editor, evil_learner):
    client.force_login(editor)
    for table in ("people", "courses", "enterprises"):
        response = client.get(
            reverse("courses_report"), {"export": "xlsx", "table": table}
        )
        assert response.status_code == 200
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        assert sheet.max_row >= 1
    response = client.get(reverse("courses_report"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.cell(row=2, column=1).value.startswith("'=")


def test_report_shows_drop_off_and_completion_per_course(
    client, editor, evil_learner, loom_course
):
    client.force_login(editor)
    html = client.get(
        reverse("courses_report"), {"course": loom_course.pk}
    ).content.decode()
    assert "Drop-off per lesson" in html and "<svg" in html
    enrollments = reports.enrollments_for_report(user=editor)
    assert reports.lesson_dropoff(enrollments, loom_course)[0]["completed"] == 1
    assert reports.course_summary(enrollments)[0]["enrolments"] == 1


def test_drop_off_exports_per_lesson_of_the_chosen_course(
    client, editor, evil_learner, loom_course
):
    client.force_login(editor)
    url = reverse("courses_report")
    html = client.get(url, {"course": loom_course.pk}).content.decode()
    assert "table=dropoff" in html
    response = client.get(
        url, {"course": loom_course.pk, "export": "csv", "table": "dropoff"}
    )
    rows = list(
        csv.reader(
            io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))
        )
    )
    assert rows == [
        ["Lesson", "Opened", "Completed"],
        ["Intro", "1", "1"],
        ["Check and practise", "0", "0"],
    ]
    response = client.get(
        url, {"course": loom_course.pk, "export": "xlsx", "table": "dropoff"}
    )
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [c.value for c in sheet[2]] == ["Intro", 1, 1]
