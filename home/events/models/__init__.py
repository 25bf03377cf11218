from home.events.voting.models import Ballot, Vote, VoteOption

from .pages import EventExhibit, EventIndexPage, EventPage, EventSession, SessionKind
from .records import Reservation

__all__ = [
    "Ballot",
    "EventExhibit",
    "EventIndexPage",
    "EventPage",
    "EventSession",
    "Reservation",
    "SessionKind",
    "Vote",
    "VoteOption",
]
