"""Content-Security-Policy: the site's pages are sent a strict policy (nothing inline
allowed) and contain nothing inline that it would block; the Wagtail admin gets a
looser policy, report-only (lms/csp.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from .matrix import ROWS
from .matrix.world import (  # noqa: F401 (a fixture)
    _media_cache_language,
    world_for_module,
)

ENFORCED = "Content-Security-Policy"
REPORT_ONLY = "Content-Security-Policy-Report-Only"
# A script element runs unless it loads a file, carries a nonce or is a data block
# (JSON, which no browser executes and CSP does not govern).
INLINE_SCRIPT = re.compile(
    r"<script\b(?![^>]*\b(?:src|nonce)=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>",
    re.I,
)
STYLE = re.compile(r"<style\b|\sstyle\s*=", re.I)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
# The site's templates; the Wagtail admin's (report-only policy) are elsewhere.
TEMPLATE_DIRS = [
    "templates",
    "lms/templates",
    "courses/templates",
    "mentorship/templates",
    "home/templates",
]
ADMIN_TEMPLATES = ("courses/templates/courses/admin/", "templates/wagtailadmin/")


def inline_content(html: str) -> list[str]:
    return [
        m.group(0)
        for pattern in (INLINE_SCRIPT, STYLE, EVENT_HANDLER)
        for m in pattern.finditer(html)
    ]


def test_the_patterns_find_what_the_policy_blocks():
    assert inline_content('<script>alert(1)</script><p style="x">')
    assert inline_content('<button onclick="go()">')
    assert not inline_content('<script src="/static/js/site.js" defer></script>')
    assert not inline_content('<script id="x" type="application/json">{}</script>')


@pytest.mark.django_db
def test_site_pages_send_the_strict_policy(client):
    for url in ("/", reverse("account_login"), reverse("certification:verify_form")):
        policy = client.get(url)[ENFORCED]
        assert "script-src 'self'" in policy and "style-src 'self'" in policy
        assert "unsafe-inline" not in policy and "object-src 'none'" in policy


@pytest.mark.django_db
def test_the_admin_gets_a_report_only_policy(client):
    from tests.lms.factories import UserFactory
    from tests.lms.helpers import give_totp

    client.force_login(give_totp(UserFactory(is_staff=True, is_superuser=True)))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert ENFORCED not in response
    assert "script-src 'self' 'unsafe-inline'" in response[REPORT_ONLY]


def test_the_site_templates_have_no_inline_script_or_style():
    found = []
    for folder in TEMPLATE_DIRS:
        for path in Path(settings.BASE_DIR, folder).rglob("*.html"):
            relative = path.relative_to(settings.BASE_DIR).as_posix()
            if relative.startswith(ADMIN_TEMPLATES):
                continue
            found += [(relative, hit) for hit in inline_content(path.read_text())]
    assert not found


# --- every page of the role matrix, rendered ------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("csp-media")
    with world_for_module(django_db_blocker, MEDIA_ROOT=str(media)) as world:
        yield world


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role", ["anonymous", "learner", "apprentice", "mentor", "hr_a", "officer"]
)
def test_every_site_page_a_role_opens_has_the_policy_and_nothing_inline(
    client, world, role
):
    user = world.users[role]
    if user is not None:
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
    seen, problems = 0, []
    for row in ROWS:
        if row.method != "get" or row.expected[role] != 200:
            continue
        url = row.url(world)
        if url.startswith("/admin/"):
            continue
        response = client.get(url)
        if "text/html" not in response.get("Content-Type", ""):
            continue
        seen += 1
        if ENFORCED not in response:
            problems.append((url, "no policy"))
        problems += [(url, hit) for hit in inline_content(response.text)]
    assert seen > 5
    assert not problems
