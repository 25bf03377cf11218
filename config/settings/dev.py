"""The embedded default: SQLite, tasks run in-process, e-mail on the console."""

from .base import *  # noqa: F403
from .base import LOGGING, env

DEBUG = env.bool("DEBUG", default=True)
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
LMS_REQUIRE_MFA = env.bool("REQUIRE_MFA", default=False)

# Tasks run in-process here: a success logged at INFO for each would bury the console
# (workers in production keep them; the services tests read them from the worker log).
LOGGING["loggers"]["celery.app.trace"] = {"level": "WARNING"}
CREDENTIAL_KEYS_SECRET = env(
    "CREDENTIAL_KEYS_SECRET", default="dev-only-credential-keys-secret"
)

# Dev only: the key that encrypts the demo certificate authority's private keys.
PDF_SIGNING_SECRET = env("PDF_SIGNING_SECRET", default="dev-only-pdf-signing-secret")
