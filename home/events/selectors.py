"""Reads of events that pages share, each a fixed number of queries whatever the
number of sessions, exhibits or reservations."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils import timezone, translation

from home.events.models import EventExhibit, EventPage, EventSession, Reservation
from lms.permissions import user_may
from lms.translations import locale_id_of, pages_in_language

Status = Reservation.Status
EXHIBITS_PER_PAGE = 24


def events_under(*, index) -> dict:
    """Upcoming events (soonest first) and past ones (latest first)."""
    today = timezone.localdate()
    events = (
        EventPage.objects.child_of(index)
        .live()
        .select_related("cover")
        .defer_streamfields()
    )
    return {
        "upcoming": list(events.filter(ends_on__gte=today).order_by("starts_on")),
        "past": list(events.filter(ends_on__lt=today).order_by("-starts_on")),
    }


def feed_events(*, index, limit: int = 20) -> list[EventPage]:
    return list(
        EventPage.objects.child_of(index)
        .live()
        .defer_streamfields()
        .order_by("-starts_on")[:limit]
    )


def active_counts(*, translation_keys) -> dict:
    """{session translation key: {"reserved", "waiting", "checked_in"}} in one
    query (both languages of a session share its seats)."""
    rows = (
        Reservation.objects.filter(session__translation_key__in=list(translation_keys))
        .values("session__translation_key")
        .annotate(
            reserved=Count("id", filter=Q(status=Status.RESERVED)),
            waiting=Count("id", filter=Q(status=Status.WAITING)),
            checked_in=Count("id", filter=Q(checked_in_at__isnull=False)),
        )
    )
    return {
        row["session__translation_key"]: {
            "reserved": row["reserved"],
            "waiting": row["waiting"],
            "checked_in": row["checked_in"],
        }
        for row in rows
    }


def sessions_with_counts(*, event: EventPage) -> list[EventSession]:
    """The programme, each session with ``counts`` and ``seats_left``."""
    return with_counts(list(event.sessions.all()))


def with_counts(sessions: list[EventSession]) -> list[EventSession]:
    counts = active_counts(translation_keys=[s.translation_key for s in sessions])
    empty = {"reserved": 0, "waiting": 0, "checked_in": 0}
    for session in sessions:
        session.counts = counts.get(session.translation_key, empty)
        session.seats_left = max(session.capacity - session.counts["reserved"], 0)
    return sessions


def reservations_of(*, user, sessions) -> dict:
    """{session translation key: the user's active reservation}."""
    if not getattr(user, "is_authenticated", False):
        return {}
    keys = [s.translation_key for s in sessions]
    found = Reservation.objects.filter(
        user=user, status__in=Reservation.ACTIVE, session__translation_key__in=keys
    ).select_related("session")
    return {r.session.translation_key: r for r in found}


def sessions_in_language(sessions, *, language: str | None = None) -> dict:
    """{session id: the same session in ``language`` (the active one by default),
    with its page} where the event is translated and live, else the session itself.
    Reservations point at the seat-holding row, whatever language it is in."""
    sessions = list(sessions)
    locale_id = locale_id_of(language or translation.get_language())
    found = EventSession.objects.filter(
        translation_key__in=[s.translation_key for s in sessions],
        locale_id=locale_id,
        page__live=True,
    ).select_related("page")
    shown = {s.translation_key: s for s in found}
    return {s.pk: shown.get(s.translation_key, s) for s in sessions}


def shown_session(session: EventSession) -> EventSession:
    return sessions_in_language([session])[session.pk]


def exhibits_of(*, event: EventPage, locale_id: int) -> list[EventExhibit]:
    """The exhibited achievements with their studio and craftsman, both in the
    reader's language where translated (``exhibit.studio``, ``exhibit.craftsman``)."""
    exhibits = list(
        EventExhibit.objects.filter(page=event).select_related(
            "achievement__page__industry", "achievement__page__lead_craftsman"
        )
    )
    studios = [e.achievement.page for e in exhibits]
    craftsmen = [s.lead_craftsman for s in studios if s.lead_craftsman_id]
    shown = pages_in_language([*studios, *craftsmen], locale_id=locale_id)
    for exhibit in exhibits:
        studio = exhibit.achievement.page
        exhibit.industry = studio.industry
        exhibit.studio = shown.get(studio.pk, studio)
        lead = studio.lead_craftsman
        exhibit.craftsman = shown.get(lead.pk, lead) if lead is not None else None
    return exhibits


def fields_of(exhibits) -> list:
    """The industries (fields) of the exhibits, each once, by name."""
    found = {e.industry.pk: e.industry for e in exhibits if e.industry is not None}
    return sorted(found.values(), key=lambda industry: industry.local_name)


def event_details(*, event: EventPage, request) -> dict:
    from home.events.forms import ExhibitFilterForm
    from home.events.judging.selectors import published_awards

    sessions = sessions_with_counts(event=event)
    mine = reservations_of(user=request.user, sessions=sessions)
    for session in sessions:
        session.mine = mine.get(session.translation_key)
    exhibits = exhibits_of(event=event, locale_id=event.locale_id)
    fields = fields_of(exhibits)
    form = ExhibitFilterForm(request.GET, fields=fields)
    field = form.cleaned_data.get("field") if form.is_valid() else None
    if field is not None:
        exhibits = [e for e in exhibits if e.industry == field]
    page = Paginator(exhibits, EXHIBITS_PER_PAGE).get_page(request.GET.get("page"))
    from home.events.voting.selectors import ballots_of_event

    return {
        "sessions": sessions,
        "ballots": ballots_of_event(event=event),
        "awards": published_awards(session_keys=[s.translation_key for s in sessions]),
        "exhibits": page,
        "exhibit_count": len(exhibits),
        "filter_form": form,
        "query_string": form.query_string(),
        "door_staff": user_may(request.user, "view_counts", EventSession),
    }
