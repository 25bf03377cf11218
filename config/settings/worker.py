"""Celery: the broker, how the worker acknowledges, retries and times out tasks (late
acknowledgement, so a task whose worker dies runs again; tasks are idempotent, so a
second run changes nothing), and the beat schedule of the sweeps."""

from celery.schedules import crontab

from config.settings.environment import TIME_ZONE, env

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="memory://")
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 15 * 60
CELERY_TASK_TIME_LIMIT = 20 * 60
# Longer than the longest task, so a running task is not handed to a second worker.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 2 * 60 * 60}
CELERY_TASK_DEFAULT_RETRY_DELAY = 10
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "certificate-expiry-reminders": {
        "task": "lms.tasks.certificate_expiry_reminders",
        "schedule": crontab(hour=8, minute=0),
    },
    "clear-expired-sessions": {
        "task": "lms.tasks.clear_expired_sessions",
        "schedule": crontab(hour=3, minute=0),
    },
    "mentorship-overdue-milestones": {
        "task": "mentorship.tasks.notify_overdue_milestones",
        "schedule": crontab(hour=7, minute=30),
    },
    # E-mails whose queueing failed (broker down) or whose task was lost.
    "requeue-pending-notifications": {
        "task": "lms.tasks.requeue_pending_notifications",
        "schedule": crontab(minute="*/10"),
    },
    # Certificate imports whose dry run never reached the broker or was lost.
    "certificate-imports-requeue-pending": {
        "task": "lms.tasks.certificate_imports_requeue_pending",
        "schedule": crontab(minute="*/5"),
    },
    # Board exports: files older than a day deleted, lost ones queued again
    # (lms/certification/services/exports.py).
    "certificate-board-exports-sweep": {
        "task": "lms.tasks.certificate_board_exports_sweep",
        "schedule": crontab(minute="*/10"),
    },
    # Closed service requests unanswered for 14 days count as confirmed.
    "mentorship-confirm-unanswered-requests": {
        "task": "mentorship.tasks.confirm_unanswered_requests",
        "schedule": crontab(hour=6, minute=15),
    },
    # Mentors not yet told of a published service request (broker down, task lost).
    "mentorship-requests-notify-pending": {
        "task": "mentorship.tasks.notify_mentors_of_pending_requests",
        "schedule": crontab(minute="*/10"),
    },
    # Certificates of completions whose task never reached the broker or was lost.
    "certificates-issue-pending": {
        "task": "courses.tasks.certificates_issue_pending",
        "schedule": crontab(minute="*/2"),
    },
}
