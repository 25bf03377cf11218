"""PostgreSQL restarted under load: while it is down, requests fail quickly and cleanly
(our translated 503 page, never a 500 or a traceback, no hang); when it is back the
site answers by itself (CONN_HEALTH_CHECKS), and every acknowledged write is kept."""

from __future__ import annotations

import os
import subprocess
import threading
import time

import pytest
from django.db import connection

from courses.models import LessonProgress
from tests.services import learners as build
from tests.services.webserver import Browser, Tally

pytestmark = pytest.mark.services

LEARNERS, LESSONS = 12, 8
BEFORE, DOWN, AFTER = 6.0, 5.0, 12.0
PG_CTL = "/usr/lib/postgresql/15/bin/pg_ctl"
RECOVERY_SECONDS = 8.0  # the site answers 200 again within this after the restart
QUICK_SECONDS = 5.0  # a request while the database is down is answered within this


def pg_ctl(*args: str) -> subprocess.CompletedProcess:
    data = os.path.join(os.environ["SERVICES_DIR"], "pg")
    log = os.path.join(os.environ["SERVICES_DIR"], "pgrun", "postgres.log")
    return subprocess.run(
        ["runuser", "-u", "postgres", "--", PG_CTL, "-D", data, "-l", log, *args],
        capture_output=True, text=True, timeout=90,
    )  # fmt: skip


def postgres_running() -> bool:
    return pg_ctl("status").returncode == 0


def keep_working(*, user_id, browser, lessons, stop: threading.Event, acks) -> None:
    """Opens a lesson and completes it, lesson after lesson (never the last, so the
    course is not completed and no certificate task meets the outage), and the home
    page now and then; after a failure, the next step a moment later."""
    position = 0
    while not stop.is_set():
        lesson = lessons[position % (len(lessons) - 1)]
        try:
            browser.get("/")
            if browser.get(lesson.url).status != 200:
                time.sleep(0.2)
                continue
            done = browser.post(lesson.complete_url)
            if done.status == 302:
                acks.append((user_id, lesson.pk))
                position += 1
            else:
                time.sleep(0.2)
        except OSError:
            time.sleep(0.2)


def test_postgres_restart_fails_cleanly_then_recovers_by_itself(start_site, capsys):
    """12 learners (server-side sessions) open and complete lessons and load the home
    page; after 6 s PostgreSQL is stopped (``pg_ctl -m fast``), kept down 5 s and
    started again. Every answer in between is our 503 page ("Back in a moment",
    Retry-After, no traceback) or a page the cache still holds, each within 5 s; no
    500 at any time; within 8 s of the restart learners get their lessons again, and
    every completion acknowledged before or after is in the database."""
    course, lessons = build.course_with_lessons(lessons=LESSONS, quizzes=False)
    people = build.enrolled_learners(course, LEARNERS, prefix="restart")
    server = start_site(workers=3, celery=False)
    tally = Tally()
    browsers = [
        Browser(
            server.base_url,
            cookies=build.server_side_session(p),
            timeout=30,
            tally=tally,
        )
        for p in people
    ]
    connection.close()  # the test's own connection would not survive the restart
    acks: list[tuple[int, int]] = []
    stop = threading.Event()
    threads = [
        threading.Thread(
            target=keep_working,
            kwargs={
                "user_id": person.pk,
                "browser": browser,
                "lessons": lessons,
                "stop": stop,
                "acks": acks,
            },
        )
        for person, browser in zip(people, browsers, strict=True)
    ]
    for thread in threads:
        thread.start()
    try:
        time.sleep(BEFORE)
        down_from = time.monotonic()
        stopped = pg_ctl("-m", "fast", "-w", "-t", "30", "stop")
        assert stopped.returncode == 0, stopped.stderr
        time.sleep(DOWN)
        down_until = time.monotonic()
        started = pg_ctl("-w", "-t", "60", "start")
        assert started.returncode == 0, started.stderr
        up_at = time.monotonic()
        time.sleep(AFTER)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
        if not postgres_running():
            pg_ctl("-w", "-t", "60", "start")
        connection.close()

    first_lesson_again = min(
        (
            r.ended
            for r in tally.responses
            if r.ended > up_at and r.status == 200 and r.path != "/"
        ),
        default=float("inf"),
    )
    slowest_503 = max(
        (r.seconds for r in tally.responses if r.status == 503), default=0
    )
    with capsys.disabled():
        print(
            f"\npostgres restart: {tally.summary(BEFORE + DOWN + AFTER)}; "
            f"down {down_until - down_from:.1f} s, "
            f"start took {up_at - down_until:.1f} s; slowest 503 "
            f"{slowest_503 * 1000:.0f} ms; a lesson answered 200 again "
            f"{first_lesson_again - up_at:.1f} s after the start"
        )

    assert not any(t.is_alive() for t in threads)
    assert tally.errors == []
    assert [r.status for r in tally.responses if r.status == 500] == []
    unavailable = [r for r in tally.responses if r.status == 503]
    assert unavailable, "no request met the outage"
    for response in unavailable:
        assert "Back in a moment" in response.body, response.body[:500]
        assert "Traceback" not in response.body
        assert response.headers["Retry-After"] == "5"
        assert response.seconds < QUICK_SECONDS, response.seconds
    assert {r.status for r in tally.responses} <= {200, 302, 503}

    # Recovered by itself: the last answers are all successes, and learners got their
    # lessons again soon after the restart.
    after = [r for r in tally.responses if r.ended > up_at + RECOVERY_SECONDS]
    assert after and {r.status for r in after} <= {200, 302}
    assert first_lesson_again - up_at < RECOVERY_SECONDS
    assert all(r.ended >= down_from for r in unavailable)

    done = set(
        LessonProgress.objects.filter(
            enrollment__course=course, completed_at__isnull=False
        ).values_list("enrollment__user_id", "lesson_id")
    )
    assert set(acks) <= done
    assert len(acks) > LEARNERS, "too few completions were acknowledged"
