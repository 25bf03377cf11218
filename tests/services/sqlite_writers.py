"""Many writers on one SQLite file for a while, as gunicorn processes and threads would
be: ``python -m tests.services.sqlite_writers --threads 10 --seconds 10`` with
DATABASE_URL=sqlite:///... Prints one JSON line: writes done and errors seen."""

import argparse
import json
import os
import threading
import time

import django


def writer(n: int, deadline: float, counts: list[int], errors: list[str]) -> None:
    from django.db import connection, transaction

    from lms.models import Notification, User

    me = User.objects.get(email=f"writer{n}@example.com")
    i = 0
    try:
        while time.monotonic() < deadline:
            # Read then write in one transaction: the pattern that fails at once with
            # "database is locked" under SQLite's default DEFERRED transactions.
            with transaction.atomic():
                latest = Notification.objects.filter(recipient=me).count()
                Notification.objects.create(
                    recipient=me,
                    key=f"{os.getpid()}-{n}-{i}",
                    kind="legacy",
                    params={"subject": str(latest)},
                )
                User.objects.filter(pk=me.pk).update(display_name=f"Writer {n} {i}")
            i += 1
    except Exception as error:  # noqa: BLE001 - reported to the test, which fails
        errors.append(f"{type(error).__name__}: {error}")
    finally:
        counts[n] = i
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--first", type=int, default=0)
    args = parser.parse_args()
    django.setup()
    from django.db import connection

    from lms.models import User

    for n in range(args.first, args.first + args.threads):
        User.objects.get_or_create(email=f"writer{n}@example.com")
    connection.close()

    counts = [0] * (args.first + args.threads)
    errors: list[str] = []
    deadline = time.monotonic() + args.seconds
    threads = [
        threading.Thread(target=writer, args=(n, deadline, counts, errors))
        for n in range(args.first, args.first + args.threads)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps({"writes": sum(counts), "errors": errors}))


if __name__ == "__main__":
    main()
