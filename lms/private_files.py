"""Private uploads: certificate scans, import files, evidence, session photos and
request attachments live under ``PRIVATE_MEDIA_ROOT``, which has no URL. They are
served only by views that asked ``lms.permissions`` first; with
``PRIVATE_MEDIA_ACCEL_REDIRECT`` set (production behind nginx) the view answers with
an ``X-Accel-Redirect`` to nginx's internal location instead of streaming the bytes.

Photos lose their EXIF data (GPS position, camera, owner) and are turned upright
when saved; lists show small thumbnails made on first request."""

from __future__ import annotations

import io
import mimetypes
import os
import shutil
from urllib.parse import quote

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import models
from django.http import FileResponse, Http404, HttpResponse
from django.utils.deconstruct import deconstructible
from PIL import Image, ImageOps

THUMBNAIL_SIZE = (192, 192)
PHOTO_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp", ".gif"}


@deconstructible(path="lms.private_files.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """A file system storage under ``PRIVATE_MEDIA_ROOT`` without a URL: a private
    file's address is a view's, never a path the web server would answer."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def location(self):
        # Read each time: tests give every test a folder of its own.
        return os.path.abspath(settings.PRIVATE_MEDIA_ROOT)

    def url(self, name):
        raise ValueError("A private file has no URL: link to the view serving it.")


def private_storage() -> PrivateStorage:
    """The storage of every private FileField (a callable: migrations refer to it)."""
    return PrivateStorage()


# --- photos without EXIF ------------------------------------------------------------


def strip_photo(content, name: str):
    """The image turned upright by its EXIF orientation and saved again without any
    metadata; anything that is not an image we read is returned as it was."""
    if os.path.splitext(name)[1].lower() not in PHOTO_EXTENSIONS:
        return content
    try:
        content.seek(0)
        with Image.open(content) as image:
            image_format = image.format
            if getattr(image, "is_animated", False):
                return _rewind(content)  # GIF/WebP animations: kept, no EXIF in GIF
            upright = ImageOps.exif_transpose(image)
            buffer = io.BytesIO()
            options = {"quality": 90} if image_format == "JPEG" else {}
            upright.save(buffer, image_format, **options)
    except Exception:  # noqa: BLE001 - validators refused bad files already
        return _rewind(content)
    return ContentFile(buffer.getvalue(), name=os.path.basename(name))


def _rewind(content):
    content.seek(0)
    return content


class _StripsPhotoMetadata:
    """An upload not yet stored is cleaned of EXIF first, on every save path."""

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            file.file = strip_photo(file.file, file.name)
        return super().pre_save(model_instance, add)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, self._plain_path, args, kwargs


class PhotoField(_StripsPhotoMetadata, models.ImageField):
    _plain_path = "django.db.models.ImageField"


class PrivateFileField(_StripsPhotoMetadata, models.FileField):
    """A private upload; an image among them (a scan, a photo) loses its EXIF."""

    _plain_path = "django.db.models.FileField"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("storage", private_storage)
        super().__init__(*args, **kwargs)


class PrivatePhotoField(PhotoField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("storage", private_storage)
        super().__init__(*args, **kwargs)


def storage_holding(name: str):
    """The storage a file of that name is in: private first, then the public one
    (the personal data export and erasure get names of both kinds)."""
    private = private_storage()
    return private if private.exists(name) else default_storage


def delete_with_thumbnail(name: str) -> None:
    storage = storage_holding(name)
    storage.delete(name)
    if isinstance(storage, PrivateStorage):
        storage.delete(thumbnail_name(name))


# --- serving --------------------------------------------------------------------------


def thumbnail_name(name: str) -> str:
    return f"thumbnails/{os.path.splitext(name)[0]}.jpg"


def _thumbnail(field_file) -> str:
    """The stored thumbnail's name, made the first time it is asked for."""
    storage, name = field_file.storage, thumbnail_name(field_file.name)
    if not storage.exists(name):
        try:
            with field_file.open("rb") as handle, Image.open(handle) as image:
                small = ImageOps.exif_transpose(image).convert("RGB")
                small.thumbnail(THUMBNAIL_SIZE)
                buffer = io.BytesIO()
                small.save(buffer, "JPEG", quality=80)
        except FileNotFoundError:
            raise Http404 from None
        except Exception:  # noqa: BLE001 - not an image: no thumbnail
            raise Http404 from None
        storage.save(name, ContentFile(buffer.getvalue()))
    return name


def serve_private(
    field_file, *, download_name: str = "", thumbnail: bool = False
) -> HttpResponse:
    """A stored upload, served only after the view checked who may see it: streamed
    by Django, or handed to nginx by ``X-Accel-Redirect`` when the setting says so."""
    if not field_file:
        raise Http404
    name = _thumbnail(field_file) if thumbnail else field_file.name
    storage = field_file.storage
    if not storage.exists(name):
        raise Http404
    prefix = getattr(settings, "PRIVATE_MEDIA_ACCEL_REDIRECT", "")
    if prefix and isinstance(storage, PrivateStorage):
        response = HttpResponse(content_type=_content_type(name))
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(name)
        if download_name and not thumbnail:
            response["Content-Disposition"] = _attachment(download_name)
        return response
    return FileResponse(
        storage.open(name, "rb"),
        as_attachment=bool(download_name) and not thumbnail,
        filename=(download_name or None) if not thumbnail else None,
    )


def _content_type(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def _attachment(filename: str) -> str:
    return f"attachment; filename*=UTF-8''{quote(filename)}"


# --- migrations: files uploaded before this moved out of MEDIA_ROOT ------------------


def move_to_private(*fields: tuple[str, str]):
    """A RunPython function moving the files of ``("app.Model", "field")`` from
    MEDIA_ROOT into PRIVATE_MEDIA_ROOT (same names); run again, it finds none."""

    def forwards(apps, schema_editor):
        _move(apps, fields, settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT)

    def backwards(apps, schema_editor):
        _move(apps, fields, settings.PRIVATE_MEDIA_ROOT, settings.MEDIA_ROOT)

    return forwards, backwards


def _move(apps, fields, source_root, target_root) -> None:
    for label, field in fields:
        model = apps.get_model(label)
        names = model.objects.exclude(**{field: ""}).values_list(field, flat=True)
        for name in names.iterator():
            source = os.path.join(source_root, name)
            target = os.path.join(target_root, name)
            if os.path.isfile(source) and not os.path.exists(target):
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.move(source, target)
