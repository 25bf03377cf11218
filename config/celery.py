"""The Celery app: tasks are found in each app's ``tasks.py``."""

import os

from celery import Celery

# gunicorn and Celery serve production; manage.py defaults to dev settings.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

app = Celery("craftskills")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
