"""Fuzzing (issue 14): every form and filter the role matrix reaches is sent
generated input (empty, huge, control characters, wrong types, other people's ids,
unknown fields) as every role. No answer is a server error, and a refused request
(4xx) changes nothing in the database. The budget is fixed: a few derandomised
Hypothesis examples per form, so the test costs the same on every run. It runs in
tests/security/test_role_matrix.py, which imports it: the matrix's world (the costly
part) is built once for both."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from .matrix import ROWS
from .matrix.world import ROLES

EXAMPLES_PER_FORM = 4
APPS = ("lms", "courses", "mentorship", "home")
# The query parameters of the API's certificate filter (lms/certification/views/api.py).
API_FILTERS = ("q", "level", "status", "expiring_within", "occupation", "page")

FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
NAME = re.compile(r"""\bname=["']([^"']+)["']""")
SKIP_FIELDS = {"csrfmiddlewaretoken", "next", "language"}
# Wagtail's own page editor, like its other admin forms (skipped on the GET side):
# its StreamField widgets expect the "<field>-count" inputs their own script sends,
# and a post without them raises inside Wagtail (KeyError, ValueError) for an editor
# who already holds the page permission, saving nothing. Our own admin viewsets
# (ballots, judging, commendations) are under other /admin/ paths and stay fuzzed.
WAGTAIL_PAGE_EDITOR = "/admin/pages/"


@dataclass(frozen=True)
class Target:
    label: str
    method: str
    url: str
    fields: tuple[str, ...]
    state: object = None  # the matrix row's state reader, for POST rows


def _forms_on(html: str):
    for attributes, body in FORM.findall(html):
        method = "post" if re.search(r"method=[\"']?post", attributes, re.I) else "get"
        action = re.search(r"action=[\"']([^\"']*)[\"']", attributes)
        fields = tuple(sorted(set(NAME.findall(body)) - SKIP_FIELDS))
        yield method, (action.group(1) if action else ""), fields


def _targets(w) -> list[Target]:
    """Each POST row (its fields and those of the page's forms) and each form found
    on the GET pages, fetched once as a role the matrix lets in."""
    found: dict[tuple[str, str], Target] = {}
    for row in ROWS:
        url = row.url(w)
        if row.method == "post":
            if url.startswith(WAGTAIL_PAGE_EDITOR):
                continue
            fields = tuple(sorted(row.data(w))) if row.data else ()
            key = ("post", url)
            found[key] = Target(row.id, "post", url, fields, row.state)
            continue
        if url.startswith("/api/") and "certificates" in url:
            found[("get", url)] = Target(row.id, "get", url, API_FILTERS)
        allowed = [r for r, status in row.expected.items() if status == 200]
        if not allowed or url.startswith("/admin/"):
            continue  # Wagtail's own admin forms: Wagtail's tests
        if row.setup:
            continue  # the page needs a state the world does not keep
        client = _client(w, allowed[0])
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get(
            "Content-Type", ""
        ):
            continue
        for method, action, fields in _forms_on(response.content.decode()):
            target_url = action if action.startswith("/") else url
            if not fields or target_url.startswith(("/admin/", "/accounts/", "/i18n/")):
                continue
            key = (method, target_url)
            if key in found:
                merged = tuple(sorted(set(found[key].fields) | set(fields)))
                found[key] = Target(found[key].label, method, target_url, merged)
            else:
                found[key] = Target(f"form on {row.id}", method, target_url, fields)
    return list(found.values())


def _client(w, role: str) -> Client:
    client = Client()
    if w.users[role] is not None:
        client.cookies[settings.SESSION_COOKIE_NAME] = w.sessions[role]
    return client


def _other_ids(w) -> list[str]:
    """Ids of records that belong to somebody else for most roles."""
    names = ("b", "a", "cert_b", "cert_a", "worker_b", "agreement", "request")
    names += ("session", "milestone", "occupation", "batch", "submission", "erasable")
    return [str(w.objects[n].pk) for n in names if n in w.objects]


BAD_TEXT = [
    "",
    " ",
    "x" * 10_000,
    "line\r\nBcc: victim@example.com",
    "\x00\x07\x1b\u202e\u2066名字\u2069",
    "<script>alert(1)</script>",
    "-1",
    "0",
    "1e999999999",
    "9" * 40,
    "NaN",
    "2026-02-30",
    "25:99",
    "true",
    "[]",
    "{}",
    "../../etc/passwd",
    "' OR 1=1 --",
]


def _value(ids):
    single = st.one_of(
        st.sampled_from(BAD_TEXT),
        st.sampled_from(ids),
        st.text(max_size=40),
    )
    return st.one_of(single, st.lists(single, min_size=2, max_size=3))


def _payload(fields, ids):
    names = list(fields) + ["unexpected_field", "id", "pk", "user", "status"]
    return st.dictionaries(st.sampled_from(names), _value(ids), max_size=len(names))


def _fingerprint() -> tuple:
    """Row counts of every table of the platform's apps: a refused request leaves
    them exactly as they were (the matrix rows' own state readers add the rest)."""
    counts = []
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            counts.append((model._meta.label, model._base_manager.count()))
    return tuple(counts)


@pytest.mark.django_db
def test_no_generated_input_answers_a_server_error_or_changes_a_refusal(world):
    w = world
    targets = _targets(w)
    ids = _other_ids(w)
    assert len(targets) > 20, "the forms were not found"
    failures = []

    for target in targets:
        _fuzz(w, target, ids, failures)()
    assert not failures, failures[:5]


def _fuzz(w, target: Target, ids: list[str], failures: list):
    """The Hypothesis test of one form: a role and a payload per example."""

    @hypothesis_settings(
        max_examples=EXAMPLES_PER_FORM,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(role=st.sampled_from(ROLES), data=_payload(target.fields, ids))
    def send(role, data):
        user = w.users[role]
        with transaction.atomic():
            before = _fingerprint()
            state = target.state(w, user) if target.state else None
            response = getattr(_client(w, role), target.method)(target.url, data)
            status = response.status_code
            if status >= 500:
                failures.append((target.label, role, data, status))
            elif status >= 400:
                assert _fingerprint() == before, (target.label, role, data)
                if target.state:
                    assert target.state(w, user) == state, (target.label, role)
            transaction.set_rollback(True)

    return send
