"""Redis stopped while notifications are sent (in this process): the call still
succeeds, the rows are saved as pending, and once Redis is back the re-queue service
that beat's task runs queues them and the worker (which kept running) sends each
e-mail once. (Beat itself, through the site: test_redis_outage_site.py.)"""

import time
from datetime import timedelta

import pytest

from lms.models import Notification
from lms.services.notifications import notification_send
from lms.tasks import requeue_pending_notifications
from tests.lms.factories import UserFactory
from tests.services.conftest import sent_messages
from tests.services.test_certificate_outage import production_cache  # noqa: F401
from tests.services.workers import wait_until

pytestmark = pytest.mark.services


# Redis down is the cache down too: this process uses production's cache settings
# (errors ignored and logged), as the site does.
@pytest.mark.usefixtures("production_cache")
def test_notifications_sent_while_redis_is_down_are_emailed_once_it_is_back(
    start_worker, mail_dir, redis_outage
):
    stop_redis, start_redis = redis_outage
    worker = start_worker()
    users = UserFactory.create_batch(3)
    stop_redis()

    began = time.monotonic()
    for user in users:
        assert notification_send(
            recipient=user,
            key="outage",
            kind="legacy",
            params={"subject": "Shift change"},
        )
    assert time.monotonic() - began < 15, "queueing must give up fast, not hang"
    pending = Notification.objects.filter(key="outage", emailed_at__isnull=True)
    assert pending.count() == 3

    start_redis()
    # What beat does every ten minutes; pending rows only (none is older than 0 s).
    assert requeue_pending_notifications.run() == 0
    from lms.services.notifications import notifications_requeue_pending

    assert notifications_requeue_pending(older_than=timedelta(0)) == 3
    wait_until(lambda: not pending.exists(), timeout=45, what="the pending e-mails")
    # Requeueing again finds nothing left to send.
    assert notifications_requeue_pending(older_than=timedelta(0)) == 0
    time.sleep(1)
    assert sorted(
        m.split("To: ")[1].split("\n")[0] for m in sent_messages(mail_dir)
    ) == (sorted(u.email for u in users))
    assert worker.process.poll() is None, "the worker survived the outage"
