from .pages import EventExhibit, EventIndexPage, EventPage, EventSession, SessionKind
from .records import Reservation

__all__ = [
    "EventExhibit",
    "EventIndexPage",
    "EventPage",
    "EventSession",
    "Reservation",
    "SessionKind",
]
