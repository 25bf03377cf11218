"""PostgreSQL restarted under load: while it is down, requests fail quickly and cleanly
(our translated 503 page, never a 500 or a traceback, no hang); when it is back the
site answers by itself (CONN_HEALTH_CHECKS): every one of the 100 learners, still
signed in, makes a write after the restart that is acknowledged and found in the
database, and every acknowledged write before it is kept."""

from __future__ import annotations

import os
import re
import subprocess
import threading
import time
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from courses.models import LessonProgress
from tests.services import learners as build
from tests.services.conftest import record_restarted
from tests.services.webserver import Browser, Tally
from tests.services.workers import wait_until

pytestmark = pytest.mark.services

LEARNERS, LESSONS = 100, 8
BEFORE, DOWN, TAIL = 6.0, 5.0, 3.0
AFTER_AT_MOST = 90.0  # every learner must have written again within this
# A request while the database is down is handled within this (gunicorn's own time
# for it, from its access log: on a busy machine requests also wait in its backlog).
QUICK_SECONDS = 5.0


def pg_ctl(*args: str) -> subprocess.CompletedProcess:
    """The script's cluster (the version it found: SERVICES_PG_BIN)."""
    pg_ctl = os.path.join(os.environ["SERVICES_PG_BIN"], "pg_ctl")
    data = os.path.join(os.environ["SERVICES_DIR"], "pg")
    log = os.path.join(os.environ["SERVICES_DIR"], "pgrun", "postgres.log")
    done = subprocess.run(
        ["runuser", "-u", "postgres", "--", pg_ctl, "-D", data, "-l", log, *args],
        capture_output=True, text=True, timeout=90,
    )  # fmt: skip
    if args[-1] == "start" and done.returncode == 0:
        record_restarted("postgres", Path(data) / "postmaster.pid")
    return done


def postgres_running() -> bool:
    return pg_ctl("status").returncode == 0


def keep_working(*, user_id, browser, lessons, stop: threading.Event, log) -> None:
    """Opens a lesson and completes it, lesson after lesson (never the last, so the
    course is not completed and no certificate task meets the outage), and the home
    page now and then; after a failure, the next step a moment later. ``log`` gets
    each acknowledged completion (with the time its answer came) and every answer
    that sent the learner to the sign-in page."""
    login = reverse("account_login")
    position = 0
    while not stop.is_set():
        lesson = lessons[position % (len(lessons) - 1)]
        try:
            if position % 3 == 0:
                browser.get("/")
            page = browser.get(lesson.url)
            if page.status == 302 and page.location.endswith(login):
                log["sign_in"].append(lesson.url)
            if page.status != 200:
                time.sleep(0.3)
                continue
            done = browser.post(lesson.complete_url)
            if done.status == 302 and done.location.endswith(login):
                log["sign_in"].append(lesson.complete_url)
            elif done.status == 302:
                log["acks"].append((lesson.pk, done.ended))
                position += 1
                continue
            time.sleep(0.3)
        except OSError:
            time.sleep(0.3)


def test_postgres_restart_fails_cleanly_then_recovers_by_itself(start_site, capsys):
    """100 learners (server-side sessions) open and complete lessons and load the
    home page; after 6 s PostgreSQL is stopped (``pg_ctl -m fast``), kept down 5 s
    and started again. Every answer in between is our 503 page ("Back in a moment",
    Retry-After, no traceback, handled within 5 s) or a page the cache still holds;
    no 500 at any time; no request sent after the restart meets the outage; every
    learner, never sent to the sign-in page, has a completion acknowledged after
    the restart, and every acknowledged completion is in the database."""
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
    logs = {person.pk: {"acks": [], "sign_in": []} for person in people}
    stop = threading.Event()
    threads = [
        threading.Thread(
            target=keep_working,
            kwargs={
                "user_id": person.pk,
                "browser": browser,
                "lessons": lessons,
                "stop": stop,
                "log": logs[person.pk],
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

        def everyone_wrote_again():
            return all(
                any(ended > up_at for _lesson, ended in log["acks"])
                for log in logs.values()
            )

        wait_until(
            everyone_wrote_again,
            timeout=AFTER_AT_MOST,
            what="every learner's write to be acknowledged after the restart",
        )
        time.sleep(TAIL)
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
    handled_503 = [
        int(took) / 1e6 for took in re.findall(r'" 503 .* took=(\d+)us', server.log())
    ]
    slowest_503 = max(handled_503, default=0)
    elapsed = time.monotonic() - down_from + BEFORE
    wrote_again = max(
        min(ended for _lesson, ended in log["acks"] if ended > up_at)
        for log in logs.values()
    )
    with capsys.disabled():
        print(
            f"\npostgres restart: {LEARNERS} learners, {tally.summary(elapsed)}; "
            f"down {down_until - down_from:.1f} s, "
            f"start took {up_at - down_until:.1f} s; slowest 503 handled in "
            f"{slowest_503 * 1000:.0f} ms; a lesson answered 200 again "
            f"{first_lesson_again - up_at:.1f} s after the start; every learner "
            f"had written again {wrote_again - up_at:.1f} s after it"
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
    assert len(handled_503) == len(unavailable)
    assert slowest_503 < QUICK_SECONDS, "a request hung on the database"
    assert {r.status for r in tally.responses} <= {200, 302, 503}

    # Recovered by itself (CONN_HEALTH_CHECKS: no worker keeps a dead connection): no
    # request sent after the restart met the outage.
    assert all(r.ended >= down_from for r in unavailable)
    sent_after = [r for r in tally.responses if r.ended - r.seconds > up_at]
    assert sent_after and {r.status for r in sent_after} <= {200, 302}
    assert first_lesson_again < float("inf")

    # Every learner: never sent to the sign-in page, wrote after the restart; every
    # acknowledged write, before or after, is in the database.
    done = set(
        LessonProgress.objects.filter(
            enrollment__course=course, completed_at__isnull=False
        ).values_list("enrollment__user_id", "lesson_id")
    )
    for user_id, log in logs.items():
        assert log["sign_in"] == [], (user_id, log["sign_in"][:3])
        after_restart = [lesson for lesson, ended in log["acks"] if ended > up_at]
        assert after_restart, f"learner {user_id} wrote nothing after the restart"
        acknowledged = {(user_id, lesson) for lesson, _ended in log["acks"]}
        assert acknowledged <= done, acknowledged - done
        assert len(acknowledged) == len(log["acks"])  # each lesson once
