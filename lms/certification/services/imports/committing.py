"""Committing: the all-or-nothing write of a checked batch's certificates (in
chunks, each with its "issued" history event and the holder's name on the day),
the batch's progress as the page polls it, and how a batch is closed with its
outcome. The caller holds the transaction: a failure anywhere writes nothing."""

from __future__ import annotations

from django.core.cache import cache
from django.utils import timezone

from lms.certification.services.certificates import issuing_body_for
from lms.models import CertificateEvent, ImportBatch, SkillCertificate, User

from .resolving import chunks

CHUNK = 1_000


def progress_key(batch_id: int) -> str:
    return f"import-progress:{batch_id}"


def progress_read(*, batch: ImportBatch) -> dict:
    """What the progress bar shows: the cache while a task runs, else the row."""
    live = cache.get(progress_key(batch.pk))
    if live and batch.status in (
        ImportBatch.Status.CHECKING,
        ImportBatch.Status.IMPORTING,
    ):
        return live
    return {"status": batch.status, "progress": batch.progress}


def progress_write(batch: ImportBatch, status: str, done: int, total: int) -> None:
    percent = min(99, round(100 * done / total)) if total else 0
    cache.set(
        progress_key(batch.pk), {"status": status, "progress": percent}, timeout=3600
    )


def batch_finish(batch: ImportBatch, **fields) -> None:
    """Stores the batch's outcome (``fields``) and forgets its live progress."""
    fields.setdefault("finished_at", timezone.now())
    ImportBatch.objects.filter(pk=batch.pk).update(**fields)
    cache.delete(progress_key(batch.pk))


def _stamp_holders_and_issuer(
    batch: ImportBatch, certificates: list[SkillCertificate]
) -> None:
    """Each new certificate records its holder's name on the day of import and
    points at the issuing body's record (a query per 500 holders)."""
    if not certificates:
        return
    names: dict[int, str] = {}
    holder_ids = sorted({c.holder_id for c in certificates})
    for chunk in chunks(holder_ids):
        for user in User.objects.filter(pk__in=chunk).only(
            "pk", "email", "display_name", "first_name", "last_name"
        ):
            names[user.pk] = user.get_full_name()
    body = issuing_body_for(batch.issuer_name)
    for certificate in certificates:
        certificate.holder_name = names.get(certificate.holder_id, "")[:200]
        certificate.issuing_body = body


def certificates_write(
    *, batch: ImportBatch, new: list[SkillCertificate], total: int
) -> None:
    """Writes ``new`` with ``bulk_create`` in chunks of ``CHUNK``, each certificate
    with its "issued" event; progress runs from half (the check) to the end. Call
    inside a transaction."""
    _stamp_holders_and_issuer(batch, new)
    for start in range(0, len(new), CHUNK):
        created = SkillCertificate.objects.bulk_create(new[start : start + CHUNK])
        if created and created[0].pk is None:  # pragma: no cover - old SQLite
            created = list(
                SkillCertificate.objects.filter(
                    import_batch=batch,
                    number__in=[c.number for c in created],
                ).only("pk")
            )
        CertificateEvent.objects.bulk_create(
            CertificateEvent(
                certificate_id=c.pk,
                actor_id=batch.uploaded_by_id,
                action=CertificateEvent.Action.ISSUE,
                changes={"import_batch": batch.pk},
            )
            for c in created
        )
        progress_write(
            batch,
            ImportBatch.Status.IMPORTING,
            total + total * (start + len(created)) // max(1, len(new)),
            total * 2,
        )
