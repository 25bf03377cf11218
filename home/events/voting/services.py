"""Casting a vote. One vote per person per ballot: the service refuses a second one
with a message, and the database's unique constraint (ballot, voter) refuses it
too when two sends race each other. Only a verified person votes: a signed-in
account whose e-mail address or mobile number has been confirmed."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from home.events.voting.models import Ballot, Vote, VoteOption
from lms.errors import DomainError, PermissionDenied
from lms.permissions import user_can


def is_verified_person(user) -> bool:
    """A confirmed mobile number (sign-in by code) or a verified e-mail address
    (allauth's ``EmailAddress``)."""
    if getattr(user, "phone_verified", False):
        return True
    return EmailAddress.objects.filter(user=user, verified=True).exists()


def _when(value) -> str:
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def _already_voted() -> DomainError:
    return DomainError(
        _("You have voted in this ballot already: each person votes once."),
        code="voted",
    )


def vote_cast(*, user, ballot: Ballot, option_id: int | str | None) -> Vote:
    """Records ``user``'s vote for the option ``option_id`` of ``ballot``. Refused,
    and nothing stored: not signed in, not verified, before the opening or after
    the closing time, an option that is not this ballot's, a second vote."""
    if not user_can(user, "vote", ballot):
        raise PermissionDenied(_("Sign in to vote."))
    if not is_verified_person(user):
        raise DomainError(
            _(
                "Only people with a confirmed e-mail address or mobile number vote: "
                "confirm yours in your account, then vote."
            ),
            code="unverified",
        )
    now = timezone.now()
    if now < ballot.opens_at:
        raise DomainError(
            _("Voting has not opened: it opens at %(time)s.")
            % {"time": _when(ballot.opens_at)},
            code="not_open",
        )
    if ballot.has_closed(now):
        raise DomainError(
            _("Voting closed at %(time)s.") % {"time": _when(ballot.closes_at)},
            code="closed",
        )
    try:
        option = VoteOption.objects.filter(ballot=ballot, pk=int(option_id)).first()
    except (TypeError, ValueError):
        option = None
    if option is None:
        raise DomainError(
            _("Choose one of this ballot's options."), code="not_an_option"
        )
    if Vote.objects.filter(ballot=ballot, voter=user).exists():
        raise _already_voted()
    try:
        with transaction.atomic():
            return Vote.objects.create(
                ballot=ballot, option=option, voter=user, cast_at=now
            )
    except IntegrityError:  # the same person's other send got in first
        raise _already_voted() from None


def votes_anonymise(*, user) -> int:
    """A person's votes lose their name when their data is erased; they still
    count (the totals of a closed ballot do not change)."""
    return Vote.objects.filter(voter=user).update(voter=None)
