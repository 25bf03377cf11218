"""lms.queueing: a task is queued after commit, and an unreachable broker never
fails the request whose transaction already committed."""

import pytest
from kombu.exceptions import OperationalError

from lms.queueing import queue_now, queue_on_commit


class FakeTask:
    """Records what would have been sent to the broker (the broker itself is tested
    for real under make test-services)."""

    name = "tests.fake"

    def __init__(self, fail=False):
        self.fail = fail
        self.sent = []

    def delay(self, *args):
        if self.fail:
            raise OperationalError("Error 111 connecting to 127.0.0.1:63799.")
        self.sent.append(args)


def test_queue_now_sends_and_says_so():
    task = FakeTask()
    assert queue_now(task, 7) is True
    assert task.sent == [(7,)]


def test_queue_now_logs_instead_of_raising_when_the_broker_is_down(caplog):
    assert queue_now(FakeTask(fail=True), 7) is False
    assert "broker unavailable: tests.fake(7,) left for its sweep" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_queue_on_commit_sends_after_commit_and_never_after_rollback():
    from django.db import transaction

    task = FakeTask()
    with transaction.atomic():
        queue_on_commit(task, 1)
        assert task.sent == []
    assert task.sent == [(1,)]
    with pytest.raises(RuntimeError), transaction.atomic():
        queue_on_commit(task, 2)
        raise RuntimeError
    assert task.sent == [(1,)]
