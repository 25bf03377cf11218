"""Batch work: the certificate import (lms/certification/services/imports/) on
100,000 rows beside a plain bulk insert of the same rows, and certificate PDFs per
second (lms/certification/pdf.py).

Both run in this process, calling the same functions the Celery worker and the PDF
view call (the import's check and commit are exactly the tasks' bodies; the PDF is a
loop over ``certificate_pdf``), so they measure the work, not the queue."""

from __future__ import annotations

import csv
import io
import time

IMPORT_ROWS = 100_000
ISSUER = "Bench import centre"


class _Rollback(Exception):
    pass


def _officer():
    from django.contrib.auth.models import Group

    from lms.models import User
    from lms.roles import Role

    user, _ = User.objects.get_or_create(
        email="bench-officer@bench.example",
        defaults={"display_name": "Bench officer"},
    )
    user.groups.add(Group.objects.get(name=Role.OFFICER))
    return user


def _csv(rows: int, prefix: str) -> bytes:
    """An appraisal file: holders by e-mail, cycling through the bench workers."""
    from bench.generation.naming import worker_email
    from lms.models import Occupation, User

    workers = User.objects.filter(email__startswith="bench-worker-").count()
    codes = list(
        Occupation.objects.filter(code__startswith="B-").values_list("code", flat=True)
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["number", "email", "occupation_code", "level", "issued_on"])
    for i in range(rows):
        writer.writerow(
            [
                f"{prefix}-{i:06d}",
                worker_email(i % workers),
                codes[i % len(codes)],
                1 + i % 5,
                "2025-03-01",
            ]
        )
    return buffer.getvalue().encode()


def imports(rows: int = IMPORT_ROWS, *, out) -> dict:
    """Times the dry run and the commit of an import of ``rows`` rows, then a plain
    ``bulk_create`` of the same certificates (holder ids already known), rolled back."""
    import datetime
    from unittest import mock

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import transaction

    from lms.certification.services import imports as service
    from lms.models import ImportBatch, Occupation, SkillCertificate, User

    actor = _officer()
    prefix = f"IMP{int(time.time())}"
    data = _csv(rows, prefix)
    # Queued nowhere: this process runs the check and the commit itself, timed.
    with (
        mock.patch("lms.certification.tasks.certificate_import_check.delay_on_commit"),
        transaction.atomic(),
    ):
        batch = service.import_batch_create(
            actor=actor,
            upload=SimpleUploadedFile("bench.csv", data, content_type="text/csv"),
            issuer_kind=SkillCertificate.IssuerKind.OUTSIDE,
            issuer_name=ISSUER,
        )
    began = time.perf_counter()
    service.import_batch_check(batch_id=batch.pk)
    check = time.perf_counter() - began
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.READY, (batch.status, batch.message)
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.IMPORTING)
    began = time.perf_counter()
    service.import_batch_commit(batch_id=batch.pk)
    commit = time.perf_counter() - began
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.DONE, (batch.status, batch.message)

    # The floor: the same rows as SkillCertificate objects straight to bulk_create.
    holders = dict(
        User.objects.filter(email__startswith="bench-worker-").values_list(
            "email", "pk"
        )
    )
    occupations = dict(
        Occupation.objects.filter(code__startswith="B-").values_list("code", "pk")
    )
    parsed = list(csv.DictReader(io.StringIO(data.decode())))
    began = time.perf_counter()
    try:
        with transaction.atomic():
            SkillCertificate.objects.bulk_create(
                (
                    SkillCertificate(
                        holder_id=holders[row["email"]],
                        occupation_id=occupations[row["occupation_code"]],
                        level=int(row["level"]),
                        number="PLAIN-" + row["number"],
                        issuer_kind=SkillCertificate.IssuerKind.OUTSIDE,
                        issuer_name=ISSUER,
                        issued_on=datetime.date(2025, 3, 1),
                        evidence_kind=SkillCertificate.Evidence.APPRAISAL,
                    )
                    for row in parsed
                ),
                batch_size=service.CHUNK,
            )
            plain = time.perf_counter() - began
            raise _Rollback
    except _Rollback:
        pass
    result = {
        "rows": rows,
        "check_s": check,
        "commit_s": commit,
        "plain_s": plain,
        "import_rows_per_s": rows / (check + commit),
        "commit_rows_per_s": rows / commit,
        "plain_rows_per_s": rows / plain,
    }
    result["ratio"] = result["import_rows_per_s"] / result["plain_rows_per_s"]
    out.write(
        f"import of {rows:,} rows: check {check:.1f} s, commit {commit:.1f} s, "
        f"plain bulk insert {plain:.1f} s\n"
    )
    return result


def pdfs(seconds: float = 10.0, *, out) -> dict:
    """PDFs made per second by ``lms.certification.pdf.certificate_pdf`` in one
    process, over different certificates."""
    from lms.certification.pdf import certificate_pdf
    from lms.models import SkillCertificate

    certificates = list(
        SkillCertificate.objects.select_related("holder", "occupation")[:500]
    )
    certificate_pdf(certificates[0])  # fonts loaded once, as in a warm worker
    made, size, began = 0, 0, time.perf_counter()
    while time.perf_counter() - began < seconds:
        size += len(certificate_pdf(certificates[made % len(certificates)]))
        made += 1
    elapsed = time.perf_counter() - began
    result = {
        "count": made,
        "seconds": elapsed,
        "per_s": made / elapsed,
        "kb": size / made / 1024,
    }
    out.write(f"PDFs: {made} in {elapsed:.1f} s = {result['per_s']:.1f}/s\n")
    return result
