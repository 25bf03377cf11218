"""The events part of a person's data (registered in ``HomeConfig.ready()``): their
reservations and check-ins."""

from __future__ import annotations

from home.events.models import Reservation
from home.events.services import reservations_erase


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
        "files": [],
    }


def erase_events(user) -> None:
    reservations_erase(user=user)
