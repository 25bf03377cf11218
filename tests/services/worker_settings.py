"""Settings of the Celery workers and beat that tests/services/ start: production's
(``config.settings.production``, read from the environment ``start_worker`` passes,
the one ``.ci/services.sh production_env`` sets), with only the test's instruments on
top: e-mails written (slowly, if asked) to files the test can count, the broker's
visibility timeout from the environment (seconds instead of production's two hours),
beat's certificate sweep every few seconds, and, for the negative controls only,
late acknowledgement switched off (``NEGATIVE_CONTROL_EARLY_ACK=1``)."""

from config.settings.production import *  # noqa: F403
from config.settings.production import (
    CELERY_BEAT_SCHEDULE,
    CELERY_BROKER_TRANSPORT_OPTIONS,
    env,
)

EMAIL_BACKEND = "tests.services.slowmail.SlowFileEmailBackend"
EMAIL_FILE_PATH = env("MAIL_DIR")
CELERY_BROKER_TRANSPORT_OPTIONS = {
    **CELERY_BROKER_TRANSPORT_OPTIONS,
    "visibility_timeout": env.int("VISIBILITY_TIMEOUT", default=2 * 60 * 60),
    # Look for unacknowledged messages to restore every second, not every 100 s.
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
# Beat (tests/services/test_redis_outage_site.py): the sweep every few seconds, not
# every two minutes; what it sweeps (pending for over a minute) is production's.
CELERY_BEAT_SCHEDULE = {
    **CELERY_BEAT_SCHEDULE,
    "certificates-issue-pending": {
        **CELERY_BEAT_SCHEDULE["certificates-issue-pending"],
        "schedule": env.float("SWEEP_SECONDS", default=120.0),
    },
}
if env.bool("NEGATIVE_CONTROL_EARLY_ACK", default=False):
    CELERY_TASK_ACKS_LATE = False
    CELERY_TASK_REJECT_ON_WORKER_LOST = False
