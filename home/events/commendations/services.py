"""Nominating, reviewing, selecting and publishing. Each step asks the policies
(``permissions.py``), checks the commendation's status under a row lock, writes
what it did to the audit trail (``CommendationEvent``) and refuses with a readable
message, changing nothing. After publication nothing changes any more."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home.events.commendations.models import (
    LINKS_MAX,
    STATEMENT_MAX,
    Commendation,
    CommendationEvent,
    Nomination,
    NominationReview,
    Recommendation,
)
from home.events.commendations.permissions import nominating_union_ids
from home.models import CraftsmanProfilePage
from lms.errors import DomainError, PermissionDenied
from lms.models import Membership, TradeUnion
from lms.permissions import user_can

Status = Commendation.Status
Action = CommendationEvent.Action


def _locked(commendation: Commendation) -> Commendation:
    return Commendation.objects.select_for_update().get(pk=commendation.pk)


def _log(commendation, action, actor, nomination=None) -> None:
    CommendationEvent.objects.create(
        commendation=commendation, nomination=nomination, action=action, actor=actor
    )


def _refuse_published(commendation: Commendation) -> None:
    if commendation.is_published:
        raise DomainError(
            _("The list is published: nothing can be changed any more."),
            code="published",
        )


def clean_statement(text: str, *, label: str | None = None) -> str:
    text = (text or "").strip()
    if not text:
        raise DomainError(
            _("Write a statement: why this craftsman deserves the honour."),
            code="statement_empty",
        )
    if len(text) > STATEMENT_MAX:
        raise DomainError(
            _("The statement is %(length)d characters long: at most %(max)d.")
            % {"length": len(text), "max": STATEMENT_MAX},
            code="statement_too_long",
        )
    return text


def clean_links(text: str) -> str:
    links = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if len(links) > LINKS_MAX:
        raise DomainError(
            ngettext("At most %(max)d link.", "At most %(max)d links.", LINKS_MAX)
            % {"max": LINKS_MAX},
            code="links_too_many",
        )
    check = URLValidator(schemes=["http", "https"])
    for link in links:
        try:
            check(link)
        except ValidationError:
            raise DomainError(
                _("“%(link)s” is not a web address (http:// or https://).")
                % {"link": link[:80]},
                code="link_invalid",
            ) from None
    return "\n".join(links)


def is_member_of_union(*, craftsman, union: TradeUnion) -> bool:
    return Membership.objects.filter(user=craftsman, enterprise__union=union).exists()


def profile_of(craftsman) -> CraftsmanProfilePage | None:
    """The craftsman's role-model profile (its first language's page), if any."""
    return (
        CraftsmanProfilePage.objects.filter(user=craftsman)
        .order_by("path")
        .only("id")
        .first()
    )


def nomination_create(
    *,
    user,
    commendation: Commendation,
    craftsman,
    union: TradeUnion,
    statement: str,
    links: str = "",
) -> Nomination:
    """A union's nomination of one of its enterprises' members, during the window;
    one per craftsman per commendation."""
    if not user_can(user, "nominate", commendation):
        raise PermissionDenied(_("Only union coordinators nominate craftsmen."))
    unions = nominating_union_ids(user)
    if unions is not None and union.pk not in unions:
        raise PermissionDenied(
            _("You nominate for the unions you coordinate only."),
            code="not_your_union",
        )
    statement = clean_statement(statement)
    links = clean_links(links)
    if not is_member_of_union(craftsman=craftsman, union=union):
        raise DomainError(
            _("%(name)s works at none of %(union)s's enterprises.")
            % {"name": craftsman, "union": union.local_name},
            code="not_a_member",
        )
    with transaction.atomic():
        commendation = _locked(commendation)
        _refuse_published(commendation)
        if commendation.status != Status.NOMINATING or not (
            commendation.window_is_open()
        ):
            raise DomainError(
                _("Nominations are closed for this commendation."),
                code="window_closed",
            )
        if commendation.nominations.filter(craftsman=craftsman).exists():
            raise DomainError(
                _("%(name)s is nominated already.") % {"name": craftsman},
                code="duplicate",
            )
        try:
            with transaction.atomic():
                nomination = Nomination.objects.create(
                    commendation=commendation,
                    craftsman=craftsman,
                    profile=profile_of(craftsman),
                    union=union,
                    statement=statement,
                    links=links,
                    nominated_by=user,
                )
        except IntegrityError:
            raise DomainError(
                _("%(name)s is nominated already.") % {"name": craftsman},
                code="duplicate",
            ) from None
        _log(commendation, Action.NOMINATED, user, nomination)
    return nomination


def commendation_close_nominations(*, user, commendation: Commendation) -> Commendation:
    """Nominations end and the committee's review begins."""
    if not user_can(user, "manage", commendation):
        raise PermissionDenied(_("Only organisers close nominations."))
    with transaction.atomic():
        commendation = _locked(commendation)
        _refuse_published(commendation)
        if commendation.status != Status.NOMINATING:
            return commendation
        commendation.status = Status.REVIEWING
        commendation.save(update_fields=["status"])
        _log(commendation, Action.CLOSED, user)
    return commendation


def _refuse_unless_reviewing(commendation: Commendation) -> None:
    _refuse_published(commendation)
    if commendation.status == Status.NOMINATING:
        raise DomainError(
            _("Nominations are still open: the review starts when they close."),
            code="not_reviewing",
        )


def nomination_review(
    *, user, nomination: Nomination, recommendation: str, notes: str = ""
) -> NominationReview:
    """A committee member's recommendation (and notes); given again, it replaces
    their earlier one until the list is published."""
    if not user_can(user, "review", nomination):
        raise PermissionDenied(_("Only the committee reviews nominations."))
    if recommendation not in Recommendation.values:
        raise DomainError(_("Choose a recommendation."), code="recommendation")
    notes = (notes or "").strip()
    if len(notes) > STATEMENT_MAX:
        raise DomainError(
            _("The notes are %(length)d characters long: at most %(max)d.")
            % {"length": len(notes), "max": STATEMENT_MAX},
            code="notes_too_long",
        )
    with transaction.atomic():
        commendation = _locked(nomination.commendation)
        _refuse_unless_reviewing(commendation)
        review, _created = NominationReview.objects.update_or_create(
            nomination=nomination,
            reviewer=user,
            defaults={
                "recommendation": recommendation,
                "notes": notes,
                "reviewed_at": timezone.now(),
            },
        )
        _log(commendation, Action.REVIEWED, user, nomination)
    return review


def commendation_select(
    *, user, commendation: Commendation, nominations
) -> list[Nomination]:
    """The selection, as a whole: these nominations in, every other out; more than
    the number of places is refused."""
    if not user_can(user, "select", commendation):
        raise PermissionDenied(_("Only the committee or an organiser selects."))
    wanted = {n.pk for n in nominations}
    with transaction.atomic():
        commendation = _locked(commendation)
        _refuse_unless_reviewing(commendation)
        every = list(commendation.nominations.select_for_update())
        if not wanted <= {n.pk for n in every}:
            raise DomainError(
                _("A nomination of another commendation was chosen."), code="other"
            )
        if len(wanted) > commendation.places:
            raise DomainError(
                ngettext(
                    "%(count)d chosen, but there is %(places)d place.",
                    "%(count)d chosen, but there are %(places)d places.",
                    commendation.places,
                )
                % {"count": len(wanted), "places": commendation.places},
                code="over_places",
            )
        now = timezone.now()
        for nomination in every:
            chosen = nomination.pk in wanted
            if chosen == nomination.selected:
                continue
            nomination.selected = chosen
            nomination.selected_at = now if chosen else None
            nomination.selected_by = user if chosen else None
            nomination.save(update_fields=["selected", "selected_at", "selected_by"])
            action = Action.SELECTED if chosen else Action.UNSELECTED
            _log(commendation, action, user, nomination)
        commendation.status = Status.SELECTED if wanted else Status.REVIEWING
        commendation.save(update_fields=["status"])
    return [n for n in every if n.selected]


def commendation_publish(*, user, commendation: Commendation) -> Commendation:
    """Publishes the selection; each selected craftsman's profile shows the honour
    at once (saving the commendation renews the content caches: ``signals.py``)."""
    if not user_can(user, "manage", commendation):
        raise PermissionDenied(_("Only organisers publish the list."))
    with transaction.atomic():
        commendation = _locked(commendation)
        if commendation.is_published:
            return commendation
        if commendation.status != Status.SELECTED:
            raise DomainError(
                _("Select the craftsmen before publishing the list."),
                code="nothing_selected",
            )
        for nomination in commendation.nominations.filter(
            selected=True, profile__isnull=True
        ).select_related("craftsman"):
            nomination.profile = profile_of(nomination.craftsman)
            if nomination.profile is not None:
                nomination.save(update_fields=["profile"])
        commendation.status = Status.PUBLISHED
        commendation.published_at = timezone.now()
        commendation.published_by = user
        commendation.save(update_fields=["status", "published_at", "published_by"])
        _log(commendation, Action.PUBLISHED, user)
    return commendation
