"""Tasks through Redis to real Celery workers (production settings), results in
PostgreSQL: the happy path, on-commit queueing, and workers that die or run long (each
bounded well under a minute). The on-commit queueing and the late acknowledgement
each have a twin that takes the protection away and shows the same check failing."""

import os
import signal
import time

import pytest
from django.db import transaction

from lms.models import Notification
from lms.services.notifications import notification_send
from lms.tasks import deliver_notification
from tests.lms.factories import UserFactory
from tests.services.conftest import redis_cli, sent_messages
from tests.services.workers import children_of, wait_until

pytestmark = pytest.mark.services


def emailed(notification: Notification) -> bool:
    notification.refresh_from_db()
    return notification.emailed_at is not None


def send(email: str = "worker@example.com", key: str = "k1") -> Notification:
    return notification_send(
        recipient=UserFactory(email=email),
        key=key,
        kind="legacy",
        params={"subject": "Hello", "body": "Body"},
    )


def started_senders(mail_dir) -> list[int]:
    """Pids of the pool processes that began sending an e-mail (see slowmail.py)."""
    folder = mail_dir / "started"
    if not folder.exists():
        return []
    return [int(p.name.split("-")[0]) for p in sorted(folder.iterdir())]


def test_notification_is_emailed_by_a_real_worker_through_redis(start_worker, mail_dir):
    """notification_send commits, the task goes through Redis to a worker process, and
    the e-mail and ``emailed_at`` land in PostgreSQL: once, handed over once."""
    worker = start_worker()
    notification = send()

    wait_until(lambda: emailed(notification), timeout=30, what="the e-mail")
    messages = sent_messages(mail_dir)
    assert len(messages) == 1
    assert "To: worker@example.com" in messages[0]
    assert worker.received() == 1


def roll_back_then_check(worker, mail_dir, queue_in_transaction) -> None:
    """Queues the delivery of an existing notification, and sends a new one, inside a
    transaction that rolls back (``queue_in_transaction(task, id)`` queues as the
    code under test does); then a control task after it. Checks that nothing of the
    rolled-back transaction went out, once the control e-mail has."""
    user = UserFactory()
    kept = Notification.objects.create(
        recipient=user, key="kept", kind="legacy", params={"subject": "Kept"}
    )
    control = Notification.objects.create(
        recipient=user, key="ctl", kind="legacy", params={"subject": "Ctl"}
    )

    with pytest.raises(RuntimeError), transaction.atomic():
        queue_in_transaction(deliver_notification, kept.pk)
        send(email="rolled-back@example.com", key="gone")
        raise RuntimeError("the request failed")

    assert not Notification.objects.filter(key="gone").exists()
    deliver_notification.delay_on_commit(control.pk)  # outside a transaction: now
    wait_until(lambda: emailed(control), timeout=30, what="the control e-mail")
    time.sleep(1)
    assert not emailed(kept), "a task of the rolled-back transaction was sent"
    assert len(sent_messages(mail_dir)) == 1
    assert worker.received() == 1


def test_task_queued_in_a_rolled_back_transaction_is_never_sent(start_worker, mail_dir):
    """delay_on_commit (and lms.queueing.queue_on_commit, which notification_send
    uses) inside a transaction that rolls back publishes nothing: the pending
    notification stays unsent, while a task queued after it runs."""
    worker = start_worker()

    def on_commit(task, pk):
        task.delay_on_commit(pk)
        assert redis_cli("-n", "0", "LLEN", "celery") == "0"

    roll_back_then_check(worker, mail_dir, on_commit)


def test_twin_queueing_at_once_fails_the_same_check(
    start_worker, mail_dir, monkeypatch
):
    """Negative control: tasks published at once instead of after the commit (both
    the test's own and notification_send's): the worker sends what the rolled-back
    transaction queued, and the check fails."""
    from lms import queueing

    monkeypatch.setattr(
        "lms.services.notifications.queue_on_commit", queueing.queue_now
    )
    worker = start_worker()
    with pytest.raises(AssertionError, match="rolled-back transaction was sent"):
        roll_back_then_check(worker, mail_dir, lambda task, pk: task.delay(pk))


def kill_sender_then_check(worker, mail_dir, *, timeout: float) -> None:
    """SIGKILL to the pool process while it sends; then the e-mail must still go out,
    once, from a second run of the task."""
    notification = send()
    sender = wait_until(
        lambda: started_senders(mail_dir), timeout=30, what="sending to start"
    )[0]
    assert sender in children_of(worker.process.pid)
    os.kill(sender, signal.SIGKILL)

    wait_until(
        lambda: emailed(notification), timeout=timeout, what="the redelivered e-mail"
    )
    assert len(sent_messages(mail_dir)) == 1
    assert len(started_senders(mail_dir)) == 2
    assert worker.received() == 2


def test_pool_process_killed_mid_task_still_sends_exactly_once(start_worker, mail_dir):
    """SIGKILL to the pool process running the task (acks_late +
    reject_on_worker_lost): the message goes back to the queue, another process runs
    it, and the e-mail goes out once."""
    worker = start_worker(SLOW_MAIL_SECONDS=3)
    kill_sender_then_check(worker, mail_dir, timeout=40)


def test_twin_without_late_ack_loses_the_task(start_worker, mail_dir):
    """Negative control: the worker acknowledges on receipt (acks_late and
    reject_on_worker_lost off): the killed task is gone, and the check fails."""
    worker = start_worker(SLOW_MAIL_SECONDS=3, NEGATIVE_CONTROL_EARLY_ACK=1)
    with pytest.raises(AssertionError, match="the redelivered e-mail"):
        kill_sender_then_check(worker, mail_dir, timeout=20)


def test_worker_killed_mid_task_sends_exactly_once_after_restart(
    start_worker, mail_dir
):
    """The whole worker SIGKILLed mid-task (a crashed machine): the unacknowledged
    message is restored once the visibility timeout has passed, and the restarted
    worker sends the e-mail once."""
    worker = start_worker("crashing", SLOW_MAIL_SECONDS=3, VISIBILITY_TIMEOUT=3)
    notification = send()

    wait_until(lambda: started_senders(mail_dir), timeout=30, what="sending to start")
    worker.kill()
    assert not emailed(notification)
    assert sent_messages(mail_dir) == []

    time.sleep(3)  # the visibility timeout
    restarted = start_worker("restarted", SLOW_MAIL_SECONDS=0, VISIBILITY_TIMEOUT=3)
    wait_until(lambda: emailed(notification), timeout=40, what="the restored e-mail")
    time.sleep(1)
    assert len(sent_messages(mail_dir)) == 1
    assert restarted.received() == 1


def test_task_outliving_the_visibility_timeout_is_redelivered_but_sent_once(
    start_worker, mail_dir
):
    """A task that runs longer than the visibility timeout is handed to a second pool
    process while the first still runs it; the row lock and ``emailed_at`` make the
    second run a no-op, so the e-mail is still sent once. (Production keeps the
    visibility timeout far above the task time limit, so this is the fallback.)"""
    worker = start_worker(SLOW_MAIL_SECONDS=6, VISIBILITY_TIMEOUT=2)
    notification = send()

    wait_until(lambda: worker.received() >= 2, timeout=30, what="the redelivery")
    wait_until(lambda: emailed(notification), timeout=40, what="the e-mail")
    time.sleep(1.5)
    assert len(sent_messages(mail_dir)) == 1
