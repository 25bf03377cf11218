""".ci/services.sh itself, run from here on ports and a folder of its own: a second run
never harms the first, a run leaves no process and no data behind, and a pid file is
trusted only while its process has the start time it recorded."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from tests.services.webserver import free_port
from tests.services.workers import ROOT, process_start_time, wait_until

pytestmark = pytest.mark.services

SCRIPT = str(ROOT / ".ci" / "services.sh")
HOLD = "tests/services/script_hold.py"
# What the outer run exported: the inner run makes its own.
OUTER = ("SERVICES", "DATABASE_URL", "CELERY_", "CACHE_URL", "DJANGO_SETTINGS_MODULE")


@pytest.fixture
def folders(tmp_path):
    """Data folders for the script's runs, in /tmp itself (pytest's tmp_path is not
    open to the postgres user); whatever a failed test left is stopped and removed."""
    made: dict[str, Path] = {}

    def folder(name: str) -> Path:
        if name not in made:
            made[name] = Path(f"/tmp/craftskills-script-test-{uuid.uuid4().hex[:8]}")
        return made[name]

    yield folder
    for path in made.values():
        if path.exists():
            env = {**os.environ, "SERVICES_DIR": str(path)}
            subprocess.run(["bash", SCRIPT, "stop"], env=env, timeout=120)


def script_env(tmp_path: Path, folder: Path, **ports: int) -> dict:
    hold = tmp_path / "hold"
    hold.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(OUTER)}
    env.update(
        SERVICES_ONLY="1",
        SERVICES_DIR=str(folder),
        SERVICES_HOLD_DIR=str(hold),
        SERVICES_PG_PORT=str(ports.get("pg") or free_port()),
        SERVICES_REDIS_PORT=str(ports.get("redis") or free_port()),
    )
    return env


def start_held_run(env: dict) -> subprocess.Popen:
    """A test run of the script, held open by script_hold.py until released."""
    run = subprocess.Popen(
        ["bash", SCRIPT, "test", HOLD, "-q"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip
    ready = Path(env["SERVICES_HOLD_DIR"]) / "ready"

    def up():
        if run.poll() is not None:
            raise AssertionError(f"the run ended early:\n{run.stdout.read()}")
        return ready.exists()

    wait_until(up, timeout=180, what="the script's run to be up")
    return run


def run_script(env: dict, mode: str = "test") -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", SCRIPT, mode, HOLD, "-q"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def listening(port: str) -> bool:
    try:
        with __import__("socket").create_connection(("127.0.0.1", int(port)), 1):
            return True
    except OSError:
        return False


def processes_mentioning(text: str) -> list[str]:
    """Command lines of live processes that name ``text`` (the run's folder)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            line = cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if text in line and "pytest" not in line:
            found.append(line)
    return found


def release(env: dict) -> None:
    (Path(env["SERVICES_HOLD_DIR"]) / "release").touch()


def test_a_second_run_refuses_and_the_first_ends_leaving_nothing_behind(
    tmp_path, folders
):
    """While a run lives: a second run on its folder refuses ("another run"), even
    with ports of its own; a run on another folder but the first one's ports refuses
    before it makes anything. The first run is unharmed, and once it ends no process
    of it remains, its ports are free and its folder is gone."""
    env = script_env(tmp_path, folders("first"))
    first = start_held_run(env)
    try:
        pg, redis = env["SERVICES_PG_PORT"], env["SERVICES_REDIS_PORT"]
        assert listening(pg) and listening(redis)

        same_folder = run_script(script_env(tmp_path, folders("first")))
        assert same_folder.returncode == 1
        assert f"another run (pid {first.pid}) is using" in same_folder.stderr

        other = folders("other")
        same_ports = run_script(script_env(tmp_path, other, pg=pg, redis=redis))
        assert same_ports.returncode == 1
        assert f"port {pg} on 127.0.0.1 is taken" in same_ports.stderr
        assert not other.exists()

        assert listening(pg) and listening(redis)
        assert (Path(env["SERVICES_DIR"]) / "pg" / "postmaster.pid").exists()
    finally:
        release(env)
        output = first.communicate(timeout=120)[0]
    assert first.returncode == 0, output
    assert not Path(env["SERVICES_DIR"]).exists()
    assert processes_mentioning(env["SERVICES_DIR"]) == []
    assert not listening(env["SERVICES_PG_PORT"])
    assert not listening(env["SERVICES_REDIS_PORT"])


def test_stop_ends_a_killed_runs_services_but_never_a_stranger(tmp_path, folders):
    """A run killed with SIGKILL leaves PostgreSQL and Redis running: ``stop`` ends
    them by the pid files that run wrote and removes its folder. A process whose pid
    file lies there too, its command line mentioning gunicorn, is left alone when the
    recorded start time is not its own, or when the file holds a bare pid."""
    env = script_env(tmp_path, folders("killed"))
    run = start_held_run(env)
    run.send_signal(signal.SIGKILL)  # the script only: its services live on
    run.wait(timeout=10)
    release(env)
    pids = Path(env["SERVICES_DIR"]) / "pids"
    wait_until(
        lambda: not list(pids.glob("pytest-*")), timeout=30, what="pytest to end"
    )
    assert listening(env["SERVICES_PG_PORT"]) and listening(env["SERVICES_REDIS_PORT"])

    # Not its own: as after a reboot, when the numbers belong to other processes.
    strangers = [
        subprocess.Popen(["bash", "-c", "exec -a gunicorn-stranger sleep 300"])
        for _ in range(2)
    ]
    try:
        time.sleep(0.2)
        start = int(process_start_time(strangers[0].pid))
        (pids / "gunicorn.pid").write_text(f"{strangers[0].pid} {start - 1}\n")
        (pids / "worker.pid").write_text(f"{strangers[1].pid}\n")

        # Its leftovers hold the ports: a new run refuses and points at ``stop``.
        again = run_script(env)
        assert again.returncode == 1
        assert "bash .ci/services.sh stop" in again.stderr

        stopped = run_script(env, mode="stop")
        assert stopped.returncode == 0, stopped.stderr
        assert not Path(env["SERVICES_DIR"]).exists()
        wait_until(
            lambda: not listening(env["SERVICES_PG_PORT"]),
            timeout=30,
            what="the leftover PostgreSQL to stop",
        )
        assert not listening(env["SERVICES_REDIS_PORT"])
        assert [s.poll() for s in strangers] == [None, None], "a stranger was signalled"
    finally:
        for stranger in strangers:
            stranger.kill()
            stranger.wait(timeout=10)
