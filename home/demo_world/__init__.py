"""A demo that looks like a running deployment: the story enterprises with about 150
workers each and two years of their history (learning, certificates, mentorship,
service requests), generated from a seeded random source, so the same seed makes
the same world. The named demo people sit inside it.

History goes in with bulk inserts (``home.demo_world.rows``, shared with
``bench.generate``) carrying its own timestamps, in the states the services would
have left; the latest events go through the services themselves
(``activity``). Made once: a second run finds the world and changes nothing."""

from __future__ import annotations

import random
import time

from django.utils import timezone

from home.demo_world.people import make_people, world_exists

SEED = 2026
# The demo profile of the generator (``bench.generate`` has its own sizes).
DEMO = {
    "workers_per_enterprise": 150,
    "agreements_per_stage": 20,
    "service_requests_per_step": 4,
}


def load(*, stdout, seed: int = SEED, profile: dict | None = None) -> None:
    from home.demo_world.activity import make_activity
    from home.demo_world.certificates import make_certificates
    from home.demo_world.learning import make_learning
    from home.demo_world.mentoring import make_agreements
    from home.demo_world.requests import make_service_requests
    from lms.certification.services import (
        board_changed,
        certificate_expiry_reminders_send,
    )
    from lms.demo import ENTERPRISES, demo_enterprise, demo_user

    if world_exists():
        stdout.write("Demo world: already there, nothing made")
        return
    began = time.monotonic()
    profile = profile or DEMO
    rng = random.Random(seed)
    today = timezone.localdate()
    # Reminders of the hand-made certificates, before the world's own arrive in bulk.
    certificate_expiry_reminders_send(today=today)
    enterprises = {key: demo_enterprise(key) for key in ENTERPRISES}
    people = make_people(
        rng=rng,
        today=today,
        enterprises=enterprises,
        workers_per_enterprise=profile["workers_per_enterprise"],
    )
    coordinator = demo_user("coordinator")
    counts = {"workers": sum(len(w) for w in people.workers.values())}
    counts["certificates"] = make_certificates(
        rng=rng,
        today=today,
        people=people,
        enterprises=enterprises,
        officer_id=demo_user("officer").pk,
    )
    counts.update(make_learning(rng=rng, today=today, people=people))
    counts.update(
        make_agreements(
            rng=rng,
            today=today,
            people=people,
            enterprises=enterprises,
            coordinator_id=coordinator.pk,
            per_stage=profile["agreements_per_stage"],
        )
    )
    counts.update(
        make_service_requests(
            rng=rng,
            today=today,
            people=people,
            enterprises=enterprises,
            coordinator_id=coordinator.pk,
            each=profile["service_requests_per_step"],
        )
    )
    make_activity(today=today, people=people, enterprises=enterprises)
    board_changed()
    summary = ", ".join(f"{n} {what}" for what, n in counts.items())
    stdout.write(f"Demo world: {summary} in {time.monotonic() - began:.1f} s")
