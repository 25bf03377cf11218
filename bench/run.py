"""Page timings on generated data: ``python -m bench.run [--size small|large]``.

Generates the data if missing (bench/generate.py), then requests each page in-process
with Django's test client as the person who would see it (warm-up first, then
``--repeat`` timed requests) and writes median and 95th-percentile times, queries and
response size to docs/benchmarks.md. In-process: no network, no gunicorn; this measures
the application and database, not the web server."""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "benchmarks.md"

# (label, URL name, or else a path, who): who is None (anonymous), "worker" or "hr".
PAGES = [
    ("home page", None, "/", None),
    ("certificate verify form", "certification:verify_form", None, None),
    ("worker dashboard", "lms:dashboard", None, "worker"),
    ("worker inbox", "lms:inbox", None, "worker"),
    ("worker certificates", "certification:mine", None, "worker"),
    ("HR certificate board", "certification:board", None, "hr"),
    ("HR board CSV export", "certification:export_csv", None, "hr"),
    ("HR eligible workers", "certification:eligible", None, "hr"),
    ("course catalogue", "courses:catalogue", None, "worker"),
    ("my learning", "courses:my_learning", None, "worker"),
    ("my mentorships", "mentorship:mine", None, "worker"),
]


class QueryCounter:
    """Counts the queries run through a connection (unlike CaptureQueriesContext, not
    fooled by the query log being reset when each request starts)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(client, url: str, repeat: int) -> dict:
    from django.db import connection

    for _ in range(2):  # warm-up: templates, caches, connection
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


def run(size: str, repeat: int) -> list[tuple[str, str, dict | str]]:
    """Requests every page; a page whose URL does not exist yet is listed as such."""
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    from bench.generate import generate, hr_email, worker_email
    from lms.models import User

    generate(size)
    people = {
        "worker": User.objects.get(email=worker_email(0)),
        "hr": User.objects.get(email=hr_email(0)),
    }
    rows = []
    for label, name, path, who in PAGES:
        try:
            url = reverse(name) if name else path
        except NoReverseMatch:
            rows.append((label, name or path, "not built yet"))
            continue
        client = Client(HTTP_HOST="localhost")
        if who:
            client.force_login(people[who])
        rows.append((label, url, measure(client, url, repeat)))
        sys.stdout.write(f"{label:28} {url:40} {rows[-1][2]}\n")
    return rows


def write_report(size: str, repeat: int, rows) -> None:
    from django.db import connection

    from lms.models import Membership, Notification, SkillCertificate, User

    totals = {
        "users": User.objects.count(),
        "memberships": Membership.objects.count(),
        "certificates": SkillCertificate.objects.count(),
        "notifications": Notification.objects.count(),
    }
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`bash .ci/services.sh bench`, which runs "
        "`python -m bench.run`). Do not edit by hand; run it again.",
        "",
        f"- run: {datetime.datetime.now():%Y-%m-%d %H:%M}, size `{size}`, "
        f"{repeat} timed requests per page after 2 warm-up requests",
        f"- machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"database {connection.vendor} ({connection.settings_dict['NAME']})",
        "- data: " + ", ".join(f"{v:,} {k}" for k, v in totals.items()),
        "- in-process (Django test client as the person who sees the page): "
        "application and database time, no network or gunicorn",
        "",
        "| page | URL | status | median ms | p95 ms | queries | KiB |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for label, url, result in rows:
        if isinstance(result, str):
            lines.append(f"| {label} | `{url}` | {result} | | | | |")
        else:
            lines.append(
                f"| {label} | `{url}` | {result['status']} | {result['median']:.1f} "
                f"| {result['p95']:.1f} | {result['queries']} | {result['kb']:.0f} |"
            )
    lines += [
        "",
        "## Not measured yet",
        "",
        "- Courses, enrolments and mentorships are not generated (their pages show "
        "little data here): each app needs its own bulk generator in bench/.",
        "- No HTTP load test against gunicorn (concurrency, throughput); no Celery "
        "task throughput.",
        "",
    ]
    OUT.write_text("\n".join(lines))
    sys.stdout.write(f"written {OUT}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=["small", "large"], default="small")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    rows = run(args.size, args.repeat)
    write_report(args.size, args.repeat, rows)


if __name__ == "__main__":
    main()
