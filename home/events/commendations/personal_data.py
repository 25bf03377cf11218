"""The commendations part of a person's data (registered in ``HomeConfig.ready()``):
the nominations of them. A published selection is a public honour and stays, like a
certificate; what unions and the committee wrote about the person in a nomination
not published is replaced by a dash (the rows stay for the audit trail)."""

from __future__ import annotations

from home.events.commendations.models import Nomination, NominationReview
from lms.personal_data import ERASED_TEXT


def export_commendations(user) -> dict:
    found = Nomination.objects.filter(craftsman=user).select_related("commendation")
    return {
        "commendation_nominations": [
            {
                "commendation": n.commendation.title,
                "year": n.commendation.year,
                "statement": n.statement,
                "links": n.link_list,
                "nominated_at": n.nominated_at.isoformat(),
                "selected": n.selected,
                "published": n.commendation.is_published,
            }
            for n in found.order_by("nominated_at", "pk")
        ],
        "files": [],
    }


def erase_commendations(user) -> None:
    unpublished = Nomination.objects.filter(craftsman=user).exclude(
        commendation__status="published"
    )
    NominationReview.objects.filter(nomination__in=unpublished).exclude(
        notes=""
    ).update(notes=ERASED_TEXT)
    unpublished.update(statement=ERASED_TEXT, links="")
