"""The embedded default (SQLite with WAL, IMMEDIATE transactions and a busy timeout)
takes 20 concurrent writers in two processes for thirty seconds without a single
"database is locked"."""

import json
import os
import subprocess
import sys

import pytest

from tests.services.workers import ROOT

pytestmark = pytest.mark.services

PROCESSES, THREADS, SECONDS = 2, 10, 30


def test_twenty_concurrent_writers_never_see_database_is_locked(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "lms", "-v", "0"],
        cwd=ROOT, env=env, check=True, timeout=120,
    )  # fmt: skip
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.services.sqlite_writers",
                "--threads",
                str(THREADS),
                "--seconds",
                str(SECONDS),
                "--first",
                str(p * THREADS),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for p in range(PROCESSES)
    ]
    reports = [json.loads(w.communicate(timeout=SECONDS + 60)[0]) for w in writers]

    assert [w.returncode for w in writers] == [0] * PROCESSES
    assert [r["errors"] for r in reports] == [[]] * PROCESSES
    # Every writer got through: at least a few transactions each, not a stalled few.
    assert sum(r["writes"] for r in reports) >= PROCESSES * THREADS * 5
