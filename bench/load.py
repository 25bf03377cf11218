"""Throughput and latency under load: wrk against gunicorn on loopback (production
settings, several sync workers), beside two floors answering the same number of bytes:
a bare Django view (``/bench/floor/<size>/``, routed only under
``config.settings.bench``) and nginx serving a static file of that size.
``bash .ci/services.sh bench`` starts gunicorn and nginx; this module only measures.

Signed-in pages get a real session: ``Client.force_login`` writes it to the session
store gunicorn reads (cached_db on the shared PostgreSQL and Redis) and wrk sends its
cookie."""

from __future__ import annotations

import re
import subprocess
import urllib.request
from pathlib import Path

# (label, who, kind): who is None (anonymous), "worker" or "hr"; kind says which bar
# applies ("anonymous": half the bare view; "learner": a fifth; None: no bar).
BAR = {"anonymous": 0.5, "learner": 0.2}
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def pages(people) -> list[tuple[str, str, str | None, str | None]]:
    """(label, path, who, bar kind) of every page measured, found in the database."""
    from django.conf import settings

    from bench.generation.naming import COURSE_SLUG
    from courses.models import CourseIndexPage, Enrollment
    from home.models import CraftsmanProfilePage, StoryPage
    from lms.models import SkillCertificate

    lang = settings.LANGUAGE_CODE
    found = []

    def first_url(model):
        page = model.objects.live().filter(locale__language_code=lang).first()
        return page.url if page else None

    found.append(("home page", "/", None, "anonymous"))
    for label, model in (
        ("story", StoryPage),
        ("role-model profile", CraftsmanProfilePage),
        ("catalogue", CourseIndexPage),
    ):
        url = first_url(model)
        if url:
            found.append((label, url, None, "anonymous"))
    code = (
        SkillCertificate.objects.filter(holder=people["worker"])
        .values_list("verification_code", flat=True)
        .first()
    )
    found.append(("verification", f"/verify/{code}/", None, "anonymous"))
    anonymous = [row for row in found if row[3] == "anonymous"]
    # The same pages past the cache: a session cookie that matches no session makes
    # the visitor anonymous but skips the anonymous page cache.
    for label, url, _who, _kind in anonymous:
        if not url.startswith("/verify/"):  # rate-limited per address when uncached
            found.append((f"{label} (uncached)", url, "nobody", None))
    catalogue = [row for row in anonymous if row[0] == "catalogue"]
    if catalogue:
        found.append(("catalogue (signed in)", catalogue[0][1], "worker", "learner"))
    enrolment = (
        Enrollment.objects.filter(
            user=people["worker"], course__slug=COURSE_SLUG.format(n=0)
        )
        .select_related("course")
        .first()
    )
    if enrolment is not None:
        course = enrolment.course
        lesson = course.get_children().live().specific().first()
        found.append(("course page (enrolled)", course.url, "worker", "learner"))
        if lesson is not None:
            found.append(("lesson page (enrolled)", lesson.url, "worker", "learner"))
    found.append(("my learning", "/learning/", "worker", "learner"))
    found.append(
        (
            "HR board, filtered",
            "/certificates/board/?status=valid&level=3",
            "hr",
            None,
        )
    )
    found.append(("HR board, first page", "/certificates/board/", "hr", None))
    return found


def session_cookie(user) -> str:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    return f"{name}={client.cookies[name].value}"


def fetch(url: str, cookie: str | None) -> tuple[int, int]:
    """(status, body bytes) of one request, redirects not followed."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, len(response.read())
    except urllib.error.HTTPError as error:
        return error.code, len(error.read())


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def wrk(url: str, *, cookie: str | None, seconds: int, connections: int) -> dict:
    """Runs wrk (2 threads) and returns requests/s, median and p99 in ms and the
    number of answers that were not 2xx/3xx."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    command += ["--timeout", "30s"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(
        command + [url], capture_output=True, text=True, check=True
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+(?:us|ms|s|m))\s*$", out, re.M))
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    timeouts = re.search(r"Socket errors:.*timeout (\d+)", out)
    if "50" not in latency or "99" not in latency:
        raise RuntimeError(f"wrk gave no latency distribution for {url}:\n{out}")
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": _ms(latency["50"]),
        "p99": _ms(latency["99"]),
        "errors": int(errors.group(1)) if errors else 0,
        "timeouts": int(timeouts.group(1)) if timeouts else 0,
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
    }


def run(
    people,
    *,
    base_url: str,
    nginx_url: str,
    floor_dir: Path,
    seconds: int,
    connections: int,
    out,
) -> list[dict]:
    cookies = {who: session_cookie(user) for who, user in people.items()}
    cookies["nobody"] = "sessionid=no-such-session"
    rows = []
    floors: dict[int, tuple[dict, dict]] = {}
    for label, path, who, kind in pages(people):
        cookie = cookies.get(who) if who else None
        url = base_url + path
        status, size = fetch(url, cookie)
        row = {"label": label, "path": path, "who": who or "anonymous", "kind": kind}
        row |= {"status": status, "bytes": size}
        if status != 200:
            row["error"] = f"answered {status}"
            rows.append(row)
            out.write(f"{label:28} {path:45} answered {status}: skipped\n")
            continue
        try:
            wrk(url, cookie=cookie, seconds=1, connections=connections)  # warm-up
            row["page"] = wrk(
                url, cookie=cookie, seconds=seconds, connections=connections
            )
        except RuntimeError as error:
            row["error"] = "wrk failed"
            rows.append(row)
            out.write(f"{label}: {error}\n")
            continue
        # A slow page leaves requests queued in gunicorn after wrk stops: wait
        # until a worker answers again, so the floor is not measured behind them.
        fetch(f"{base_url}/bench/floor/1/", None)
        if size not in floors:
            (floor_dir / str(size)).write_bytes(b"x" * size)
            django_floor = f"{base_url}/bench/floor/{size}/"
            nginx_floor = f"{nginx_url}/{size}"
            wrk(django_floor, cookie=None, seconds=1, connections=connections)
            timed = {"cookie": None, "seconds": seconds, "connections": connections}
            floors[size] = (wrk(django_floor, **timed), wrk(nginx_floor, **timed))
        row["django_floor"], row["nginx_floor"] = floors[size]
        floor_rps = row["django_floor"]["rps"]
        row["ratio"] = row["page"]["rps"] / floor_rps if floor_rps else 0.0
        row["bar"] = BAR.get(kind)
        rows.append(row)
        out.write(
            f"{label:28} {row['page']['rps']:8.0f} req/s  p50 {row['page']['p50']:7.1f}"
            f" ms  p99 {row['page']['p99']:7.1f} ms  floor "
            f"{row['django_floor']['rps']:6.0f}  nginx {row['nginx_floor']['rps']:6.0f}"
            f"  ratio {row['ratio']:.2f}\n"
        )
    return rows
