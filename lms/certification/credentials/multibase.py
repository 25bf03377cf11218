"""Multibase base58-btc (the ``z`` prefix) and Multikey Ed25519 keys, as the
Data Integrity and Controlled Identifiers specifications write them."""

from __future__ import annotations

ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_INDEX = {c: i for i, c in enumerate(ALPHABET)}

ED25519_PUB = b"\xed\x01"  # multicodec ed25519-pub (0xed) as a varint
ED25519_PRIV = b"\x80\x26"  # multicodec ed25519-priv (0x1300) as a varint


def b58encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    out = []
    while number:
        number, rest = divmod(number, 58)
        out.append(ALPHABET[rest])
    zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * zeros + "".join(reversed(out))


def b58decode(text: str) -> bytes:
    number = 0
    for char in text:
        if char not in _INDEX:
            raise ValueError("not base58")
        number = number * 58 + _INDEX[char]
    zeros = len(text) - len(text.lstrip("1"))
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * zeros + body


def multibase_encode(data: bytes) -> str:
    return "z" + b58encode(data)


def multibase_decode(text: str) -> bytes:
    if not isinstance(text, str) or not text.startswith("z") or len(text) > 200:
        raise ValueError("not a base58-btc multibase value")
    return b58decode(text[1:])


def public_multikey(raw: bytes) -> str:
    return multibase_encode(ED25519_PUB + raw)


def public_key_from_multikey(text: str) -> bytes:
    data = multibase_decode(text)
    if not data.startswith(ED25519_PUB) or len(data) != 34:
        raise ValueError("not an Ed25519 Multikey")
    return data[2:]


def private_key_from_multikey(text: str) -> bytes:
    data = multibase_decode(text)
    if not data.startswith(ED25519_PRIV) or len(data) != 34:
        raise ValueError("not an Ed25519 private Multikey")
    return data[2:]
