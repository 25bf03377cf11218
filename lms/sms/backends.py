"""Senders that stay on this machine: the console (the default, like Django's
console e-mail backend), a directory of files (browser tests read codes there) and
memory (unit tests read ``outbox``)."""

from __future__ import annotations

import sys
import threading
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from lms.sms import TextMessage

outbox: list[TextMessage] = []


def _render(message: TextMessage) -> str:
    return f"To: {message.to}\n\n{message.body}\n" + "-" * 40 + "\n"


class ConsoleSender:
    _lock = threading.Lock()

    def send_messages(self, messages: list[TextMessage]) -> int:
        with self._lock:
            for message in messages:
                sys.stdout.write(_render(message))
            sys.stdout.flush()
        return len(messages)


class FileSender:
    """One file per message in ``SMS_FILE_PATH``, named so they sort by time."""

    def send_messages(self, messages: list[TextMessage]) -> int:
        folder = getattr(settings, "SMS_FILE_PATH", "")
        if not folder:
            raise ImproperlyConfigured("FileSender needs SMS_FILE_PATH.")
        path = Path(folder)
        path.mkdir(parents=True, exist_ok=True)

        for message in messages:
            name = f"{time.time_ns()}-{uuid.uuid4().hex[:8]}.txt"
            (path / name).write_text(_render(message), encoding="utf-8")
        return len(messages)


class LocmemSender:
    def send_messages(self, messages: list[TextMessage]) -> int:
        outbox.extend(messages)
        return len(messages)
