"""The site as production runs it, for tests/services/: gunicorn (sync workers) with
``config.settings.production`` on this test's PostgreSQL database and Redis, nginx in
front of it when asked (``.ci/nginx.conf.template``), and a small HTTP client (cookies,
CSRF, no redirects followed) for load generators.

Nothing here needs a package beyond the standard library."""

from __future__ import annotations

import http.client
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from tests.services.workers import ROOT, record_pid, wait_until

GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
NGINX_TEMPLATE = ROOT / ".ci" / "nginx.conf.template"
# What gunicorn logs of each request: the proxy headers show what nginx passed on.
ACCESS_LOG_FORMAT = (
    'access %(h)s "%(r)s" %(s)s xff="%({x-forwarded-for}i)s" '
    'proto="%({x-forwarded-proto}i)s" took=%(D)sus'
)


def free_port() -> int:
    """A port on loopback nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(*, port: int, database_url: str, secret_key: str, root: Path):
    """The variables ``.ci/services.sh production_env`` sets, for plain http on
    loopback, with this test's database; files go under ``root``. ``port`` is the
    public one (nginx's when it is in front): SITE_URL and the CSRF origin."""
    for sub in ("media", "private", "mail"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        # The test process makes sessions and password hashes: the same key signs them.
        "SECRET_KEY": secret_key,
        "DATABASE_URL": database_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CSRF_TRUSTED_ORIGINS": f"http://127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "SECURE_COOKIES": "0",
        "SERVE_MEDIA": "1",
        "MEDIA_ROOT": str(root / "media"),
        "PRIVATE_MEDIA_ROOT": str(root / "private"),
        "STATIC_ROOT": str(root / "static"),
        "EMAIL_URL": f"filemail:///{root / 'mail'}",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "LOG_LEVEL": "WARNING",
    }


def collectstatic(env: dict[str, str]) -> None:
    """The manifest the production static storage needs (a few seconds, once)."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT, env=env, check=True, timeout=180,
    )  # fmt: skip


def pid_dir(env: dict[str, str], fallback: Path) -> Path:
    """Where .ci/services.sh looks for processes to stop if the test process dies."""
    return Path(env.get("SERVICES_DIR", fallback)) / "pids"


def stop_process_group(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    """``sig`` to the group the process leads, SIGKILL if it is still there in 15 s."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, sig)
        process.wait(timeout=15)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def render_nginx_conf(values: dict[str, str]) -> str:
    """``.ci/nginx.conf.template`` with every ``@NAME@`` filled in (a missing one
    is an error, not an nginx that starts with a hole in its config)."""
    text = NGINX_TEMPLATE.read_text()
    for name, value in values.items():
        text = text.replace(f"@{name}@", value)
    left = sorted(set(re.findall(r"@[A-Z_]+@", text)))
    if left:
        raise ValueError(f"nginx template values missing: {left}")
    return text


class Nginx:
    """nginx in front of a gunicorn (``daemon off``, in a session of its own), with
    the production config from ``.ci/nginx.conf.template``."""

    def __init__(self, *, port: int, upstream: int, env: dict[str, str], log_dir: Path):
        self.port = port
        self.dir = log_dir / f"nginx-{port}"
        self.values = {
            "USER": pwd.getpwuid(os.getuid()).pw_name,
            "NGINX_DIR": str(self.dir),
            "PID_FILE": str(self.dir / "nginx.pid"),
            "GUNICORN_PORT": str(upstream),
            "NGINX_PORT": str(port),
            "STATIC_ROOT": env["STATIC_ROOT"],
            "MEDIA_ROOT": env["MEDIA_ROOT"],
            "PRIVATE_MEDIA_ROOT": env["PRIVATE_MEDIA_ROOT"],
        }
        self.pid_file = pid_dir(env, log_dir) / f"pytest-nginx-{port}.pid"
        self.process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def access_log(self) -> Path:
        return self.dir / "access.log"

    def start(self) -> Nginx:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.dir.mkdir(parents=True, exist_ok=True)
        conf = self.dir / "nginx.conf"
        conf.write_text(render_nginx_conf(self.values))
        error_log = str(self.dir / "error.log")
        command = [nginx, "-c", str(conf), "-e", error_log]
        checked = subprocess.run(
            [*command, "-t"], capture_output=True, text=True, timeout=30
        )
        assert checked.returncode == 0, checked.stderr
        self.process = subprocess.Popen(
            [*command, "-g", "daemon off;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        record_pid(self.pid_file, self.process.pid)
        wait_until(self._ready, timeout=30, what="nginx to answer /healthz/")
        return self

    def _ready(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"nginx exited:\n{self.log()}")
        try:
            return Browser(self.base_url, timeout=5).get("/healthz/").status == 200
        except OSError:
            return False

    def log(self) -> str:
        path = self.dir / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        if self.process is not None:
            stop_process_group(self.process)  # TERM: nginx's fast shutdown
        self.pid_file.unlink(missing_ok=True)


class WebServer:
    """``gunicorn config.wsgi`` in a session of its own, nginx in front if asked for;
    their pid files lie in ``$SERVICES_DIR/pids`` so .ci/services.sh stops them if the
    test process dies. ``base_url`` is the public address (nginx's, when in front)."""

    def __init__(
        self,
        *,
        env: dict[str, str],
        port: int,
        workers: int,
        log_dir: Path,
        front_port: int | None = None,
    ):
        if front_port:  # nginx sends private files on Django's word (X-Accel-Redirect)
            env = {**env, "PRIVATE_MEDIA_ACCEL_REDIRECT": "/protected/"}
        self.env = env
        self.port = port
        self.workers = workers
        self.log_path = log_dir / f"gunicorn-{port}.log"
        self.pid_file = pid_dir(env, log_dir) / f"pytest-gunicorn-{port}.pid"
        self.process: subprocess.Popen | None = None
        self.worker = None  # the Celery worker start_site started beside it, if any
        self.front = (
            Nginx(port=front_port, upstream=port, env=env, log_dir=log_dir)
            if front_port
            else None
        )

    @property
    def gunicorn_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        return self.front.base_url if self.front else self.gunicorn_url

    def start(self) -> WebServer:
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [
                GUNICORN, "config.wsgi",
                "--workers", str(self.workers),
                "--bind", f"127.0.0.1:{self.port}",
                "--timeout", "60",
                "--graceful-timeout", "5",
                "--backlog", "2048",
                "--error-logfile", "-",
                "--access-logfile", "-",
                "--access-logformat", ACCESS_LOG_FORMAT,
            ],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        log.close()
        record_pid(self.pid_file, self.process.pid)
        wait_until(self._ready, timeout=90, what="gunicorn to answer /healthz/")
        if self.front:
            self.front.start()
        return self

    def _ready(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"gunicorn exited:\n{self.log()}")
        try:
            return Browser(self.gunicorn_url, timeout=5).get("/healthz/").status == 200
        except OSError:
            return False

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.front:
            self.front.stop()
        if self.process is not None:
            stop_process_group(self.process)
        self.pid_file.unlink(missing_ok=True)


@dataclass
class Response:
    method: str
    path: str
    status: int
    headers: http.client.HTTPMessage | None
    body: str
    seconds: float
    ended: float = field(default_factory=time.monotonic)

    @property
    def location(self) -> str:
        return urlsplit(self.headers.get("Location", "")).path if self.headers else ""


@dataclass
class Tally:
    """Every response of a run, shared by the client threads."""

    responses: list[Response] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, response: Response) -> None:
        with self.lock:
            self.responses.append(response)

    def error(self, text: str) -> None:
        with self.lock:
            self.errors.append(text)

    def statuses(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for r in self.responses:
            counts[r.status] = counts.get(r.status, 0) + 1
        return dict(sorted(counts.items()))

    def server_errors(self) -> list[Response]:
        return [r for r in self.responses if r.status >= 500]

    def summary(self, seconds: float) -> str:
        times = sorted(r.seconds for r in self.responses) or [0.0]
        p50 = times[len(times) // 2]
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        return (
            f"{len(self.responses)} requests in {seconds:.0f} s "
            f"({len(self.responses) / max(seconds, 0.001):.1f}/s), statuses "
            f"{self.statuses()}, median {p50 * 1000:.0f} ms, 99th percentile "
            f"{p99 * 1000:.0f} ms, client errors {len(self.errors)}"
        )


CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Browser:
    """One visitor: a cookie jar, a fresh connection per request (gunicorn's sync
    workers close it anyway), CSRF from the cookie; redirects are not followed."""

    def __init__(
        self, base_url: str, *, cookies=None, timeout=60, tally=None, source=None
    ):
        """``source``: the loopback address to connect from (127.0.0.2, ...), so
        that nginx sees distinct clients."""
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.source = (source, 0) if source else None
        self.cookies: dict[str, str] = dict(cookies or {})
        self.timeout = timeout
        self.tally = tally

    def request(self, method: str, path: str, body: bytes | None = None, headers=None):
        headers = {"Host": f"{self.host}:{self.port}", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        start = time.monotonic()
        conn = http.client.HTTPConnection(
            self.host, self.port, timeout=self.timeout, source_address=self.source
        )
        try:
            conn.request(method, path, body=body, headers=headers)
            raw = conn.getresponse()
            text = raw.read().decode("utf-8", errors="replace")
        except OSError as error:
            if self.tally is not None:
                self.tally.error(f"{method} {path}: {type(error).__name__}: {error}")
            raise
        finally:
            conn.close()
        response = Response(
            method, path, raw.status, raw.headers, text, time.monotonic() - start
        )
        for cookie in raw.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if value and value != '""':
                self.cookies[name.strip()] = value
            else:
                self.cookies.pop(name.strip(), None)
        if self.tally is not None:
            self.tally.add(response)
        return response

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, data: dict | list | None = None) -> Response:
        """A form post with the CSRF token (the cookie's secret is a valid token);
        a page must have been opened first so that the cookie is set."""
        fields = list(data.items() if isinstance(data, dict) else data or [])
        fields.append(("csrfmiddlewaretoken", self.cookies.get("csrftoken", "")))
        body = urlencode(fields, doseq=True).encode()
        return self.request(
            "POST",
            path,
            body,
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
