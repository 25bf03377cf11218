"""The enterprise's entry form: one of its workers not yet entered."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lms.models import Membership, User


class WorkerChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name()


class EntryForm(forms.Form):
    worker = WorkerChoice(
        label=_("Worker"),
        queryset=User.objects.none(),
        error_messages={
            "invalid_choice": _(
                "Choose one of your enterprise's workers who is not entered yet."
            )
        },
    )

    def __init__(self, *args, enterprise_ids, competition, **kwargs):
        super().__init__(*args, **kwargs)
        workers = Membership.objects.filter(
            enterprise_id__in=enterprise_ids, role=Membership.Role.WORKER
        ).values("user_id")
        self.fields["worker"].queryset = (
            User.objects.filter(pk__in=workers, is_active=True)
            .exclude(competition_entries__competition=competition)
            .order_by("display_name", "pk")
        )
