"""An e-mail backend for the worker processes of tests/services/: it notes which
process started sending (so a test can kill it mid-task), waits SLOW_MAIL_SECONDS,
then writes the message to a file of its own (so a test can count what was sent)."""

import os
import time
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend


class SlowFileEmailBackend(EmailBackend):
    def send_messages(self, email_messages):
        started = Path(self.file_path) / "started"
        started.mkdir(exist_ok=True)
        (started / f"{os.getpid()}-{time.monotonic_ns()}").touch()
        time.sleep(float(os.environ.get("SLOW_MAIL_SECONDS", "0")))
        return super().send_messages(email_messages)
