"""A ticket's code: the reservation's id and an HMAC (``SECRET_KEY``) of the id and
the reservation's random nonce, in base32 (60 bits), short enough to type at the
door when the phone cannot scan. Nothing guessable: a code for another id, or a
code altered by one character, fails the signature."""

from __future__ import annotations

import base64
import re

from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "home.events.ticket"
CODE_LENGTH = 12
_TYPED = re.compile(rf"^(\d{{1,12}})-([A-Z2-7]{{{CODE_LENGTH}}})$")


def _signature(pk: int, nonce: str) -> str:
    digest = salted_hmac(SALT, f"{pk}:{nonce}", algorithm="sha256").digest()
    return base64.b32encode(digest).decode()[:CODE_LENGTH]


def ticket_code(reservation) -> str:
    """``"42-K7QX-M2PA-9FJD"``: what the QR code holds and the ticket shows."""
    sig = _signature(reservation.pk, reservation.ticket_nonce)
    groups = "-".join(sig[i : i + 4] for i in range(0, CODE_LENGTH, 4))
    return f"{reservation.pk}-{groups}"


def parse(text: str) -> tuple[int, str] | None:
    """(id, signature) of a scanned or typed code, ``None`` if it is not shaped like
    one. Case, spaces and the dashes between groups do not matter."""
    text = "".join(str(text).split()).upper()[:64]
    head, _sep, tail = text.partition("-")
    match = _TYPED.match(f"{head}-{tail.replace('-', '')}")
    if match is None:
        return None
    return int(match.group(1)), match.group(2)


def signature_matches(reservation, signature: str) -> bool:
    expected = _signature(reservation.pk, reservation.ticket_nonce)
    return constant_time_compare(expected, signature)
