"""The role matrix: each (row, role) is one case. The world is built once per
module (and per xdist worker); each case runs in a savepoint rolled back after it.

Set ``MATRIX_RECORD=/some/file.jsonl`` to write the answers seen instead of
asserting them (for writing new rows; never commit a table you have not read)."""

from __future__ import annotations

import json
import os

import pytest
from django.conf import settings
from django.utils import translation

# The fuzz test of every form the matrix reaches runs here, on the same world.
from .fuzz_forms import (  # noqa: F401
    test_no_generated_input_answers_a_server_error_or_changes_a_refusal,
)
from .matrix import ROWS
from .matrix.world import (  # noqa: F401 (a fixture)
    ROLES,
    _media_cache_language,
    world_for_module,
)

RECORD = os.environ.get("MATRIX_RECORD")

CASES = [(row, role) for row in ROWS for role in ROLES]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("matrix-media")
    private = tmp_path_factory.mktemp("matrix-private")
    with world_for_module(
        django_db_blocker, MEDIA_ROOT=str(media), PRIVATE_MEDIA_ROOT=str(private)
    ) as world:
        yield world


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("row", "role"), CASES, ids=[f"{row.id}-{role}" for row, role in CASES]
)
def test_role_gets_the_expected_answer(client, world, row, role):
    if row.setup:
        row.setup(world)
    user = world.users[role]
    if user is not None:  # signed in once, when the world was built
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
    url = row.url(world)
    before = row.state(world, user) if row.state else None
    data = row.data(world) if row.data else {}
    response = getattr(client, row.method)(url, data, headers=row.headers)
    status = response.status_code
    changed = row.state is not None and row.state(world, user) != before
    if RECORD:
        with open(RECORD, "a", encoding="utf-8") as out:
            line = {"row": row.id, "role": role, "status": status, "changed": changed}
            out.write(json.dumps(line) + "\n")
        return
    assert status == row.expected[role], (row.id, role, url)
    signed_in_redirected = row.expected["learner"] == 302
    if status == 302 and role == "anonymous" and not signed_in_redirected:
        assert "login" in response["Location"], response["Location"]
    if row.state is not None:
        acting = role in row.acting_roles()
        assert changed is acting, (row.id, role, "changed" if changed else "unchanged")


@pytest.mark.django_db
def test_each_row_is_filed_under_the_url_it_requests(world):
    """The name a row is checked under for completeness is the name its URL
    resolves to (page rows: the page's type)."""
    from django.urls import resolve
    from wagtail.models import Page

    for row in ROWS:
        path = row.url(world).split("?")[0]
        if row.name.startswith("page:"):
            page = Page.find_for_request(_request(path), path)
            if page is not None:  # a draft or a sub-route is not found by path
                assert row.name == f"page:{page.specific_class._meta.label_lower}"
            continue
        language = "zh-hans" if path.startswith("/zh-hans/") else "en"
        with translation.override(language):
            assert resolve(path).view_name == row.name, row.id


def _request(path):
    from django.test import RequestFactory

    return RequestFactory().get(path)
