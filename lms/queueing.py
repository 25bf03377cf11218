"""Queueing Celery tasks without failing the request whose transaction committed.

Work that must happen (an e-mail, a certificate, mentors told of a request) is
recorded in the database first; the task only does it sooner. With the broker down
the task is not queued, the record stays pending and a beat sweep picks it up."""

from __future__ import annotations

import logging
from functools import partial

from django.db import transaction
from kombu.exceptions import OperationalError as BrokerUnavailable

logger = logging.getLogger(__name__)


def queue_now(task, *args) -> bool:
    """``task.delay(*args)``; False (logged) instead of an error if the broker is
    unreachable."""
    try:
        task.delay(*args)
    except BrokerUnavailable:
        logger.warning("broker unavailable: %s%r left for its sweep", task.name, args)
        return False
    return True


def queue_on_commit(task, *args) -> None:
    """``queue_now`` once the current transaction commits (never if it rolls back)."""
    transaction.on_commit(partial(queue_now, task, *args))
