"""Certification's tasks live in lms/certification/tasks.py but keep the names they
had in lms.tasks: the worker registers them under those names (what the beat
schedule and messages already queued name), so moving the code lost no task."""

from django.conf import settings

from config.celery import app
from lms.certification import tasks

CERTIFICATION_TASKS = {
    "lms.tasks.certificate_import_check": tasks.certificate_import_check,
    "lms.tasks.certificate_import_commit": tasks.certificate_import_commit,
    "lms.tasks.certificate_imports_requeue_pending": (
        tasks.certificate_imports_requeue_pending
    ),
    "lms.tasks.certificate_expiry_reminders": tasks.certificate_expiry_reminders,
    "lms.tasks.certificate_board_export": tasks.certificate_board_export,
    "lms.tasks.certificate_board_exports_sweep": tasks.certificate_board_exports_sweep,
}


def test_the_worker_finds_every_task_the_beat_schedule_names():
    app.loader.import_default_modules()  # what a worker does at start-up
    named = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert named - set(app.tasks) == set()


def test_certification_tasks_keep_their_lms_tasks_names():
    app.loader.import_default_modules()
    for name, task in CERTIFICATION_TASKS.items():
        assert task.name == name
        assert app.tasks[name].run.__module__ == tasks.__name__
