"""The role matrix covers the platform: every URL of our apps, every API endpoint,
the admin views of our viewsets and every page type has a row, so a new page
without a row fails here. Deliberate exclusions are listed with their reason."""

from __future__ import annotations

from django.urls import get_resolver, resolve
from wagtail.models import get_page_models

from home.events.judging.admin import JudgingGroup
from lms.admin_organisations import OrganisationsGroup
from lms.wagtail_hooks import SkillsGroup

from .matrix import ROWS
from .matrix.world import ROLES
from .urlwalk import our_routes

# URL name: why it has no row. Not required
# (sampled by the admin rows, not listed one by one): Wagtail's own admin views and
# allauth's account pages, which are not ours. Coverage is by URL name: a view that
# answers GET and POST needs one row, and the matrix has a POST row only for the
# actions listed in it (the forms' POSTs are tested in each app's test_views).
EXCLUDED: dict[str, str] = {
    "localize_update_translations_moderated": (
        "wagtail-localize's own admin view (Wagtail admin, sampled by the admin rows) "
        "under our name, narrowed so only who may publish the page publishes; who "
        "may and who may not is tested in tests/home/test_editorial.py"
    ),
}

NAMES = {row.name for row in ROWS}


def _required() -> set[str]:
    names = {resolve(route.url).view_name for route in our_routes()}
    api = get_resolver().namespace_dict["api"][1]
    names |= {f"api:{name}" for name in api.reverse_dict if isinstance(name, str)}
    for group in (SkillsGroup, OrganisationsGroup, JudgingGroup):
        for viewset in group.items:
            model = viewset.model._meta.model_name
            names |= {f"{model}:{view}" for view in ("index", "add", "edit")}
    names |= {
        f"page:{model._meta.label_lower}"
        for model in get_page_models()
        if model._meta.app_label in ("home", "courses")
    }
    return names


def test_every_page_action_and_endpoint_has_a_row():
    missing = _required() - NAMES - set(EXCLUDED)
    assert not missing, f"no row in tests/security/matrix for: {sorted(missing)}"


def test_exclusions_are_still_needed():
    assert not set(EXCLUDED) & NAMES


def test_every_row_names_every_role_and_a_known_status():
    for row in ROWS:
        assert set(row.expected) == set(ROLES), row.id
        assert set(row.expected.values()) <= {200, 302, 400, 401, 403, 404, 405, 409}


def test_every_post_row_checks_what_it_changes():
    """A refused POST must leave a count or a field as it was; only a download may
    go without (it changes nothing)."""
    unchecked = {r.id for r in ROWS if r.method == "post" and r.state is None}
    assert unchecked == {"Core pages (lms):POST download my data"}


def test_row_ids_are_unique():
    ids = [row.id for row in ROWS]
    assert len(ids) == len(set(ids))
