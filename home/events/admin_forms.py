"""The editor's form of an event page: a session that visitors hold seats for is not
deleted, nor its seats cut below those reserved, by an edit (cancel the reservations
first); publishing would otherwise fail on the protected rows or overbook."""

from __future__ import annotations

from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminPageForm


class EventPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("sessions")
        if formset is None or not formset.is_bound:
            return cleaned
        formset.is_valid()  # fills each session form's cleaned_data
        from home.events.selectors import active_counts

        keys = [f.instance.translation_key for f in formset.forms if f.instance.pk]
        counts = active_counts(translation_keys=keys)
        for form in formset.forms:
            if not form.instance.pk:
                continue
            held = counts.get(form.instance.translation_key, {})
            active = held.get("reserved", 0) + held.get("waiting", 0)
            if formset._should_delete_form(form) and active:
                # On the page form: a deleted row's own errors are not shown.
                self.add_error(
                    None,
                    ngettext(
                        "%(n)d person holds a reservation for “%(session)s”: "
                        "cancel it before removing the session.",
                        "%(n)d people hold reservations for “%(session)s”: "
                        "cancel them before removing the session.",
                        active,
                    )
                    % {"n": active, "session": form.instance.title},
                )
            capacity = (form.cleaned_data or {}).get("capacity")
            reserved = held.get("reserved", 0)
            if capacity is not None and capacity < reserved:
                form.add_error(
                    "capacity",
                    ngettext(
                        "%(n)d seat is reserved: the session needs at least one.",
                        "%(n)d seats are reserved: the session needs at least as many.",
                        reserved,
                    )
                    % {"n": reserved},
                )
        return cleaned
