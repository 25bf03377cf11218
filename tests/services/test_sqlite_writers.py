"""The embedded default (SQLite with WAL, IMMEDIATE transactions and a busy timeout)
takes 20 concurrent writers in two processes for thirty seconds: every writer gets
through, none sees "database is locked". Its twin takes the IMMEDIATE mode away and
shows that the same check then fails."""

import json
import os
import subprocess
import sys

import pytest

from tests.services.workers import ROOT

pytestmark = pytest.mark.services

PROCESSES, THREADS, SECONDS = 2, 10, 30
FLOOR = 5  # transactions each writer must finish: through, not stalled


def run_writers(tmp_path, *, seconds: float, transaction_mode: str | None = None):
    """Two processes of ten writer threads each on one fresh SQLite file."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "lms", "-v", "0"],
        cwd=ROOT, env=env, check=True, timeout=180,
    )  # fmt: skip
    extra = ["--transaction-mode", transaction_mode] if transaction_mode else []
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.services.sqlite_writers",
                "--threads",
                str(THREADS),
                "--seconds",
                str(seconds),
                "--first",
                str(p * THREADS),
                *extra,
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for p in range(PROCESSES)
    ]
    reports = [json.loads(w.communicate(timeout=seconds + 90)[0]) for w in writers]
    assert [w.returncode for w in writers] == [0] * PROCESSES
    return reports


def check_every_writer_got_through(reports) -> dict[str, int]:
    """No error at all, and every one of the 20 writers finished at least FLOOR
    transactions; returns each writer's count."""
    errors = [e for r in reports for e in r["errors"]]
    assert errors == [], f"{len(errors)} writers failed: {errors[:3]}"
    counts = {n: c for r in reports for n, c in r["writes"].items()}
    assert len(counts) == PROCESSES * THREADS
    stalled = {n: c for n, c in counts.items() if c < FLOOR}
    assert stalled == {}, f"writers below {FLOOR} transactions: {stalled}"
    return counts


def test_twenty_concurrent_writers_all_get_through(tmp_path, capsys):
    reports = run_writers(tmp_path, seconds=SECONDS)
    assert {r["mode"] for r in reports} == {"IMMEDIATE"}
    counts = check_every_writer_got_through(reports)
    with capsys.disabled():
        print(
            f"\nsqlite writers: {len(counts)} writers, {sum(counts.values())} "
            f"transactions in {SECONDS} s, fewest {min(counts.values())}, "
            f"most {max(counts.values())}"
        )


def test_twin_without_immediate_transactions_fails_the_same_check(tmp_path, capsys):
    """Negative control: SQLite's default DEFERRED transactions (10 s): a read that
    turns into a write meets "database is locked", and the check must fail."""
    reports = run_writers(tmp_path, seconds=10, transaction_mode="DEFERRED")
    assert {r["mode"] for r in reports} == {"DEFERRED"}
    with pytest.raises(AssertionError, match="writers failed") as failed:
        check_every_writer_got_through(reports)
    assert "database is locked" in str(failed.value)
    with capsys.disabled():
        print(f"\nsqlite twin failed as it must: {str(failed.value)[:200]}")
