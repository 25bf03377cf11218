"""tests/services/ need real PostgreSQL, Redis and Celery workers: they run under
``make test-services`` (SERVICES=1, set by .ci/services.sh) and are skipped otherwise.
Only tests marked ``services`` are skipped; with SERVICES=1 a missing service fails
loudly instead of skipping."""

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.services.workers import Worker, database_url, wait_until

SERVICES = os.environ.get("SERVICES") == "1"


def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(
        reason="needs PostgreSQL, Redis, workers: make test-services"
    )
    for item in items:
        if not SERVICES and item.get_closest_marker("services"):
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def _serialized_rollback_into_empty_tables():
    """Tests with ``django_db_serialized_rollback`` (the real-process tests need
    Wagtail's pages and the role groups from the migrations) reload the state after
    the migrations at their start. A transactional test before them left its own
    rows behind: the flush at its end runs post_migrate, which makes the groups,
    content types and permissions again under new ids, and reloading the saved ones
    then collides with them ("duplicate key ... auth_group_name_key"). So the tables
    are emptied (without post_migrate) just before the reload, content types are
    loaded first, and the content-type cache is cleared around it."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db.backends.base.creation import BaseDatabaseCreation

    original = BaseDatabaseCreation.deserialize_db_from_string

    def into_empty_tables(self, data):
        call_command(
            "flush",
            verbosity=0,
            interactive=False,
            database=self.connection.alias,
            reset_sequences=False,  # the reloaded rows keep their ids
            inhibit_post_migrate=True,
        )
        # Content types first, and no stale ids from the cache: saving some rows
        # looks up their content type, which must then be the reloaded one.
        rows = json.loads(data)
        rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
        ContentType.objects.clear_cache()
        try:
            return original(self, json.dumps(rows))
        finally:
            ContentType.objects.clear_cache()

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            BaseDatabaseCreation, "deserialize_db_from_string", into_empty_tables
        )
        yield


@pytest.fixture(autouse=True)
def _post_migrate_after_serialized_rollback(request, django_db_blocker):
    """The flush after a serialized-rollback test skips post_migrate; this runs it
    (after that flush), so the next test starts as after any transactional test."""
    yield
    if "django_db_serialized_rollback" in request.fixturenames:
        from django.core.management.sql import emit_post_migrate_signal

        with django_db_blocker.unblock():
            emit_post_migrate_signal(verbosity=0, interactive=False, db="default")


@pytest.fixture(scope="session")
def services_env():
    """The environment .ci/services.sh exported; checked, so nothing silently skips."""
    url = os.environ.get("DATABASE_URL", "")
    broker = os.environ.get("CELERY_BROKER_URL", "")
    if not url.startswith("postgres") or not broker.startswith("redis"):
        pytest.fail(
            "SERVICES=1 needs DATABASE_URL=postgres://... and CELERY_BROKER_URL="
            "redis://... (run through .ci/services.sh)"
        )
    return {"broker": broker, "redis_conf": os.environ.get("SERVICES_REDIS_CONF", "")}


def record_restarted(name: str, own_pid_file: Path) -> None:
    """A service this test restarted (PostgreSQL, Redis) has a new pid: the record
    .ci/services.sh trusts is written again, so its cleanup stops the new one."""
    from tests.services.workers import record_pid

    wait_until(own_pid_file.exists, timeout=30, what=f"{own_pid_file} to be written")
    pid = int(own_pid_file.read_text().split()[0])
    record_pid(Path(os.environ["SERVICES_DIR"]) / "pids" / f"{name}.pid", pid)


def redis_cli(*args: str) -> str:
    port = os.environ["CELERY_BROKER_URL"].rsplit(":", 1)[1].split("/")[0]
    return subprocess.run(
        ["redis-cli", "-p", port, *args], capture_output=True, text=True, timeout=10
    ).stdout.strip()


@pytest.fixture
def redis_outage(services_env):
    """``stop()`` shuts the shared Redis down; it is started again (same config) at
    ``start()`` or at the end of the test, whatever happens."""
    conf = services_env["redis_conf"]
    if not conf or not os.path.exists(conf):
        pytest.fail("SERVICES_REDIS_CONF is not set: run through .ci/services.sh")

    def stop():
        redis_cli("SHUTDOWN", "NOSAVE")
        wait_until(lambda: redis_cli("PING") != "PONG", timeout=10, what="Redis down")

    def start():
        if redis_cli("PING") != "PONG":
            subprocess.run(["redis-server", conf], check=True, timeout=10)
        wait_until(lambda: redis_cli("PING") == "PONG", timeout=10, what="Redis")
        record_restarted("redis", Path(conf).parent / "redis" / "redis.pid")

    yield stop, start
    start()


@pytest.fixture
def broker(services_env, settings):
    """Tasks of this test process go to Redis (not run eagerly); the broker's queue
    starts empty. Restores eager mode afterwards."""
    from config.celery import app

    redis_cli("-n", "0", "FLUSHDB")
    app.conf.task_always_eager = False
    settings.CELERY_TASK_ALWAYS_EAGER = False
    yield app
    app.conf.task_always_eager = True


@pytest.fixture
def mail_dir(tmp_path) -> Path:
    path = tmp_path / "mail"
    path.mkdir()
    return path


def sent_messages(mail_dir: Path) -> list[str]:
    """Every e-mail the workers wrote, one string each."""
    messages = []
    for path in sorted(mail_dir.glob("*.log")):
        for chunk in path.read_text(errors="replace").split("-" * 79):
            if "Message-ID:" in chunk:
                messages.append(chunk)
    return messages


@pytest.fixture
def worker_env(transactional_db, broker, mail_dir, settings, tmp_path):
    """The environment of the Celery processes a test starts: the production settings
    (tests/services/worker_settings.py) on this test's database (pytest-django's
    test_<name>), e-mails into ``mail_dir``."""
    from django.db import connection

    from tests.services.webserver import production_env

    return {
        **production_env(
            port=0,
            database_url=database_url(connection.settings_dict),
            secret_key=settings.SECRET_KEY,
            root=tmp_path / "worker",
        ),
        "DJANGO_SETTINGS_MODULE": "tests.services.worker_settings",
        "MAIL_DIR": str(mail_dir),
        "SLOW_MAIL_SECONDS": "0",
    }


@pytest.fixture
def start_worker(worker_env, tmp_path):
    """``start_worker(name, **env)`` starts a real worker (production settings) on
    this test's database and mail folder; all are stopped at the end."""
    started: list[Worker] = []

    def start(name: str = "w1", *, concurrency: int = 2, **env) -> Worker:
        worker = Worker(
            name=name,
            env={**worker_env, **{k: str(v) for k, v in env.items()}},
            log_dir=tmp_path,
            concurrency=concurrency,
        )
        started.append(worker)
        return worker.start()

    yield start
    for worker in started:
        worker.kill()


@pytest.fixture
def start_beat(worker_env, tmp_path):
    """``start_beat(**env)`` starts one real ``celery beat`` (production settings,
    its schedule file in tmp_path); stopped at the end."""
    from tests.services.workers import Beat

    started: list[Beat] = []

    def start(**env) -> Beat:
        beat = Beat(
            env={**worker_env, **{k: str(v) for k, v in env.items()}},
            log_dir=tmp_path,
        )
        started.append(beat)
        return beat.start()

    yield start
    for beat in started:
        beat.kill()


@pytest.fixture(scope="session")
def site_root(services_env, tmp_path_factory) -> Path:
    """Folder of the production site's files (static, media, mail); static files
    collected once per session (the manifest storage needs them)."""
    from tests.services.webserver import collectstatic, production_env

    root = tmp_path_factory.mktemp("site")
    collectstatic(
        production_env(
            port=0,
            database_url=os.environ["DATABASE_URL"],
            secret_key="collectstatic-only",
            root=root,
        )
    )
    return root


@pytest.fixture
def start_site(
    django_db_serialized_rollback, start_worker, site_root, settings, tmp_path
):
    """``start_site(workers=4, celery=True, nginx=False)`` starts gunicorn with the
    production settings on this test's PostgreSQL database (pytest-django's
    test_<name>), Redis as cache and broker, (unless ``celery=False``) a real Celery
    worker, and (with ``nginx=True``) nginx in front, as production runs it
    (``.ci/nginx.conf.template``: X-Forwarded-For/-Proto, gzip, static files from
    STATIC_ROOT, ``/protected/`` for X-Accel-Redirect). Returns the WebServer, whose
    ``base_url`` is nginx's when it is in front (``gunicorn_url`` is gunicorn's).
    All are stopped at the end. The database is rolled back by serialisation, so
    Wagtail's pages from the migrations are there in every test."""
    from django.db import connection

    from tests.services.webserver import WebServer, free_port, production_env

    servers = []

    def start(*, workers: int = 4, celery: bool = True, nginx: bool = False):
        port = free_port()
        front_port = free_port() if nginx else None
        worker = None
        if celery:  # its links in e-mails point at the site
            worker = start_worker(
                "site-worker",
                concurrency=2,
                SITE_URL=f"http://127.0.0.1:{front_port or port}",
            )
        env = production_env(
            port=front_port or port,
            database_url=database_url(connection.settings_dict),
            secret_key=settings.SECRET_KEY,
            root=site_root,
        )
        server = WebServer(
            env=env,
            port=port,
            workers=workers,
            log_dir=tmp_path,
            front_port=front_port,
        )
        server.worker = worker
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()
