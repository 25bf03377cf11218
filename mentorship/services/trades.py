"""The trades a mentor practises: the occupations whose service requests they are
told about and may offer to take."""

from __future__ import annotations

from django.utils.translation import gettext as _

from lms import permissions
from lms.errors import DomainError
from lms.models import Occupation, User
from mentorship.models import MentorTrade


def mentor_trade_add(*, user: User, occupation: Occupation) -> MentorTrade:
    """Records that a mentor teaches an occupation (idempotent)."""
    if not permissions.is_mentor(user):
        raise DomainError(
            _("%(person)s is not a mentor on this platform.") % {"person": user},
            code="not_a_mentor",
        )
    trade, _created = MentorTrade.objects.get_or_create(
        user=user, occupation=occupation
    )
    return trade


def mentor_trade_remove(*, user: User, occupation: Occupation) -> None:
    """The mentor no longer takes requests of this occupation (idempotent)."""
    MentorTrade.objects.filter(user=user, occupation=occupation).delete()
