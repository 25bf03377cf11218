"""Reads of the ballots, each a fixed number of queries whatever the number of
options or votes."""

from __future__ import annotations

from django.db.models import Count, Prefetch
from django.utils import translation

from home.events.voting.models import Ballot, Vote, VoteOption
from lms.translations import locale_id_of, pages_in_language

_OPTIONS = VoteOption.objects.select_related("profile", "achievement__page").order_by(
    "sort_order", "pk"
)


def public_ballots():
    """Ballots of live events (a draft's ballot is not found)."""
    return Ballot.objects.filter(event__live=True).select_related("event")


def ballot_with_options(*, pk: int, ballots=None) -> Ballot | None:
    """The ballot with its options, their links and its event in the reader's
    language (``ballot.shown_event``, ``option.profile_page``,
    ``option.studio_page``)."""
    ballot = (
        (public_ballots() if ballots is None else ballots)
        .select_related("event")
        .prefetch_related(Prefetch("options", queryset=_OPTIONS))
        .filter(pk=pk)
        .first()
    )
    if ballot is not None:
        in_language(ballot, list(ballot.options.all()))
    return ballot


def in_language(ballot: Ballot, options: list[VoteOption]) -> None:
    """Sets the event, the profiles and the studios of ``options`` in the reader's
    language where translated (one query for all of them)."""
    profiles = [o.profile for o in options if o.profile_id]
    studios = [o.achievement.page for o in options if o.achievement_id]
    locale_id = locale_id_of(translation.get_language())
    shown = pages_in_language([ballot.event, *profiles, *studios], locale_id=locale_id)
    ballot.shown_event = shown.get(ballot.event.pk, ballot.event)
    for option in options:
        option.profile_page = _live(shown, option.profile)
        option.studio_page = _live(
            shown, option.achievement.page if option.achievement_id else None
        )


def _live(shown: dict, page):
    """The page in the reader's language, if it is published (else no link)."""
    found = shown.get(page.pk, page) if page is not None else None
    return found if found is not None and found.live else None


def ballots_of_event(*, event) -> list[Ballot]:
    """The ballots of an event, whichever language's page they were set on."""
    return list(
        Ballot.objects.filter(event__translation_key=event.translation_key).order_by(
            "opens_at", "pk"
        )
    )


def vote_of(*, user, ballot: Ballot) -> Vote | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Vote.objects.filter(ballot=ballot, voter=user).select_related("option").first()
    )


def tally(*, ballot: Ballot) -> tuple[list[VoteOption], int]:
    """The options with ``votes_count`` (most votes first, then in the ballot's
    order) and the total, counted by the database in one query (and one for the
    links in the reader's language). Ties share a rank (``rank``)."""
    options = list(
        _OPTIONS.filter(ballot=ballot)
        .annotate(votes_count=Count("votes"))
        .order_by("-votes_count", "sort_order", "pk")
    )
    in_language(ballot, options)
    total = sum(option.votes_count for option in options)
    rank, previous = 0, None
    for place, option in enumerate(options, start=1):
        if option.votes_count != previous:
            rank, previous = place, option.votes_count
        option.rank = rank
        option.share = round(100 * option.votes_count / total) if total else 0
    return options, total
