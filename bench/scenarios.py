"""The load scenarios of issue 15, run by ``bench.run`` against gunicorn (production
layout: PostgreSQL, Redis, a Celery worker; ``bash .ci/services.sh bench``):

1. **sign-in sample**: a few learners sign in for real through allauth's form;
2. **realistic**: 500 distinct learners walk their own courses (``bench.scenario``),
   twice: closed loop without think time (the server is the bottleneck: the
   throughput, divided by the bare view's measured just before by wrk and by locust),
   then with 10–30 s of think time (the latency a learner sees);
3. **Moodle's exam (a)**: 2,000 learners, 30–90 s of think time, 10 minutes;
4. **Moodle's exam (b)**: 3,000 learners start one exam within 60 s; afterwards the
   database is checked for duplicate attempts against what each learner sent.

Each locust run is a subprocess (``bench/locustfile.py``, headless) with its own
statistics files; the caches' share comes from the response headers (counted in the
locust process) and Redis's own hit counters before and after."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCUSTFILE = ROOT / "bench" / "locustfile.py"
PASSWORD = "bench-pass-2026"  # every generated person's (bench.generation.people)

FULL = {
    "signin": 10,
    "floor": {"users": 500, "rate": 100, "seconds": 30},
    "throughput": {"users": 500, "rate": 100, "seconds": 60, "think": (0, 0)},
    "latency": {"users": 500, "rate": 50, "seconds": 120, "think": (10, 30)},
    "moodle": {"users": 2000, "rate": 34, "seconds": 600, "think": (30, 90)},
    "exam": {"users": 3000, "rate": 50, "seconds": 360, "think": (10, 40)},
}
QUICK = {
    "signin": 3,
    "floor": {"users": 20, "rate": 20, "seconds": 10},
    "throughput": {"users": 20, "rate": 20, "seconds": 20, "think": (0, 0)},
    "latency": {"users": 20, "rate": 20, "seconds": 20, "think": (1, 3)},
    "moodle": {"users": 20, "rate": 10, "seconds": 20, "think": (2, 6)},
    "exam": {"users": 30, "rate": 10, "seconds": 60, "think": (1, 3)},
}
BARS = {"ratio": 0.15, "latency_p95": 250, "moodle_p95": 1000, "exam_p95": 2000}


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0


def _stats(prefix: Path) -> dict:
    """Rows of locust's ``<prefix>_stats.csv``: requests, failures, req/s and
    percentiles per request name, and the aggregate."""
    rows = {}
    with open(f"{prefix}_stats.csv", newline="") as f:
        for row in csv.DictReader(f):
            rows[row["Name"]] = {
                "requests": int(_number(row["Request Count"])),
                "failures": int(_number(row["Failure Count"])),
                "rps": _number(row["Requests/s"]),
                "p50": _number(row["50%"]),
                "p95": _number(row["95%"]),
                "p99": _number(row["99%"]),
                "max": _number(row["Max Response Time"]),
                "bytes": _number(row["Average Content Size"]),
            }
    total = rows.pop("Aggregated", None) or {}
    failures = []
    failures_csv = Path(f"{prefix}_failures.csv")
    if failures_csv.exists():
        with open(failures_csv, newline="") as f:
            failures = [
                {"name": r["Name"], "error": r["Error"], "count": int(r["Occurrences"])}
                for r in csv.DictReader(f)
            ]
    return {"total": total, "rows": rows, "failures": failures}


def _redis_stats() -> tuple[int, int]:
    try:
        import redis

        info = redis.Redis.from_url(os.environ["CACHE_URL"]).info("stats")
        return int(info["keyspace_hits"]), int(info["keyspace_misses"])
    except Exception:  # noqa: BLE001 - no Redis (a local run): no figure
        return 0, 0


def locust(
    kind: str,
    spec: dict,
    *,
    base_url: str,
    plan: Path,
    work: Path,
    reset: bool,
    out,
    floor: str = "/bench/floor/1/",
) -> dict:
    """One headless locust run; its statistics, the caches' share and the ledgers."""
    prefix = work / kind
    extra = work / f"{kind}.json"
    think = spec.get("think", (0, 0))
    env = os.environ | {
        "BENCH_KIND": "floor" if kind == "floor" else kind.split("-")[0],
        "BENCH_PLAN": str(plan),
        "BENCH_THINK": f"{think[0]},{think[1]}",
        "BENCH_OUT": str(extra),
        "BENCH_FLOOR": floor,
    }
    command = [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless"]
    command += ["-u", str(spec["users"]), "-r", str(spec["rate"])]
    command += ["-t", f"{spec['seconds']}s", "--host", base_url, "--csv", str(prefix)]
    command += ["--only-summary", "--stop-timeout", "5", "--exit-code-on-error", "0"]
    command += ["--reset-stats"] if reset else []
    command += ["Floor" if kind == "floor" else "Learner"]
    hits = _redis_stats()
    began = time.monotonic()
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.monotonic() - began
    after = _redis_stats()
    if not Path(f"{prefix}_stats.csv").exists():
        raise RuntimeError(f"locust {kind} failed:\n{done.stderr[-3000:]}")
    result = _stats(prefix) | {"users": spec["users"], "think": list(think)}
    result |= {
        "seconds": spec["seconds"],
        "wall_s": elapsed,
        "spawn_rate": spec["rate"],
    }
    found = json.loads(extra.read_text()) if extra.exists() else {}
    counts = found.get("counts", {})
    looked = sum(counts.get(k, 0) for k in ("local", "shared", "computed"))
    result["caches"] = {
        **counts,
        "page_cache_share": counts.get("page_cache_hits", 0)
        / max(counts.get("responses", 0), 1),
        "kept_share": (counts.get("local", 0) + counts.get("shared", 0))
        / max(looked, 1),
        "redis_hits": after[0] - hits[0],
        "redis_misses": after[1] - hits[1],
    }
    result["ledgers"] = found.get("ledgers", [])
    total = result["total"]
    out.write(
        f"locust {kind:11} {spec['users']:5} users: {total.get('requests', 0):7} "
        f"requests {total.get('rps', 0):7.1f} req/s p50 {total.get('p50', 0):6.0f} "
        f"p95 {total.get('p95', 0):6.0f} p99 {total.get('p99', 0):6.0f} ms, "
        f"{total.get('failures', 0)} failed\n"
    )
    return result


def signin_sample(base_url: str, count: int) -> dict:
    """``count`` learners sign in through allauth's form (password hashing and
    all), then open "my learning" with the session they were given."""
    import http.cookiejar
    import urllib.error
    import urllib.parse
    import urllib.request

    from django.urls import reverse

    from bench.generation.naming import worker_email
    from bench.scenario import Response, drive, sign_in

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    from allauth.account.models import EmailAddress

    from lms.models import User

    rows = []
    for n in range(count):
        # Generated people have no confirmed address: allauth would stop the
        # sign-in at "confirm your e-mail" (ACCOUNT_EMAIL_VERIFICATION).
        user = User.objects.get(email=worker_email(n))
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(jar), NoRedirect
        )

        def send(request, opener=opener):
            data = (
                urllib.parse.urlencode(request.data).encode() if request.data else None
            )
            try:
                with opener.open(base_url + request.path, data=data, timeout=60) as r:
                    return Response(r.status, r.read().decode(), r.headers["Location"])
            except urllib.error.HTTPError as error:
                body = error.read().decode(errors="replace")
                return Response(error.code, body, error.headers.get("Location") or "")

        began = time.perf_counter()
        posted, landed = drive(
            sign_in(
                worker_email(n),
                PASSWORD,
                login_path=reverse("account_login"),
                then=reverse("courses:my_learning"),
            ),
            send,
            time.sleep,
        )
        rows.append(
            {
                "posted": posted,
                "landed": landed,
                "ms": (time.perf_counter() - began) * 1000,
            }
        )
    ok = sum(1 for r in rows if r["posted"] == 302 and r["landed"] == 200)
    times = sorted(r["ms"] for r in rows)
    return {"count": count, "ok": ok, "median_ms": times[len(times) // 2], "rows": rows}


def exam_check(ledgers: list[dict]) -> dict:
    """Attempts in the database against what each learner submitted: one attempt per
    distinct form (quiz, attempt number), however often it was sent."""
    from django.db.models import Count

    from bench.generation.naming import EXAM_SLUG
    from courses.models import QuizAttempt

    stored = dict(
        QuizAttempt.objects.filter(enrollment__course__slug=EXAM_SLUG)
        .values_list("enrollment__user__email")
        .annotate(n=Count("pk"))
    )
    sent = {row["email"]: len(row["forms"]) for row in ledgers}
    duplicates = sum(max(0, stored.get(email, 0) - n) for email, n in sent.items())
    missing = sum(max(0, n - stored.get(email, 0)) for email, n in sent.items())
    return {
        "learners": len(ledgers),
        "forms": sum(sent.values()),
        "posts": sum(row["posts"] for row in ledgers),
        "repeated_posts": sum(row["posts"] - len(row["forms"]) for row in ledgers),
        "attempts_stored": sum(stored.get(email, 0) for email in sent),
        "duplicates": duplicates,
        "missing": missing,
        "unexpected": sum(len(row["unexpected"]) for row in ledgers),
    }


def run(*, base_url: str, quick: bool, work: Path, out, only=(), keep=None) -> dict:
    """Every scenario in turn; ``keep(results)`` after each (a run cut short keeps
    what it measured). The long Moodle (a) comes last."""
    from bench import learners, load

    specs = QUICK if quick else FULL
    work.mkdir(parents=True, exist_ok=True)
    results: dict = {"quick": quick, "bars": BARS}
    began = time.monotonic()
    plan = work / "plan.json"
    people = learners.plan(max(specs["exam"]["users"], specs["moodle"]["users"]))
    plan.write_text(json.dumps(people))
    results["learners"] = {
        "planned": len(people),
        "with_courses": sum(1 for p in people if p["courses"]),
        "with_exam": sum(1 for p in people if p["exam"]),
        "sessions_s": time.monotonic() - began,
    }
    out.write(f"scenarios: {results['learners']}\n")

    def want(name):
        return not only or name in only

    if want("signin"):
        results["signin"] = signin_sample(base_url, specs["signin"])
        out.write(f"sign-in sample: {results['signin']['ok']}/{specs['signin']} ok\n")
    common = {"base_url": base_url, "plan": plan, "work": work, "out": out}
    if want("realistic"):
        through = locust("walk-through", specs["throughput"], reset=True, **common)
        size = int(through["rows"].get("lesson page", {}).get("bytes", 0)) or 1
        floor_path = f"/bench/floor/{size}/"
        # The closed loop leaves hundreds of requests queued in gunicorn's backlog
        # when locust stops: wait until a worker answers again, then warm up.
        load.fetch(f"{base_url}/bench/floor/1/", None)
        load.wrk(base_url + floor_path, cookie=None, seconds=1, connections=8)
        wrk_floor = load.wrk(
            base_url + floor_path, cookie=None, seconds=5, connections=8
        )
        floor = locust("floor", specs["floor"], reset=True, floor=floor_path, **common)
        latency = locust("walk-latency", specs["latency"], reset=True, **common)
        rps = through["total"].get("rps", 0)
        results["realistic"] = {
            "throughput": through,
            "latency": latency,
            "floor_bytes": size,
            "floor_wrk": wrk_floor,
            "floor_locust": floor,
            "ratio_wrk": rps / wrk_floor["rps"] if wrk_floor["rps"] else 0,
            "ratio_locust": rps / floor["total"]["rps"]
            if floor["total"].get("rps")
            else 0,
        }
        _keep(results, keep)
    if want("exam"):
        exam = locust("exam", specs["exam"], reset=False, **common)
        exam["check"] = exam_check(exam["ledgers"])
        out.write(f"exam check: {exam['check']}\n")
        results["exam"] = exam
        _keep(results, keep)
    if want("moodle"):
        results["moodle"] = locust(
            "walk-moodle", specs["moodle"], reset=False, **common
        )
    return _keep(results, keep)


def _keep(results: dict, keep) -> dict:
    for part in ("realistic", "moodle", "exam"):  # the ledgers are in the check
        for run_ in (results.get(part) or {}).values():
            if isinstance(run_, dict):
                run_.pop("ledgers", None)
        (results.get(part) or {}).pop("ledgers", None)
    if keep is not None:
        keep(results)
    return results
