"""nginx in front of gunicorn with the production config (.ci/nginx.conf.template):
the client address and scheme passed on, text compressed, static files served from
STATIC_ROOT by nginx itself, private files reachable only through X-Accel-Redirect."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from tests.services.webserver import Browser, render_nginx_conf
from tests.services.workers import wait_until

pytestmark = pytest.mark.services


def gunicorn_saw(server, path: str) -> str:
    """gunicorn's access-log line for ``path`` (written just after the answer)."""

    def line():
        found = [row for row in server.log().splitlines() if f" {path} " in row]
        return found[-1] if found else None

    return wait_until(line, timeout=10, what=f"gunicorn to log {path}")


def test_nginx_passes_the_client_address_and_scheme_and_compresses_text(start_site):
    """The client's own X-Forwarded-For is replaced by the address nginx sees (one
    trusted proxy), X-Forwarded-Proto says http; an HTML page comes gzipped to a
    client that accepts it, and plain to one that does not."""
    server = start_site(workers=1, celery=False, nginx=True)
    browser = Browser(server.base_url)

    forged = browser.request(
        "GET", "/healthz/?forged", headers={"X-Forwarded-For": "203.0.113.9"}
    )
    assert forged.status == 200
    line = gunicorn_saw(server, "/healthz/?forged")
    assert 'xff="127.0.0.1"' in line, line
    assert 'proto="http"' in line, line

    zipped = browser.request("GET", "/", headers={"Accept-Encoding": "gzip"})
    assert zipped.status == 200
    assert zipped.headers["Content-Encoding"] == "gzip"
    plain = browser.get("/")
    assert plain.status == 200 and "Content-Encoding" not in plain.headers
    assert "<html" in plain.body


def test_nginx_serves_static_files_itself_and_hides_private_ones(start_site):
    """A file put into STATIC_ROOT after gunicorn started (whitenoise indexed the
    folder at start-up and does not know it) is served through nginx; a file in
    PRIVATE_MEDIA_ROOT is not reachable at /protected/ from outside (404)."""
    server = start_site(workers=1, celery=False, nginx=True)
    static_root = Path(server.env["STATIC_ROOT"])
    name = f"nginx-check-{uuid.uuid4().hex}.css"
    (static_root / name).write_text("body { color: black; }\n" * 100)
    private = Path(server.env["PRIVATE_MEDIA_ROOT"]) / f"{uuid.uuid4().hex}.txt"
    private.write_text("evidence scan")
    try:
        through_nginx = Browser(server.base_url).request(
            "GET", f"/static/{name}", headers={"Accept-Encoding": "gzip"}
        )
        assert through_nginx.status == 200
        assert through_nginx.headers["Content-Encoding"] == "gzip"
        assert "max-age=" in through_nginx.headers["Cache-Control"]
        assert Browser(server.gunicorn_url).get(f"/static/{name}").status == 404

        hidden = Browser(server.base_url).get(f"/protected/{private.name}")
        assert hidden.status == 404
        assert "evidence scan" not in hidden.body
    finally:
        (static_root / name).unlink()
        private.unlink()


def test_template_refuses_to_render_with_a_value_missing():
    """Every @NAME@ must be given: a hole in the config is an error here, not an
    nginx that starts with ``alias @PRIVATE_MEDIA_ROOT@/``."""
    with pytest.raises(ValueError, match="PRIVATE_MEDIA_ROOT"):
        render_nginx_conf({"USER": "root"})
