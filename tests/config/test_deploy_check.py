"""Production settings pass Django's deployment checklist and refuse to start when a
required variable is missing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "k3Q9v-Zt1m0pX8rB2yW7nL5cE4aH6sJ0dF-gU1iO9kR3tY7wV2zN8qM5xC4bA6e",
    "ALLOWED_HOSTS": "skills.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://skills.example.org",
    # Nothing listens there: the checks must not need a live database or broker.
    "DATABASE_URL": "postgres://craftskills:secret@127.0.0.1:1/craftskills",
    "CELERY_BROKER_URL": "redis://127.0.0.1:1/0",
    "CACHE_URL": "redis://127.0.0.1:1/1",
    "EMAIL_URL": "smtp+tls://mailer:secret@127.0.0.1:587",
    "SITE_URL": "https://skills.example.org",
    "CREDENTIAL_KEYS_SECRET": "Vb7-credential-keys-secret-for-the-deploy-check-only",
    # The signing authority in the database (as .ci/services.sh runs it); the
    # files mode is tested in tests/lms/certification/test_pdf_signatures.py.
    "PDF_SIGNING_MODE": "database",
    "PDF_SIGNING_SECRET": "Vb7-pdf-signing-secret-for-the-deploy-check-only",
}
OUR_VARIABLES = {
    *PRODUCTION_ENV,
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_COOKIES",
    "SERVE_MEDIA",
    "CELERY_TASK_ALWAYS_EAGER",
}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in OUR_VARIABLES}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_no_warnings_with_production_settings():
    """``manage.py check --deploy`` with the production variables set prints no
    warning at all (security, drf-spectacular schema, anything else)."""
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "missing",
    ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "CELERY_BROKER_URL", "SITE_URL"],
)
def test_production_refuses_to_start_without_a_required_variable(missing):
    """A forgotten variable stops start-up with its name, instead of falling back to
    an insecure key, a private SQLite file or an in-memory broker that loses tasks."""
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr


def test_production_settings_start_on_sqlite():
    """The production settings add PostgreSQL's connection options only on PostgreSQL:
    pointed at a SQLite file they still start (a one-machine trial, a restore check)."""
    env = {**PRODUCTION_ENV, "DATABASE_URL": "sqlite:////tmp/craftskills-deploy.db"}
    result = manage("check", env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_links_use_the_site_address():
    """Absolute links (e-mails, QR codes, the admin) come from SITE_URL, never from a
    loopback default."""
    code = (
        "import django; django.setup(); from django.conf import settings as s;"
        "from lms.links import absolute_url;"
        "print(absolute_url('/verify/x/'), s.WAGTAILADMIN_BASE_URL)"
    )
    base = {k: v for k, v in os.environ.items() if k not in OUR_VARIABLES}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**base, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "https://skills.example.org/verify/x/",
        "https://skills.example.org",
    ]


def test_wsgi_without_a_settings_module_means_production_not_debug():
    """gunicorn started without DJANGO_SETTINGS_MODULE gets the production settings
    (and so refuses to start without a secret) instead of the dev ones with DEBUG."""
    base = {k: v for k, v in os.environ.items() if k not in OUR_VARIABLES}
    result = subprocess.run(
        [sys.executable, "-c", "import config.wsgi"],
        cwd=ROOT,
        env=base,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr
