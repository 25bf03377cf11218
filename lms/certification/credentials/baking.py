"""Badge baking (Open Badges 3.0, "Baked badges"): the credential travels inside
the badge image, in a PNG ``iTXt`` chunk with the keyword ``openbadgecredential``
or in an SVG ``<openbadges:credential>`` element. Reading walks the PNG's chunks
by hand and never decodes pixels, so an image bomb costs nothing."""

from __future__ import annotations

import html
import io
import struct
import zlib

from PIL import Image
from PIL.PngImagePlugin import PngInfo

KEYWORD = b"openbadgecredential"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG_OPEN = "<openbadges:credential"
SVG_CLOSE = "</openbadges:credential>"


class BakingError(ValueError):
    """No credential in the image (or a malformed image)."""


def bake_png(image: Image.Image, credential_json: str) -> bytes:
    info = PngInfo()
    info.add_itxt(KEYWORD.decode(), credential_json, zip=False)
    out = io.BytesIO()
    image.save(out, format="PNG", pnginfo=info)
    return out.getvalue()


def unbake_png(data: bytes, *, max_text: int) -> str:
    """The credential text of a baked PNG; BakingError when there is none."""
    if not data.startswith(PNG_SIGNATURE):
        raise BakingError("not a PNG")
    position = len(PNG_SIGNATURE)
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        if len(body) != length:
            break  # truncated
        if kind == b"iTXt" and body.split(b"\0", 1)[0] == KEYWORD:
            return _itxt_text(body, max_text=max_text)
        if kind == b"IEND":
            break
        position += 12 + length
    raise BakingError("no openbadgecredential chunk")


def _itxt_text(body: bytes, *, max_text: int) -> str:
    try:
        _keyword, rest = body.split(b"\0", 1)
        compressed, _method = rest[0], rest[1]
        _language, rest = rest[2:].split(b"\0", 1)
        _translated, text = rest.split(b"\0", 1)
    except (ValueError, IndexError):
        raise BakingError("malformed iTXt chunk") from None
    if compressed:
        inflater = zlib.decompressobj()
        try:
            text = inflater.decompress(text, max_text + 1)
        except zlib.error:
            raise BakingError("malformed compressed text") from None
    if len(text) > max_text:
        raise BakingError("credential too large")
    try:
        return text.decode("utf-8")
    except UnicodeDecodeError:
        raise BakingError("credential is not UTF-8") from None


def unbake_svg(text: str) -> str:
    """The credential inside an SVG's ``<openbadges:credential>`` (CDATA or
    escaped text). Found by plain search: the SVG is never parsed as XML, so
    entity expansion tricks have nothing to expand."""
    start = text.find(SVG_OPEN)
    end = text.find(SVG_CLOSE, start)
    if start < 0 or end < 0:
        raise BakingError("no openbadges:credential element")
    inner = text[text.find(">", start) + 1 : end].strip()
    if inner.startswith("<![CDATA[") and inner.endswith("]]>"):
        return inner[9:-3]
    return html.unescape(inner)
