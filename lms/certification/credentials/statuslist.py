"""The Bitstring Status List's ``encodedList``: a bitstring (index 0 is the
left-most bit of the first byte), GZIP-compressed, multibase base64url (``u``)
without padding."""

from __future__ import annotations

import base64
import gzip
import io

MAX_ENCODED_CHARS = 200_000
MAX_LIST_BYTES = 1 << 20


def encode(indices, size: int) -> str:
    bits = bytearray(size // 8)
    for index in indices:
        bits[index // 8] |= 0x80 >> (index % 8)
    # mtime=0: the same bits give the same bytes (and the same cache key).
    packed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(packed).decode().rstrip("=")


def decode(encoded: str) -> bytes:
    """The bitstring; raises ValueError on anything malformed or too large."""
    if not encoded.startswith("u") or len(encoded) > MAX_ENCODED_CHARS:
        raise ValueError("not a base64url multibase list")
    body = encoded[1:]
    packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    with gzip.GzipFile(fileobj=io.BytesIO(packed)) as stream:
        bits = stream.read(MAX_LIST_BYTES + 1)
    if len(bits) > MAX_LIST_BYTES:
        raise ValueError("status list too large")
    return bits


def bit(bits: bytes, index: int) -> bool:
    return bool(bits[index // 8] & (0x80 >> (index % 8)))
