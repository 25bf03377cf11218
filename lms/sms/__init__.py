"""Text messages (sign-in and verification codes) through a pluggable sender, as
Django sends e-mail through a backend: ``SMS_BACKEND`` names the sender's dotted path.
The platform ships senders that never touch the network (console, file, memory);
a gateway's sender is one class with ``send_messages``."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class TextMessage:
    to: str
    body: str


def get_sender():
    return import_string(settings.SMS_BACKEND)()


def send_sms(*, to: str, body: str) -> None:
    get_sender().send_messages([TextMessage(to=to, body=body)])
