"""Bad files for upload tests: real images cut short, random bytes, and a tiny PNG
that declares 30000 x 30000 pixels (900 megapixels: a decompression bomb)."""

from __future__ import annotations

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

FORMATS = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp"}


def image_bytes(fmt: str = "PNG", size=(64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (180, 40, 30)).save(buffer, fmt)
    return buffer.getvalue()


def bomb_png(width: int = 30_000, height: int = 30_000) -> bytes:
    """A valid PNG header and a few compressed rows: about 200 bytes on disk."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    rows = zlib.compress((b"\x00" + b"\x00" * ((width + 7) // 8)) * 4, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", rows)
        + chunk(b"IEND", b"")
    )


def upload(data: bytes, name: str = "photo.png") -> SimpleUploadedFile:
    content_type = "application/pdf" if name.endswith(".pdf") else "image/png"
    return SimpleUploadedFile(name, data, content_type=content_type)


# The cases every upload form is tried with (name, bytes).
BAD_FILES = {
    "random-bytes": ("photo.png", bytes(range(256)) * 4),
    "truncated-jpeg": ("photo.jpg", image_bytes("JPEG")[:300]),
    "truncated-png": ("photo.png", image_bytes("PNG")[:80]),
    "bomb": ("photo.png", bomb_png()),
    "html-as-png": ("photo.png", b"<html><script>alert(1)</script></html>"),
}
