"""The events part of a person's data (registered in ``HomeConfig.ready()``): their
reservations and check-ins, and their audience votes (erased, a vote loses its
voter but still counts)."""

from __future__ import annotations

from home.events.models import Reservation
from home.events.services import reservations_erase
from home.events.voting.models import Vote
from home.events.voting.services import votes_anonymise


def export_events(user) -> dict:
    found = Reservation.objects.filter(user=user).select_related("session__page")
    return {
        "event_reservations": [
            {
                "event": r.session.page.title,
                "session": r.session.title,
                "starts_at": r.session.starts_at.isoformat(),
                "status": r.status,
                "made_at": r.created_at.isoformat(),
                "checked_in_at": r.checked_in_at.isoformat()
                if r.checked_in_at
                else None,
            }
            for r in found.order_by("created_at", "pk")
        ],
        "event_votes": [
            {
                "vote": v.ballot.title,
                "option": v.option.name,
                "cast_at": v.cast_at.isoformat(),
            }
            for v in Vote.objects.filter(voter=user)
            .select_related("ballot", "option")
            .order_by("cast_at", "pk")
        ],
        "files": [],
    }


def erase_events(user) -> None:
    reservations_erase(user=user)
    votes_anonymise(user=user)
