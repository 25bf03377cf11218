"""Compression in production, each byte compressed once: static files precompressed
at collectstatic by whitenoise and sent as they are by nginx (``gzip_static``);
pages, JSON and the streamed CSV compressed by nginx; Django compresses nothing;
private files (PDF, XLSX, images) are sent as they are. The running behaviour is
checked through nginx in tests/services/test_nginx.py and test_board_export.py."""

import re
from pathlib import Path

from django.conf import settings

from tests.config.test_deploy_check import PRODUCTION_ENV, manage

ROOT = Path(__file__).resolve().parents[2]
NGINX = (ROOT / ".ci" / "nginx.conf.template").read_text()


def _gzip_types() -> set[str]:
    found = re.search(r"^\s*gzip_types([^;]+);", NGINX, re.MULTILINE)
    assert found, "gzip_types missing from the nginx template"
    return set(found.group(1).split())


def test_production_static_storage_precompresses_files():
    """collectstatic with the production settings writes a .gz beside each file
    (whitenoise's compressed manifest storage)."""
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings;"
        "print(settings.STORAGES['staticfiles']['BACKEND'])",
        env=PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


def test_nginx_sends_the_precompressed_static_files():
    static = re.search(r"location /static/ \{(.*?)\}", NGINX, re.DOTALL)
    assert static and "gzip_static on;" in static.group(1)


def test_nginx_compresses_text_but_not_private_files():
    types = _gzip_types()
    assert {"text/css", "application/javascript", "application/json", "text/csv"} <= (
        types
    )
    private = {
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/octet-stream",
        "application/zip",
        "image/jpeg",
        "image/png",
        "image/webp",
    }
    assert not types & private


def test_django_compresses_nothing_itself():
    """No GZipMiddleware: nginx is the one place a response is compressed."""
    assert not [m for m in settings.MIDDLEWARE if "gzip" in m.lower()]
