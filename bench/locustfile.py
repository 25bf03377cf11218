"""The locust side of the load scenarios (run by ``bench.scenarios``, headless): each
locust user is one learner of the plan (``BENCH_PLAN``, written by
``bench.learners.plan``) and runs its state machine (``bench.scenario``) with its
own cookies. Why locust: it keeps thousands of users with their own state in one
process (gevent), and its FastHttpUser client costs little CPU next to the server.

Settings come from the environment (this file imports nothing of Django):
``BENCH_KIND`` (walk, exam or floor), ``BENCH_THINK`` ("low,high" seconds),
``BENCH_OUT`` (a JSON file for what locust does not count: the caches' share read from
the response headers, the exam's ledgers), ``BENCH_FLOOR`` (the floor's address)."""

from __future__ import annotations

import itertools
import json
import os
import random
import sys
from pathlib import Path
from urllib.parse import urlencode

import gevent
from locust import FastHttpUser, constant, events, task
from locust.exception import StopUser

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.scenario import (  # noqa: E402
    Ledger,
    Response,
    drive,
    exam_taker,
    learner_walk,
)

KIND = os.environ.get("BENCH_KIND", "walk")
THINK = tuple(float(x) for x in os.environ.get("BENCH_THINK", "0,0").split(","))
PLAN = json.loads(Path(os.environ["BENCH_PLAN"]).read_text()) if KIND != "floor" else []
if KIND == "exam":
    PLAN = [p for p in PLAN if p.get("exam")]
elif KIND == "walk":
    PLAN = [p for p in PLAN if p.get("courses")]
NEXT = itertools.count()
COUNTS = {"responses": 0, "page_cache_hits": 0, "local": 0, "shared": 0, "computed": 0}
LEDGERS: list[dict] = []
FINISHED = []


@events.request.add_listener
def _count(response=None, exception=None, **_kwargs):
    """The caches' share, from the headers: ``X-Page-Cache: hit`` (the anonymous page
    cache) and ``X-Bench-Cache`` (bench settings only: this request's look-ups of
    kept fragments and routes, from the process's copy, Redis, or computed)."""
    if response is None or exception is not None or response.headers is None:
        return
    COUNTS["responses"] += 1
    if response.headers.get("X-Page-Cache") == "hit":
        COUNTS["page_cache_hits"] += 1
    kept = response.headers.get("X-Bench-Cache")
    if kept:
        for part in kept.split():
            name, _, value = part.partition("=")
            if name in COUNTS and value.isdigit():
                COUNTS[name] += int(value)


@events.test_stop.add_listener
def _write(**_kwargs):
    out = os.environ.get("BENCH_OUT")
    if out:
        Path(out).write_text(json.dumps({"counts": COUNTS, "ledgers": LEDGERS}))


class Learner(FastHttpUser):
    """One learner of the plan (chosen on the command line: ``Learner``)."""

    wait_time = constant(0)

    def on_start(self):
        n = next(NEXT)
        if n >= len(PLAN):
            raise RuntimeError(f"the plan has {len(PLAN)} learners, user {n} has none")
        self.plan = PLAN[n]
        self.cookies = dict(self.plan["cookies"])
        self.client.client.cookiejar = None  # the state machine keeps the cookies
        self.ledger = Ledger()
        self.rng = random.Random(n)

    def send(self, request):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if request.data is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = urlencode(request.data)
        with self.client.request(
            request.method,
            request.path,
            name=request.name,
            data=body,
            headers=headers,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            status = response.status_code or 0
            if status in request.expect:
                response.success()
            else:
                response.failure(f"answered {status}")
            text, location = "", ""
            if response.headers is not None:
                for cookie in response.headers.getlist("Set-Cookie"):
                    self._keep(cookie)
                location = response.headers.get("Location") or ""
                if "html" in (response.headers.get("Content-Type") or ""):
                    text = response.text or ""
            return Response(status, text, location)

    def _keep(self, header: str) -> None:
        name, _, rest = header.partition("=")
        value, _, attributes = rest.partition(";")
        if "max-age=0" in attributes.lower().replace(" ", "") or not value:
            self.cookies.pop(name.strip(), None)
        else:
            self.cookies[name.strip()] = value.strip()

    @task
    def learn(self):
        if KIND == "exam":
            machine = exam_taker(
                self.plan, rng=self.rng, think=THINK, ledger=self.ledger
            )
        else:
            machine = learner_walk(
                self.plan, rng=self.rng, think=THINK, ledger=self.ledger
            )
        drive(machine, self.send, gevent.sleep)
        # Only the exam ends: keep its ledger, and stop the run when all are done.
        LEDGERS.append(
            {
                "email": self.plan["email"],
                "forms": sorted(map(list, self.ledger.forms)),
                "posts": self.ledger.posts,
                "unexpected": self.ledger.unexpected,
            }
        )
        FINISHED.append(1)
        if len(FINISHED) >= self.environment.parsed_options.num_users:
            gevent.spawn_later(1, self.environment.runner.quit)
        raise StopUser


class Floor(FastHttpUser):
    """The bare Django view, by the same client, for the same-run ratio (chosen on
    the command line: ``Floor``)."""

    wait_time = constant(0)

    @task
    def floor(self):
        self.client.get(os.environ.get("BENCH_FLOOR", "/bench/floor/1/"), name="floor")
