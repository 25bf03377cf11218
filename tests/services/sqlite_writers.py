"""Many writers on one SQLite file for a while, as gunicorn processes and threads would
be: ``python -m tests.services.sqlite_writers --threads 10 --seconds 10`` with
DATABASE_URL=sqlite:///... Prints one JSON line: the writes each writer finished and
the errors seen. ``--transaction-mode DEFERRED`` takes away the IMMEDIATE mode the
settings give SQLite (the negative control of tests/services/test_sqlite_writers.py)."""

import argparse
import json
import os
import threading
import time

import django


def writer(n: int, deadline: float, counts: dict, errors: list[str]) -> None:
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
        errors.append(f"writer {n}: {type(error).__name__}: {error}")
    finally:
        counts[str(n)] = i
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--first", type=int, default=0)
    parser.add_argument("--transaction-mode", default=None)
    args = parser.parse_args()
    django.setup()
    from django.db import connection

    from lms.models import User

    if args.transaction_mode:
        connection.settings_dict["OPTIONS"]["transaction_mode"] = args.transaction_mode
    for n in range(args.first, args.first + args.threads):
        User.objects.get_or_create(email=f"writer{n}@example.com")
    connection.close()

    counts: dict[str, int] = {}
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
    mode = connection.settings_dict["OPTIONS"].get("transaction_mode")
    print(json.dumps({"writes": counts, "errors": errors, "mode": mode}))


if __name__ == "__main__":
    main()
