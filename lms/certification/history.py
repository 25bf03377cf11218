"""A certificate's history as sentences in the reader's language.

Events store what happened: an action code, the changed fields with their old
and new values (``changes``), the actor and the reason. This module says it
("Level changed from 4 to 3 by 王芳; reason: …") when the page is shown, never
field names or raw values."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import FieldDoesNotExist
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _


def _field(name: str):
    from lms.models import SkillCertificate

    try:
        return SkillCertificate._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _value(name: str, value) -> str:
    """A stored value as a reader expects it: labels of choices, dates in the
    locale's style, names of related records, yes/no."""
    if value is None or value == "":
        return _("(none)")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    field = _field(name)
    if field is None:
        return str(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        model = field.related_model
        found = model._default_manager.filter(pk=value).first()
        return str(found) if found is not None else _("(removed)")
    if field.get_internal_type() == "DateField":
        try:
            return formats.date_format(
                datetime.date.fromisoformat(str(value)), "DATE_FORMAT"
            )
        except ValueError:
            return str(value)
    if field.get_internal_type() == "DecimalField":
        try:
            return formats.number_format(Decimal(str(value)), use_l10n=True)
        except (InvalidOperation, ValueError):
            return str(value)
    return str(value)


def _label(name: str) -> str:
    field = _field(name)
    return capfirst(field.verbose_name) if field is not None else name


def _what(event) -> str:
    """The change itself, without who and why."""
    from lms.models import CertificateEvent, SkillCertificate

    Action = CertificateEvent.Action
    changes = event.changes or {}
    if event.action == Action.ISSUE:
        if changes.get("course"):
            return _("Issued on completing the course %(course)s") % {
                "course": changes["course"]
            }
        if changes.get("import_batch"):
            return _("Issued by an import of appraisal results")
        if changes.get("number"):
            return _("Recorded with number %(number)s, issued by %(issuer)s") % {
                "number": changes["number"],
                "issuer": changes.get("issuer") or _("(none)"),
            }
        return _("Issued")
    if event.action == Action.RENEW:
        replaced_by = SkillCertificate.objects.filter(
            pk=changes.get("replaced_by")
        ).first()
        return _("Renewed: replaced by certificate %(number)s") % {
            "number": replaced_by.number if replaced_by else changes.get("number", "")
        }
    if event.action == Action.SUSPEND:
        return _("Suspended")
    if event.action == Action.REINSTATE:
        return _("Reinstated")
    if event.action == Action.REVOKE:
        return _("Revoked")
    parts = []
    for name, pair in changes.items():
        old, new = (
            pair
            if isinstance(pair, (list, tuple)) and len(pair) == 2
            else (
                None,
                pair,
            )
        )
        parts.append(
            _("%(field)s changed from %(old)s to %(new)s")
            % {
                "field": _label(name),
                "old": _value(name, old),
                "new": _value(name, new),
            }
        )
    return _("; ").join(parts) if parts else event.get_action_display()


def describe(event) -> str:
    """One sentence: what changed, by whom, and why."""
    sentence = _what(event)
    if event.actor_id:
        sentence = _("%(what)s by %(actor)s") % {
            "what": sentence,
            "actor": event.actor,
        }
    if event.reason:
        sentence = _("%(what)s; reason: %(reason)s") % {
            "what": sentence,
            "reason": event.reason,
        }
    return _("%(sentence)s.") % {"sentence": sentence}
