"""Settings of the Celery workers that tests/services/ start: the test settings, but
tasks really go through Redis, and e-mails are written (slowly, if asked) to files the
test can count. The test passes the database, broker and timings in the environment."""

from config.settings.test import *  # noqa: F403
from config.settings.test import CELERY_BROKER_TRANSPORT_OPTIONS, env

CELERY_TASK_ALWAYS_EAGER = False
EMAIL_BACKEND = "tests.services.slowmail.SlowFileEmailBackend"
EMAIL_FILE_PATH = env("MAIL_DIR")
CELERY_BROKER_TRANSPORT_OPTIONS = {
    **CELERY_BROKER_TRANSPORT_OPTIONS,
    "visibility_timeout": env.int("VISIBILITY_TIMEOUT", default=2 * 60 * 60),
    # Look for unacknowledged messages to restore every second, not every 100 s.
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
