"""Fast, isolated settings for pytest. Services tests override the database and broker
through the environment (``DATABASE_URL``, ``CELERY_BROKER_URL``)."""

import os

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-secret-key"
CREDENTIAL_KEYS_SECRET = "test-only-credential-keys-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = env("SMS_BACKEND", default="lms.sms.backends.LocmemSender")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://tests")}
# Under pytest-xdist each worker clears the cache before every test: on Redis, give each
# worker a database of its own (gw0 → the URL's database + 1, gw1 → + 2, ...).
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if _worker and "redis" in CACHES["default"]["BACKEND"].lower():
    _base, _, _db = CACHES["default"]["LOCATION"].rpartition("/")
    _offset = int(_worker.removeprefix("gw") or 0) + 1
    CACHES["default"]["LOCATION"] = f"{_base}/{int(_db or 0) + _offset}"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = env("MEDIA_ROOT", default="/tmp/craftskills-test-media")
PRIVATE_MEDIA_ROOT = env("PRIVATE_MEDIA_ROOT", default="/tmp/craftskills-test-private")
PRIVATE_MEDIA_ACCEL_REDIRECT = ""
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
PDF_SIGNING_SECRET = "test-only-pdf-signing-secret"
NOTICES_STRICT = True  # an unknown notification kind raises (lms.notices)
# PRODUCTION_CACHES=1: the caches as production has them (cached_db sessions, the
# anonymous page cache on; CACHE_URL picks the backend, Redis under .ci/services.sh),
# so the code path production runs is tested too (Makefile `test`, second run).
if env.bool("PRODUCTION_CACHES", default=False):
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    ANON_PAGE_CACHE_SECONDS = 300
