"""Where a signed-in learner's page spends its time: ``python -m bench.profile`` on
a database made by ``bench.generate`` (settings from ``DJANGO_SETTINGS_MODULE``:
``config.settings.bench`` for the production caches, which need the production
environment, see ``.ci/services.sh``).

Requests the bare floor view (anonymous, as the load test does), the floor signed
in, and the lesson, course, catalogue and my-learning pages in turn with Django's
test client, ``--repeat`` times each, and prints per page the median wall time and
the mean CPU time of this process, each as a ratio to the floor. CPU time is the
figure to compare on a shared machine: other processes slow the wall clock, not it
(the cache and database servers' own CPU is left out). ``--profile lesson`` adds a
cProfile of that page (``--top`` lines, cumulative; the stats go to
``<tmp>/bench-<page>.prof`` for ``python -m pstats``)."""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def pages():
    """The learner, and name -> (path, signed in) of each page measured."""
    from bench import load
    from bench.generate import hr_email, worker_email
    from lms.models import User

    people = {
        "worker": User.objects.get(email=worker_email(0)),
        "hr": User.objects.get(email=hr_email(0)),
    }
    found = {label: path for label, path, _who, _kind in load.pages(people)}
    return people["worker"], {
        "floor": ("/bench/floor/4200/", False),
        "floor signed in": ("/bench/floor/4200/", True),
        "lesson": (found["lesson page (enrolled)"], True),
        "course": (found["course page (enrolled)"], True),
        "catalogue": (found["catalogue (signed in)"], True),
        "my learning": ("/learning/", True),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--profile", help="a page name, e.g. lesson")
    parser.add_argument("--top", type=int, default=60)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client

    worker, todo = pages()
    anonymous = Client(HTTP_HOST="localhost")
    signed_in = Client(HTTP_HOST="localhost")
    signed_in.force_login(worker)
    clients = {name: signed_in if who else anonymous for name, (_, who) in todo.items()}
    for name, (path, _who) in todo.items():  # warm-up: caches, templates
        status = clients[name].get(path).status_code
        if status != 200:
            raise SystemExit(f"{name} {path} answered {status}")
    wall = {name: [] for name in todo}
    cpu = {name: [] for name in todo}
    for _ in range(args.repeat):
        for name, (path, _who) in todo.items():
            began, began_cpu = time.perf_counter(), time.process_time()
            clients[name].get(path)
            cpu[name].append(time.process_time() - began_cpu)
            wall[name].append(time.perf_counter() - began)
    floor_wall = statistics.median(wall["floor"])
    floor_cpu = statistics.mean(cpu["floor"])
    print(f"load average: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    for name, (path, _who) in todo.items():
        w, c = statistics.median(wall[name]), statistics.mean(cpu[name])
        print(
            f"{name:16} {path:40} wall {w * 1000:7.2f} ms ({floor_wall / w:.3f})"
            f"  cpu {c * 1000:7.2f} ms ({floor_cpu / c:.3f})"
        )
    if args.profile:
        path, _who = todo[args.profile]
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.repeat):
            clients[args.profile].get(path)
        profile.disable()
        name = args.profile.replace(" ", "-")
        out = Path(tempfile.gettempdir()) / f"bench-{name}.prof"
        profile.dump_stats(out)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
