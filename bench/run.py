"""The benchmark suite: ``python -m bench.run --size small|large`` (normally through
``make bench`` = ``bash .ci/services.sh bench``, which starts PostgreSQL, Redis,
gunicorn and nginx and passes their addresses).

1. generates the data if missing (bench/generate.py);
2. in-process timings with Django's test client (application and database time,
   queries per page; the anonymous and per-person page caches are off here);
3. with ``--base-url``: throughput and latency under wrk against gunicorn, beside the
   bare Django view and nginx floors (bench/load.py);
4. with ``--base-url``: the load scenarios with locust, many learners each with their
   own session (bench/scenarios.py);
5. the import of 100,000 certificate rows and PDFs per second (bench/throughput.py).

``--quick`` (or ``BENCH_QUICK=1``) makes a tiny run of everything (20 learners, 20 s,
1 s per wrk URL, 2,000 import rows) to check the wiring in a few minutes.

The figures of each size go to bench/results/<size>.json; docs/benchmarks.md is written
from every results file there (bench/report.py), so a small and a large run together
give the growth table."""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"

# In-process only (no load test): (label, URL name, who).
EXTRA_PAGES = [
    ("certificate verify form", "certification:verify_form", None),
    ("worker dashboard", "lms:dashboard", "worker"),
    ("worker inbox", "lms:inbox", "worker"),
    ("worker certificates", "certification:mine", "worker"),
    ("HR board CSV export", "certification:export_csv", "hr"),
    ("HR eligible workers", "certification:eligible", "hr"),
    ("my mentorships", "mentorship:mine", "worker"),
]


class QueryCounter:
    """Counts the queries run through a connection (unlike CaptureQueriesContext, not
    fooled by the query log being reset when each request starts)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


# Pages that take seconds to minutes each at the large size (an N+1, a
# 250,000-row export): timed once, without the warm-up.
HEAVY = {"HR eligible workers", "HR board CSV export"}


def measure(client, url: str, repeat: int, warm: int = 2) -> dict:
    from django.db import connection

    for _ in range(warm):  # warm-up: templates, caches, connection
        client.get(url)
    times = []
    for _ in range(repeat):
        queries = QueryCounter()
        with connection.execute_wrapper(queries):
            began = time.perf_counter()
            response = client.get(url)
            # A streamed export does its work while it is read: read it in the clock.
            body = (
                b"".join(response.streaming_content)
                if response.streaming
                else response.content
            )
            times.append((time.perf_counter() - began) * 1000)
    times.sort()
    return {
        "status": response.status_code,
        "median": statistics.median(times),
        "p95": times[min(len(times) - 1, round(0.95 * (len(times) - 1)))],
        "queries": queries.count,
        "kb": len(body) / 1024,
    }


def in_process(people, repeat: int, out) -> list[dict]:
    from django.test import Client, override_settings
    from django.urls import NoReverseMatch, reverse

    from bench import load

    todo = [
        (label, path, who)
        for label, path, who, _kind in load.pages(people)
        if who != "nobody"
    ]
    for label, name, who in EXTRA_PAGES:
        try:
            todo.append((label, reverse(name), who))
        except NoReverseMatch:
            todo.append((label, name, "missing"))
    rows = []
    with override_settings(ANON_PAGE_CACHE_SECONDS=0, VERIFY_RATE_LIMIT=10**9):
        for label, url, who in todo:
            row = {"label": label, "path": url, "who": who or "anonymous"}
            if who == "missing":
                rows.append(row | {"error": "not built yet"})
                continue
            client = Client(HTTP_HOST="localhost")
            if who:
                client.force_login(people[who])
            if label in HEAVY:
                row |= measure(client, url, 1, warm=0)
            else:
                row |= measure(client, url, repeat)
            rows.append(row)
            out.write(
                f"{label:28} {url:45} {row['status']} {row['median']:7.1f} ms "
                f"{row['queries']:4} queries\n"
            )
    return rows


def machine(workers: int | None) -> dict:
    import platform
    import subprocess

    from django.db import connection

    def first(path, prefix):
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(prefix):
                    return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return "unknown"

    def version(command):
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=10)
            return (done.stdout or done.stderr).strip().splitlines()[0]
        except (OSError, IndexError, subprocess.SubprocessError):
            return "not installed"

    with connection.cursor() as cursor:
        cursor.execute("select version()")
        database = cursor.fetchone()[0].split(" on ")[0]
    if connection.vendor != "postgresql":
        database = f"{connection.vendor} {database}"
    return {
        "cores": os.cpu_count(),
        "ram": first("/proc/meminfo", "MemTotal"),
        "cpu": first("/proc/cpuinfo", "model name"),
        "python": platform.python_version(),
        "database": database,
        "redis": version(["redis-server", "--version"]),
        "nginx": version(["nginx", "-v"]),
        "wrk": version(["wrk", "--version"]),
        "gunicorn_workers": workers,
    }


def data_counts() -> dict:
    from courses.models import CoursePage, Enrollment, LessonPage, LessonProgress
    from lms.models import Enterprise, Notification, SkillCertificate, User
    from mentorship.models import Agreement, GuidanceSession

    return {
        "users": User.objects.count(),
        "enterprises": Enterprise.objects.count(),
        "courses": CoursePage.objects.count(),
        "lessons": LessonPage.objects.count(),
        "enrolments": Enrollment.objects.count(),
        "lesson progress": LessonProgress.objects.count(),
        "agreements": Agreement.objects.count(),
        "sessions": GuidanceSession.objects.count(),
        "certificates": SkillCertificate.objects.count(),
        "notifications": Notification.objects.count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=["small", "large"], default="small")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--base-url", help="gunicorn, e.g. http://127.0.0.1:8000")
    parser.add_argument("--nginx-url", help="nginx serving --floor-dir")
    parser.add_argument("--floor-dir", type=Path, help="folder nginx serves")
    parser.add_argument("--seconds", type=int, default=5, help="per wrk run")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, help="gunicorn workers (for the note)")
    parser.add_argument("--import-rows", type=int, default=100_000)
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=["load", "scenarios", "import", "pdf"],
    )
    parser.add_argument(
        "--only-scenario",
        action="append",
        default=[],
        choices=["signin", "realistic", "moodle", "exam"],
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        default=os.environ.get("BENCH_QUICK", "") not in ("", "0"),
    )
    args = parser.parse_args()
    name = args.size  # bench/results/<name>.json; a quick run never replaces a real one
    if args.quick:
        args.repeat, args.seconds, args.import_rows = 3, 1, 2_000
        name = f"{args.size}-quick"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from bench import load, report, throughput
    from bench.generate import generate
    from bench.generation.naming import hr_email, worker_email
    from lms.models import User

    out = sys.stdout
    results = {
        "size": args.size,
        "when": f"{datetime.datetime.now():%Y-%m-%d %H:%M}",
        "machine": machine(args.workers),
        "settings": os.environ["DJANGO_SETTINGS_MODULE"],
        "quick": args.quick,
        "load_average": os.getloadavg(),
    }
    began = time.monotonic()
    made = generate(args.size, out=out)
    if made:
        results["generation_s"] = time.monotonic() - began
    results["data"] = data_counts()
    people = {
        "worker": User.objects.get(email=worker_email(0)),
        "hr": User.objects.get(email=hr_email(0)),
    }
    results["in_process"] = {
        "repeat": args.repeat,
        "rows": in_process(people, args.repeat, out),
    }
    save(name, results)  # kept even if a later part fails
    if args.base_url and "load" not in args.skip:
        results["load"] = {
            "seconds": args.seconds,
            "connections": args.connections,
            "rows": load.run(
                people,
                base_url=args.base_url,
                nginx_url=args.nginx_url,
                floor_dir=args.floor_dir,
                seconds=args.seconds,
                connections=args.connections,
                out=out,
            ),
        }
        save(name, results)
    if args.base_url and "scenarios" not in args.skip:
        from bench import scenarios

        results["scenarios"] = scenarios.run(
            base_url=args.base_url,
            quick=args.quick,
            work=Path(os.environ.get("SERVICES_DIR", "/tmp")) / "bench-scenarios",
            out=out,
            only=args.only_scenario,
            keep=lambda part: save(name, results | {"scenarios": part}),
        )
        save(name, results)
    if "pdf" not in args.skip:
        results["pdfs"] = throughput.pdfs(out=out)
    if "import" not in args.skip:
        results["imports"] = throughput.imports(args.import_rows, out=out)
    save(name, results)
    report.write(out=out)


def save(size: str, results: dict) -> None:
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{size}.json").write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
