"""Reads of commendations that pages share, each a fixed number of queries whatever
the number of nominations; the honours a profile shows are kept in the content
cache (``lms.routing``), renewed whenever a commendation is saved."""

from __future__ import annotations

from collections import Counter

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import translation

from home.events.commendations.models import (
    Commendation,
    CommendationEvent,
    Nomination,
    NominationReview,
)
from home.events.commendations.permissions import nominating_union_ids
from lms.models import User
from lms.permissions import records_for
from lms.routing import content_cached
from lms.translations import pages_in_language

Status = Commendation.Status


def commendation_list() -> list[Commendation]:
    return list(Commendation.objects.order_by("-year", "title"))


def published_selection(*, commendation: Commendation) -> list[Nomination]:
    """The selected craftsmen, by name, each with ``shown_profile``: their
    role-model profile in the reader's language where translated."""
    selected = list(
        commendation.nominations.filter(selected=True)
        .select_related("craftsman", "union", "profile")
        .order_by("craftsman__display_name", "pk")
    )
    shown = pages_in_language(
        [n.profile for n in selected if n.profile is not None and n.profile.live],
        language=translation.get_language(),
    )
    for nomination in selected:
        profile = nomination.profile
        nomination.shown_profile = shown.get(profile.pk) if profile else None
    return selected


def event_in_language(*, commendation: Commendation):
    """The commendation's event page in the reader's language (or as it is)."""
    event = commendation.event
    if event is None or not event.live:
        return None
    return pages_in_language([event], language=translation.get_language())[event.pk]


def honours_for_profile(*, profile) -> list[dict]:
    """The published commendations that selected this profile's craftsman (by the
    profile in any language, or by its platform account), in the reader's language:
    ``{"title", "year", "url"}``. Kept until any commendation or page changes."""
    language = translation.get_language() or ""
    key = f"commendation-honours:{profile.translation_key}:{profile.user_id}:{language}"

    def read() -> list[dict]:
        match = Q(profile__translation_key=profile.translation_key)
        if profile.user_id:
            match |= Q(craftsman_id=profile.user_id)
        found = (
            Nomination.objects.filter(
                match, selected=True, commendation__status=Status.PUBLISHED
            )
            .select_related("commendation")
            .order_by("-commendation__year", "commendation__title")
        )
        honours, seen = [], set()
        for nomination in found:
            commendation = nomination.commendation
            if commendation.pk in seen:
                continue
            seen.add(commendation.pk)
            honours.append(
                {
                    "title": commendation.local_title,
                    "year": commendation.year,
                    "url": reverse("commendations:detail", args=[commendation.pk]),
                }
            )
        return honours

    return content_cached(key, read)


def nominations_for(*, user, commendation: Commendation) -> list[Nomination]:
    """The nominations the user may see, with their reviews (``tally``: the count of
    each recommendation, ``mine``: the user's own review)."""
    found = list(
        records_for(user, "view", Nomination)
        .filter(commendation=commendation)
        .select_related("craftsman", "union", "nominated_by", "selected_by")
        .prefetch_related(
            Prefetch(
                "reviews", queryset=NominationReview.objects.select_related("reviewer")
            )
        )
    )
    for nomination in found:
        reviews = list(nomination.reviews.all())
        nomination.tally = Counter(r.recommendation for r in reviews)
        nomination.mine = next((r for r in reviews if r.reviewer_id == user.pk), None)
    return found


def nomination_history(*, nomination: Nomination) -> list[CommendationEvent]:
    return list(nomination.events.select_related("actor"))


def commendation_history(*, commendation: Commendation) -> list[CommendationEvent]:
    return list(
        commendation.events.select_related("actor", "nomination__craftsman").order_by(
            "-at", "-pk"
        )[:50]
    )


def nominable_people(*, user):
    """Who the user may nominate: members of the enterprises of the unions they
    coordinate (staff: of any union's enterprise)."""
    unions = nominating_union_ids(user)
    people = User.objects.filter(memberships__enterprise__union__isnull=False)
    if unions is not None:
        people = people.filter(memberships__enterprise__union_id__in=unions)
    return people.distinct().order_by("display_name", "pk")
