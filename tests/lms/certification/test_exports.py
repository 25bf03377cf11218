"""The board's XLSX export as a background job: asked for by POST, written by the
(eager) Celery task into private storage with its rows, the requester told; only
the requester sees or downloads it; a double submit makes one job; a failing write
marks the job failed with a readable message; the sweep deletes old exports."""

import datetime
import io
import os

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from lms.certification import selectors
from lms.certification.services import exports
from lms.certification.tasks import certificate_board_export
from lms.models import BoardExport, Notification
from tests.lms.certification.factories import (
    SkillCertificateFactory,
    hr_of,
    officer,
    worker_of,
)
from tests.lms.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(client):
    enterprise = EnterpriseFactory()
    hr = hr_of(enterprise)
    client.force_login(hr)
    mine = [
        SkillCertificateFactory(
            holder=worker_of(enterprise, f"E-{n}", display_name=f"Worker {n}"),
            level=3 if n % 2 else 4,
        )
        for n in range(5)
    ]
    mine[0].holder.display_name = "=HYPERLINK(evil)"
    mine[0].holder.save()
    other = SkillCertificateFactory(holder=worker_of(EnterpriseFactory(), "X-1"))
    return {"client": client, "hr": hr, "mine": mine, "other": other}


def _ask(client, capture, data=None):
    with capture(execute=True):
        return client.post(reverse("certification:export_request"), data or {})


def _workbook(export: BoardExport) -> list[tuple]:
    with export.file.open("rb") as handle:
        book = openpyxl.load_workbook(io.BytesIO(handle.read()), read_only=True)
    return list(book.active.values)


def test_export_job_writes_the_filtered_rows_and_tells_the_requester(
    board, django_capture_on_commit_callbacks, settings
):
    """With eager Celery the job finishes in the request: the file in private
    storage holds the header and the requester's filtered rows (formulas quoted,
    other enterprises' certificates absent), and an inbox message links to it."""
    response = _ask(board["client"], django_capture_on_commit_callbacks, {"level": 3})
    export = BoardExport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "certification:export_detail", args=[export.pk]
    )
    assert export.status == BoardExport.Status.DONE
    assert (export.rows_done, export.rows_total, export.progress) == (2, 2, 100)
    assert export.file.path.startswith(os.path.abspath(settings.PRIVATE_MEDIA_ROOT))
    rows = _workbook(export)
    assert rows[0] == selectors.EXPORT_HEADER
    assert sorted(r[6] for r in rows[1:]) == sorted(
        c.number for c in board["mine"] if c.level == 3
    )
    notice = Notification.objects.get(recipient=board["hr"])
    assert notice.kind == exports.NOTICE_KIND
    assert notice.params == {"export": export.pk}


def test_formulas_are_quoted_and_the_page_offers_the_download(
    board, django_capture_on_commit_callbacks
):
    _ask(board["client"], django_capture_on_commit_callbacks)
    export = BoardExport.objects.get()
    names = {r[0] for r in _workbook(export)[1:]}
    assert "'=HYPERLINK(evil)" in names
    assert board["other"].holder.get_full_name() not in names
    page = board["client"].get(reverse("certification:export_detail", args=[export.pk]))
    download = reverse("certification:export_download", args=[export.pk])
    assert download in page.content.decode()
    assert 'http-equiv="refresh"' not in page.content.decode()  # finished: no refresh
    response = board["client"].get(download)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert response["Content-Disposition"].endswith('.xlsx"')


def test_a_double_submit_makes_one_job(board):
    """Two POSTs of the same filters while the first waits (the task not run yet)
    land on the same job; other filters make a job of their own."""
    client = board["client"]
    url = reverse("certification:export_request")
    first = client.post(url, {"level": 3})
    second = client.post(url, {"level": "3"})
    assert first["Location"] == second["Location"]
    assert BoardExport.objects.count() == 1
    client.post(url, {"level": 4})
    assert BoardExport.objects.count() == 2


def test_a_finished_job_is_not_written_again(board, django_capture_on_commit_callbacks):
    """Running the task again for a finished export changes nothing (same file)."""
    _ask(board["client"], django_capture_on_commit_callbacks)
    export = BoardExport.objects.get()
    assert certificate_board_export.delay(export.pk).get() == "done"
    export.refresh_from_db()
    assert BoardExport.objects.get().file.name == export.file.name
    assert Notification.objects.filter(recipient=board["hr"]).count() == 1


def test_the_pending_page_refreshes_itself_and_says_the_status(board):
    board["client"].post(reverse("certification:export_request"))
    export = BoardExport.objects.get()
    page = board["client"].get(reverse("certification:export_detail", args=[export.pk]))
    body = page.content.decode()
    assert '<noscript><meta http-equiv="refresh"' in body
    assert reverse("certification:export_download", args=[export.pk]) not in body
    status = board["client"].get(
        reverse("certification:export_status", args=[export.pk])
    )
    assert status.json()["status"] == "pending"
    assert status.json()["progress"] == 0


@pytest.mark.parametrize("name", ["export_detail", "export_status", "export_download"])
def test_another_person_gets_404_for_an_export(
    board, client, django_capture_on_commit_callbacks, name
):
    """Another HR of the same enterprise, and an officer who sees every
    certificate, are answered 404 for someone else's export."""
    _ask(board["client"], django_capture_on_commit_callbacks)
    export = BoardExport.objects.get()
    colleague = hr_of(board["hr"].memberships.first().enterprise)
    for person in (colleague, officer()):
        client.force_login(person)
        response = client.get(reverse(f"certification:{name}", args=[export.pk]))
        assert response.status_code == 404, person
    assert export.pk not in [e.pk for e in exports_seen_by(colleague)]


def exports_seen_by(user):
    from lms import permissions

    return permissions.records_for(user, "view", BoardExport)


def test_a_failing_write_marks_the_job_failed_with_a_message(
    board, django_capture_on_commit_callbacks, monkeypatch
):
    """The workbook writer raising: the job is failed with a message the requester
    can read in their language, no file is left, and they are told."""

    def broken(rows, file, **kwargs):
        next(iter(rows))
        raise ValueError("disk on fire")

    monkeypatch.setattr(exports, "xlsx_write", broken)
    with pytest.raises(ValueError, match="disk on fire"):
        _ask(board["client"], django_capture_on_commit_callbacks)
    export = BoardExport.objects.get()
    assert export.status == BoardExport.Status.FAILED
    assert not export.file
    assert "could not be written" in export.error_text
    with translation.override("zh-hans"):
        assert export.error_text != str(exports.FAILED_MESSAGE)
    page = board["client"].get(reverse("certification:export_detail", args=[export.pk]))
    assert "could not be written" in page.content.decode()
    assert Notification.objects.filter(recipient=board["hr"]).count() == 1
    # A new request for the same filters is allowed: the failed job is not open.
    board["client"].post(reverse("certification:export_request"))
    assert BoardExport.objects.filter(status="pending").count() == 1


def test_a_transient_error_is_retried_then_the_job_completes(board, monkeypatch):
    """A database hiccup on the first try: the task releases the job and Celery's
    retry (run at once by ``apply``) writes it."""
    from django.db import OperationalError

    real = exports.xlsx_write
    calls = []

    def flaky(rows, file, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection")
        return real(rows, file, **kwargs)

    monkeypatch.setattr(exports, "xlsx_write", flaky)
    board["client"].post(reverse("certification:export_request"))
    export = BoardExport.objects.get()
    result = certificate_board_export.apply(args=[export.pk], throw=False)
    assert result.get() == "done"
    assert len(calls) == 2
    assert BoardExport.objects.get().status == BoardExport.Status.DONE


def test_the_last_retry_marks_the_job_failed(board, monkeypatch):
    """Still down on the last retry: the job is failed with a readable message."""
    from django.db import OperationalError

    def down(rows, file, **kwargs):
        raise OperationalError("server closed the connection")

    monkeypatch.setattr(exports, "xlsx_write", down)
    board["client"].post(reverse("certification:export_request"))
    export = BoardExport.objects.get()
    last = certificate_board_export.max_retries
    certificate_board_export.apply(args=[export.pk], retries=last, throw=False)
    export.refresh_from_db()
    assert export.status == BoardExport.Status.FAILED
    assert "unavailable" in export.error_text


def test_the_sweep_deletes_exports_older_than_a_day_and_their_files(
    board, django_capture_on_commit_callbacks
):
    _ask(board["client"], django_capture_on_commit_callbacks)
    export = BoardExport.objects.get()
    storage, name = export.file.storage, export.file.name
    assert storage.exists(name)
    assert exports.board_exports_sweep() == {"deleted": 0, "queued": 0}
    later = timezone.now() + datetime.timedelta(days=1, minutes=1)
    assert exports.board_exports_sweep(now=later)["deleted"] == 1
    assert not BoardExport.objects.exists()
    assert not storage.exists(name)


def test_the_sweep_queues_a_lost_export_again(board):
    """An export asked for while the broker was down (never run) is written by the
    sweep's queueing once it has waited long enough."""
    board["client"].post(reverse("certification:export_request"))
    later = timezone.now() + datetime.timedelta(minutes=3)
    assert exports.board_exports_sweep(now=later) == {"deleted": 0, "queued": 1}
    assert BoardExport.objects.get().status == BoardExport.Status.DONE


def test_bad_filters_are_refused_and_make_no_job(board):
    response = board["client"].post(
        reverse("certification:export_request"), {"level": "99"}
    )
    assert response.status_code == 400
    assert "not valid" in response.content.decode()
    assert not BoardExport.objects.exists()


def test_the_ready_notice_renders_in_both_languages(
    board, django_capture_on_commit_callbacks
):
    from lms import notices

    _ask(board["client"], django_capture_on_commit_callbacks)
    export = BoardExport.objects.get()
    english = notices.render(exports.NOTICE_KIND, {"export": export.pk}, language="en")
    chinese = notices.render(
        exports.NOTICE_KIND, {"export": export.pk}, language="zh-hans"
    )
    assert english.subject == "Your certificate export is ready"
    assert "5 certificates" in english.body
    assert chinese.subject != english.subject
    assert english.link.endswith(f"/exports/{export.pk}/")
    export.delete()
    gone = notices.render(exports.NOTICE_KIND, {"export": export.pk}, language="en")
    assert not gone.available
