"""Real Celery worker processes for tests/services/, started and stopped by pid."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]
CELERY = str(Path(sys.executable).with_name("celery"))


def wait_until(predicate: Callable[[], object], *, timeout: float, what: str):
    """Polls ``predicate`` until it returns something truthy, for ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.1)


def database_url(settings_dict: dict) -> str:
    """The URL of the database this test process uses (pytest-django's test_<name>)."""
    s = settings_dict
    credentials = quote(s["USER"], safe="") + ":" + quote(s["PASSWORD"], safe="")
    return f"postgres://{credentials}@{s['HOST']}:{s['PORT']}/{s['NAME']}"


def process_start_time(pid: int) -> str:
    """Field 22 of /proc/<pid>/stat (clock ticks after boot): with the pid, it names
    one process; a pid number alone may be reused after that process is gone."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    return stat.rsplit(")", 1)[1].split()[19]


def record_pid(path: Path, pid: int) -> None:
    """A pid file .ci/services.sh trusts: "<pid> <start time>". The script signals the
    process (its group, when it leads one) only while both still match."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{pid} {process_start_time(pid)}\n")


def children_of(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        return [int(p) for p in path.read_text().split()]
    except FileNotFoundError:
        return []


class Worker:
    """``celery -A config worker`` in a session of its own, logging to a file."""

    def __init__(self, *, name: str, env: dict[str, str], log_dir: Path, concurrency=2):
        self.name = name
        self.env = env
        self.concurrency = concurrency
        self.log_path = log_dir / f"{name}.log"
        self.process: subprocess.Popen | None = None
        self.pid_dir = Path(env.get("SERVICES_DIR", log_dir)) / "pids"

    def start(self) -> Worker:
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [
                CELERY,
                "-A",
                "config",
                "worker",
                "-l",
                "info",
                "-P",
                "prefork",
                "--concurrency",
                str(self.concurrency),
                "-n",
                f"{self.name}@%h",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],  # fmt: skip
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        # .ci/services.sh stops whatever is listed here if this test process dies.
        record_pid(self.pid_file, self.process.pid)
        wait_until(self._ready, timeout=60, what=f"worker {self.name} to be ready")
        return self

    @property
    def pid_file(self) -> Path:
        return self.pid_dir / f"pytest-{self.name}-{self.process.pid}.pid"

    def _ready(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"worker {self.name} exited:\n{self.log()}")
        return " ready." in self.log()

    def log(self) -> str:
        return (
            self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        )

    def received(self, task_name: str = "lms.tasks.deliver_notification") -> int:
        """How many times this worker was handed such a task (redeliveries count)."""
        pattern = rf"Task {re.escape(task_name)}\[[^\]]+\] received"
        return len(re.findall(pattern, self.log()))

    def succeeded(self, task_name: str) -> int:
        """How many runs of such a task this worker finished (it logs each)."""
        pattern = rf"Task {re.escape(task_name)}\[[^\]]+\] succeeded"
        return len(re.findall(pattern, self.log()))

    def kill(self) -> None:
        """SIGKILL to the whole worker (main process and pool), like a machine crash;
        also how tests end their workers (nothing in them needs a warm shutdown)."""
        if self.process is None:
            return
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait(timeout=10)
        self.pid_file.unlink(missing_ok=True)


class Beat:
    """``celery -A config beat`` in a session of its own; schedule file in log_dir."""

    def __init__(self, *, env: dict[str, str], log_dir: Path):
        self.env = env
        self.log_path = log_dir / "beat.log"
        self.schedule = log_dir / "celerybeat-schedule"
        self.pid_dir = Path(env.get("SERVICES_DIR", log_dir)) / "pids"
        self.process: subprocess.Popen | None = None

    def start(self) -> Beat:
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [CELERY, "-A", "config", "beat", "-l", "info", "--schedule",
             str(self.schedule)],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        log.close()
        record_pid(self.pid_file, self.process.pid)
        wait_until(self._ready, timeout=60, what="beat to start")
        return self

    @property
    def pid_file(self) -> Path:
        return self.pid_dir / f"pytest-beat-{self.process.pid}.pid"

    def _ready(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"beat exited:\n{self.log()}")
        return "beat: Starting..." in self.log()

    def log(self) -> str:
        return (
            self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        )

    def sent(self, task_name: str) -> int:
        """How many times beat sent ``task_name``."""
        pattern = rf"Sending due task \S+ \({re.escape(task_name)}\)"
        return len(re.findall(pattern, self.log()))

    def kill(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait(timeout=10)
        self.pid_file.unlink(missing_ok=True)
