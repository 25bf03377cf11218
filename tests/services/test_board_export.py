"""The HR board's Excel export on the production layout: asked for through nginx,
written by a real Celery worker through Redis into the private folder, downloaded
through nginx's X-Accel-Redirect (sent as it is, not compressed) by its requester
only; the board page itself comes gzipped, and static files come precompressed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.urls import reverse

from lms.models import BoardExport
from tests.lms.certification.factories import SkillCertificateFactory, hr_of, worker_of
from tests.lms.factories import EnterpriseFactory
from tests.services.learners import server_side_session
from tests.services.webserver import Browser
from tests.services.workers import wait_until

pytestmark = pytest.mark.services


def finished(export_id: int) -> BoardExport | None:
    export = BoardExport.objects.get(pk=export_id)
    return export if export.status in ("done", "failed") else None


def test_export_runs_on_a_real_worker_and_only_its_requester_downloads_it(
    start_site, start_worker
):
    server = start_site(workers=1, celery=False, nginx=True)
    # The worker writes where the site reads private files from.
    worker = start_worker(
        "export-worker", PRIVATE_MEDIA_ROOT=server.env["PRIVATE_MEDIA_ROOT"]
    )
    enterprise = EnterpriseFactory()
    hr = hr_of(enterprise)
    for n in range(30):
        SkillCertificateFactory(holder=worker_of(enterprise, f"E-{n}"))
    browser = Browser(server.base_url, cookies=server_side_session(hr))

    board = browser.request(
        "GET", reverse("certification:board"), headers={"Accept-Encoding": "gzip"}
    )
    assert board.status == 200
    assert board.headers["Content-Encoding"] == "gzip"
    assert "csrftoken" in browser.cookies

    asked = browser.post(reverse("certification:export_request"), {"level": "4"})
    assert asked.status == 302, asked.body[:2000]
    export = BoardExport.objects.get(requested_by=hr)
    assert asked.headers["Location"].endswith(
        reverse("certification:export_detail", args=[export.pk])
    )
    export = wait_until(lambda: finished(export.pk), timeout=60, what="the export")
    assert export.status == "done", export.error
    assert (export.rows_done, export.rows_total) == (30, 30)
    assert worker.received("lms.tasks.certificate_board_export") == 1

    download = reverse("certification:export_download", args=[export.pk])
    sent = browser.request("GET", download, headers={"Accept-Encoding": "gzip"})
    assert sent.status == 200
    assert "Content-Encoding" not in sent.headers  # XLSX is zipped already
    assert sent.headers["Content-Type"].startswith("application/vnd.openxmlformats")
    assert sent.body.startswith("PK")  # the workbook, sent by nginx from the folder

    colleague = Browser(server.base_url, cookies=server_side_session(hr_of(enterprise)))
    assert colleague.get(download).status == 404


def test_static_files_come_precompressed_from_collectstatic(start_site):
    """nginx sends the .gz whitenoise wrote at collectstatic (its exact length),
    not a response compressed on the fly (which has no Content-Length)."""
    server = start_site(workers=1, celery=False, nginx=True)
    static_root = Path(server.env["STATIC_ROOT"])
    manifest = json.loads((static_root / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    packed = static_root / f"{hashed}.gz"
    assert packed.exists()
    sent = Browser(server.base_url).request(
        "GET", f"/static/{hashed}", headers={"Accept-Encoding": "gzip"}
    )
    assert sent.status == 200
    assert sent.headers["Content-Encoding"] == "gzip"
    assert int(sent.headers["Content-Length"]) == packed.stat().st_size
