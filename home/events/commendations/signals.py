"""A saved commendation (its publication, a corrected title) changes what profile
pages show: the content caches and the anonymous page cache start afresh, as for a
page publication (``lms.routing``, ``lms.page_cache``)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from lms import page_cache, routing


def _changed(sender, **kwargs) -> None:
    routing.invalidate()
    page_cache.invalidate()


def connect() -> None:
    """Called from HomeConfig.ready()."""
    from home.events.commendations.models import Commendation

    for signal in (post_save, post_delete):
        signal.connect(
            _changed, sender=Commendation, dispatch_uid=f"commendation-{signal}"
        )
