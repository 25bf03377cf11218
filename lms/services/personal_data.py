"""Export one person's data as a ZIP file, and erase it on request (GDPR-style)."""

from __future__ import annotations

import io
import json
import logging
import zipfile

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import permissions, personal_data
from lms.errors import DomainError, PermissionDenied
from lms.models import User
from lms.private_files import storage_holding

logger = logging.getLogger("lms.personal_data")

EXPORT_FORMAT = 1


def personal_data_collect(*, user: User) -> dict:
    """Every registered app's part of the person's data (what data.json holds)."""
    return {
        "format": EXPORT_FORMAT,
        "exported_at": timezone.now().isoformat(),
        "person_id": user.pk,
        "parts": {part.name: part.exporter(user) for part in personal_data.parts()},
    }


def personal_data_export(*, user: User) -> bytes:
    """A ZIP of ``data.json`` and the person's uploaded files under ``files/``.
    A file missing from storage is listed in ``missing_files`` instead."""
    data = personal_data_collect(user=user)
    names = sorted(
        {n for part in data["parts"].values() for n in part.get("files", [])}
    )
    missing = []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            try:
                with storage_holding(name).open(name, "rb") as stored:
                    archive.writestr(f"files/{name}", stored.read())
            except (FileNotFoundError, OSError):
                missing.append(name)
        data["missing_files"] = missing
        archive.writestr(
            "data.json", json.dumps(data, ensure_ascii=False, indent=2, default=str)
        )
    return buffer.getvalue()


@transaction.atomic
def personal_data_erase(*, user: User, actor: User | None) -> User:
    """Erases the person's data in every app, all or nothing; files are deleted
    once committed. ``actor`` is the staff member (None: a management command run
    by an operator). Running it again changes nothing."""
    if actor is not None and not permissions.can_erase_person(actor, user):
        raise PermissionDenied(_("You may not erase this person's data."))
    if user.is_superuser:
        raise DomainError(
            _("Remove the administrator rights of this account before erasing it."),
            code="erase_superuser",
        )
    user = User.objects.select_for_update(of=("self",)).get(pk=user.pk)
    # Apps that build on lms erase first; lms scrubs the account itself last.
    for part in reversed(personal_data.parts()):
        part.eraser(user)
    logger.warning(
        "personal data of person %s erased by %s",
        user.pk,
        getattr(actor, "pk", "a management command"),
    )
    return user
