"""Bulk import of appraisal results: the dry run's row errors, all-or-nothing
commit, re-import changing nothing, file refusals, and a fuzzed CSV parser."""

import datetime
import io
import re

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kombu.exceptions import OperationalError

from lms.certification.services import imports
from lms.certification.tasks import certificate_import_check, certificate_import_commit
from lms.errors import DomainError
from lms.models import CertificateEvent, ImportBatch, SkillCertificate, SkillLevel
from tests.lms.certification.factories import (
    SkillCertificateFactory,
    officer,
    worker_of,
)
from tests.lms.factories import EnterpriseFactory, OccupationFactory, UserFactory

pytestmark = pytest.mark.django_db
HEADER = (
    "number,email,employee_number,occupation_code,level,issued_on,valid_until,score"
)


def upload(setting, text, name="results.csv", **kwargs):
    data = text.encode() if isinstance(text, str) else text
    with setting["capture"](execute=True):
        batch = imports.import_batch_create(
            actor=setting["officer"],
            upload=SimpleUploadedFile(name, data),
            issuer_kind=kwargs.get("issuer_kind", "outside"),
            issuer_name="Appraisal Centre",
            enterprise=kwargs.get("enterprise", setting["enterprise"]),
        )
    batch.refresh_from_db()
    return batch


def commit(setting, batch):
    with setting["capture"](execute=True):
        imports.import_batch_start(actor=setting["officer"], batch=batch)
    batch.refresh_from_db()
    return batch


GOOD = (
    HEADER + "\n"
    "W-1,alice@example.com,,6-18-02-04,4,2025-01-10,2028-01-10,88.5\n"
    "W-2,,E-2,6-18-02-04,5,2025/02/01,,\n"
)


def test_a_good_file_is_checked_then_committed_with_one_event_per_certificate(
    setting,
):
    batch = upload(setting, GOOD)
    assert batch.status == ImportBatch.Status.READY
    assert (batch.total_rows, batch.new_count, batch.error_count) == (2, 2, 0)
    assert not SkillCertificate.objects.exists()  # the dry run writes nothing
    batch = commit(setting, batch)
    assert batch.status == ImportBatch.Status.DONE
    first, second = SkillCertificate.objects.order_by("number")
    # "4" is the national grade 四级 (rank 3 of the eight).
    assert first.holder == setting["alice"]
    assert first.level == SkillLevel.INTERMEDIATE_WORKER
    # The name on the day of import, and the issuer's master-data record.
    assert first.holder_name == setting["alice"].get_full_name()
    assert first.issuing_body.name == "Appraisal Centre"
    assert str(first.score) == "88.50"
    assert second.holder == setting["bob"] and second.valid_until is None
    assert CertificateEvent.objects.filter(action="issue").count() == 2


def test_importing_the_same_file_again_changes_nothing_and_says_so(setting):
    commit(setting, upload(setting, GOOD))
    again = upload(setting, GOOD)
    assert again.status == ImportBatch.Status.READY
    assert (again.new_count, again.unchanged_count) == (0, 2)
    assert "already recorded" in again.summary_text
    again = commit(setting, again)
    assert again.status == ImportBatch.Status.DONE
    assert "Nothing to import" in again.summary_text
    assert SkillCertificate.objects.count() == 2


def test_committing_twice_is_harmless(setting):
    batch = commit(setting, upload(setting, GOOD))
    imports.import_batch_start(actor=setting["officer"], batch=batch)
    imports.import_batch_commit(batch_id=batch.pk)
    assert SkillCertificate.objects.count() == 2


BAD_ROWS = [
    ("W-9,alice@example.com,,9-99-99-99,4,2025-01-10,,", "occupation_code"),
    ("W-9,alice@example.com,,6-18-02-04,6,2025-01-10,,", "level"),
    ("W-9,alice@example.com,,6-18-02-04,0,2025-01-10,,", "level"),
    ("W-9,alice@example.com,,6-18-02-04,3.5,2025-01-10,,", "level"),
    ("W-9,alice@example.com,,6-18-02-04,4,2025-01-10,2024-01-10,", "valid_until"),
    ("W-9,alice@example.com,,6-18-02-04,4,10 Jan 2025,,", "issued_on"),
    ("W-9,nobody@example.com,,6-18-02-04,4,2025-01-10,,", "email"),
    ("W-9,,E-404,6-18-02-04,4,2025-01-10,,", "employee_number"),
    ("W-9,alice@example.com,E-2,6-18-02-04,4,2025-01-10,,", "employee_number"),
    ("W-9,,,6-18-02-04,4,2025-01-10,,", "email"),
    (",alice@example.com,,6-18-02-04,4,2025-01-10,,", "number"),
    ("W-9,alice@example.com,,6-18-02-04,4,2025-01-10,,abc", "score"),
    ("W-9,alice@example.com,,6-18-02-04,4,2025-01-10,,,extra", ""),
]


@pytest.mark.parametrize(("line", "column"), BAD_ROWS)
def test_each_bad_row_is_reported_with_row_number_and_column(setting, line, column):
    text = GOOD + line + "\n"
    batch = upload(setting, text)
    assert batch.status == ImportBatch.Status.INVALID
    assert {"row": 4, "column": column} == {
        k: batch.errors[0][k] for k in ("row", "column")
    }
    assert batch.error_rows[0]["message"]
    with pytest.raises(DomainError):
        imports.import_batch_start(actor=setting["officer"], batch=batch)
    assert not SkillCertificate.objects.exists()


def test_a_number_twice_in_the_file_is_an_error_naming_both_rows(setting):
    batch = upload(setting, GOOD + GOOD.splitlines()[1] + "\n")
    assert batch.error_rows == [
        {"row": 4, "column": "number", "message": "The number W-1 is also in row 2."}
    ]
    with translation.override("zh-hans"):
        assert batch.error_rows[0]["message"] == "编号 W-1 也出现在第 2 行。"


def test_summaries_and_row_errors_are_stored_as_codes_and_read_in_the_readers_language(
    setting,
):
    """One batch, checked while the officer worked in English, reads in Chinese on
    a Chinese page: no English text is stored."""
    batch = upload(
        setting, GOOD + "W-9,nobody@example.com,,6-18-02-04,4,2025-01-10,,\n"
    )
    assert "nobody" not in str(batch.summary) and batch.message == ""
    assert batch.errors[0]["text"] == "Nobody has this e-mail address."
    with translation.override("en"):
        assert batch.summary_text == (
            "1 row has errors; nothing will be imported until it is fixed."
        )
    with translation.override("zh-hans"):
        summary, problem = batch.summary_text, batch.error_rows[0]["message"]
    for text in (summary, problem):
        assert re.search(r"[\u4e00-\u9fff]", text) and not re.search(
            "[A-Za-z]{3}", text
        )


def test_an_import_stored_as_english_text_before_summaries_still_reads(setting):
    batch = upload(setting, GOOD)
    ImportBatch.objects.filter(pk=batch.pk).update(
        summary={},
        message="Old words",
        errors=[{"row": 2, "column": "", "message": "x"}],
    )
    batch.refresh_from_db()
    assert batch.summary_text == "Old words"
    assert batch.error_rows[0]["message"] == "x"


def test_a_number_already_recorded_with_other_details_is_an_error(setting):
    SkillCertificateFactory(
        number="W-1", issuer_name="Appraisal Centre", holder=setting["bob"]
    )
    batch = upload(setting, GOOD)
    assert batch.status == ImportBatch.Status.INVALID
    assert batch.errors[0]["row"] == 2 and batch.errors[0]["column"] == "number"


def test_unknown_and_missing_columns_are_reported_on_row_1(setting):
    batch = upload(setting, "number,colour,level\nW-1,red,4\n")
    columns = {e["column"] for e in batch.errors}
    assert {"colour", "occupation_code", "issued_on"} <= columns
    assert all(e["row"] == 1 for e in batch.errors)


def test_not_a_csv_or_xlsx_is_refused(setting):
    with pytest.raises(Exception):  # noqa: B017 - FileRefused, stored on the batch
        imports.read_table(io.BytesIO(b"x"), "results.pdf")
    batch = upload(setting, b"PK\x03\x04 not really a zip", name="results.xlsx")
    assert batch.status == ImportBatch.Status.INVALID
    assert "Excel" in batch.summary_text


def test_non_utf8_csv_is_refused_with_a_message(setting):
    batch = upload(setting, (HEADER + "\nW-1,张三\n").encode("gb18030"))
    assert batch.status == ImportBatch.Status.INVALID
    assert "UTF-8" in batch.summary_text


def test_more_rows_than_the_limit_are_refused():
    rows = [HEADER.split(",")] + [["W", "a@b.c", "", "x", "4", "2025-01-01"]] * 4
    with pytest.raises(imports.FileRefused):
        imports.parse_rows(rows, max_rows=3)


def test_xlsx_files_are_read_including_real_dates_and_numbers(setting):
    import datetime

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    sheet.append(
        [
            "X-1",
            "alice@example.com",
            None,
            "6-18-02-04",
            3.0,
            datetime.datetime(2025, 3, 1),
            datetime.date(2027, 3, 1),
            91,
        ]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    batch = commit(setting, upload(setting, buffer.getvalue(), name="r.xlsx"))
    certificate = SkillCertificate.objects.get(number="X-1")
    assert batch.status == ImportBatch.Status.DONE
    assert certificate.level == SkillLevel.SENIOR_WORKER  # 3.0: grade 三级
    assert certificate.issued_on == datetime.date(2025, 3, 1)


def test_enterprise_appraisal_import_needs_the_enterprise(setting):
    with pytest.raises(DomainError):
        upload(setting, GOOD, issuer_kind="enterprise", enterprise=None)


def test_only_officers_may_import(setting):
    with pytest.raises(DomainError):
        imports.import_batch_create(
            actor=UserFactory(),
            upload=SimpleUploadedFile("r.csv", GOOD.encode()),
            issuer_kind="outside",
            issuer_name="X",
        )


def test_commit_queries_do_not_grow_with_rows(setting, django_assert_max_num_queries):
    """Bulk: never one query per row. (SQLite allows 999 parameters per query, so
    its bulk inserts carry ~45 certificates each; PostgreSQL takes 1,000.)"""
    lines = [HEADER] + [
        f"N-{i},alice@example.com,,6-18-02-04,4,2025-01-10,," for i in range(1500)
    ]
    batch = upload(setting, "\n".join(lines))
    assert batch.status == ImportBatch.Status.READY
    ImportBatch.objects.filter(pk=batch.pk).update(status="importing")
    with django_assert_max_num_queries(100):
        imports.import_batch_commit(batch_id=batch.pk)
    assert SkillCertificate.objects.count() == 1500


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(
        st.lists(
            st.one_of(
                st.text(max_size=12),
                st.sampled_from(["4", "2025-01-10", "6-18-02-04", "", "=1+1", "9"]),
            ),
            max_size=10,
        ),
        max_size=6,
    )
)
def test_parser_never_raises_anything_but_row_errors(body):
    """Fuzzed rows under a valid header: every outcome is rows or row errors."""
    rows = [HEADER.split(","), *body]
    parsed, errors = imports.parse_rows(rows)
    assert all(isinstance(e, imports.RowError) for e in errors)
    assert len(parsed) + len({e.row for e in errors}) <= len(body)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_csv_reader_on_random_bytes_gives_rows_errors_or_a_refusal(data):
    try:
        imports.parse_rows(imports.read_csv(io.BytesIO(data)))
    except imports.FileRefused as refused:
        assert refused.message


def test_an_upload_over_the_limit_is_refused_with_413_and_nothing_stored(
    client, settings
):
    """The guard drops the file while it streams in (a 200 MB upload is never
    written to disk), and the page says why."""
    from django.urls import reverse

    settings.CERTIFICATE_IMPORT_MAX_BYTES = 1024
    client.force_login(officer())
    response = client.post(
        reverse("certification:import_upload"),
        {
            "file": SimpleUploadedFile("big.csv", b"x" * 200_000),
            "issuer_kind": "outside",
            "issuer_name": "Centre",
            "evidence_kind": "appraisal",
        },
    )
    assert response.status_code == 413
    assert "larger than" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_upload_page_creates_a_batch_and_shows_its_dry_run(
    client, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    OccupationFactory(code="6-18-02-04")
    worker_of(EnterpriseFactory(), "E-1", email="alice@example.com")
    client.force_login(officer())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("certification:import_upload"),
            {
                "file": SimpleUploadedFile(
                    "r.csv",
                    GOOD.splitlines()[0].encode()
                    + b"\n"
                    + GOOD.splitlines()[1].encode(),
                ),
                "issuer_kind": "outside",
                "issuer_name": "Centre",
                "evidence_kind": "appraisal",
            },
        )
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    status = client.get(reverse("certification:import_status", args=[batch.pk]))
    assert status.json()["status"] == "ready" and status.json()["new"] == 1
    page = client.get(reverse("certification:import_detail", args=[batch.pk]))
    assert "Import 1 certificate" in page.content.decode()


# --- with the broker down: the upload and the start succeed, nothing is lost --------


def broker_down(*args, **kwargs):
    raise OperationalError("Error 111 connecting to 127.0.0.1:63799.")


def age(batch, minutes):
    ImportBatch.objects.filter(pk=batch.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=minutes)
    )


def test_an_upload_waits_pending_and_the_sweep_runs_its_dry_run(setting, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(certificate_import_check, "delay", broker_down)
        batch = upload(setting, GOOD)
    assert batch.status == ImportBatch.Status.PENDING
    assert imports.imports_requeue_pending() == 0  # too fresh: its task may be queued
    age(batch, 3)
    assert imports.imports_requeue_pending() == 1  # eager here: the dry run ran
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.READY
    assert imports.imports_requeue_pending() == 0


def test_the_sweep_leaves_uploads_older_than_a_day(setting, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(certificate_import_check, "delay", broker_down)
        batch = upload(setting, GOOD)
    age(batch, 60 * 25)
    assert imports.imports_requeue_pending() == 0


def test_a_start_with_the_broker_down_goes_back_to_ready_and_can_start_again(
    setting, monkeypatch
):
    batch = upload(setting, GOOD)
    with monkeypatch.context() as patch:
        patch.setattr(certificate_import_commit, "delay", broker_down)
        batch = commit(setting, batch)
    assert batch.status == ImportBatch.Status.READY
    assert not SkillCertificate.objects.exists()
    batch = commit(setting, batch)
    assert batch.status == ImportBatch.Status.DONE
    assert SkillCertificate.objects.count() == 2
