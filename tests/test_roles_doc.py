"""docs/roles.md is the role × action matrix, rendered from the very table the
role matrix test runs (tests/security/matrix). This test fails when the document and
the table drift apart; ``python -m tests.test_roles_doc`` writes the document again."""

from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "roles.md"
HEADER = """# Roles and what each may do

Generated from the role matrix, `tests/security/matrix/` (`python -m
tests.test_roles_doc`); the test `tests/test_roles_doc.py` fails when this file and the
matrix disagree. Every cell is the HTTP answer the role gets; `tests/security/
test_role_matrix.py` asserts exactly these, one case per cell, against one world: two
enterprises A and B, a course, an agreement, a service request, certificates, pages.

- 200: shown · 302 on a page for `anonymous`: sent to sign in · 302 on an action: done,
  then sent on (the test checks the change was made) · 302 in the admin for a role
  without that permission: refused (sent back to the admin's start or sign-in page)
- 400: the form refuses the input · 403: refused with a message · 404: the record is
  not theirs to see (another person's id in the URL) · 401: the API wants a token ·
  405: method not offered · for every refused action the test checks that nothing
  changed
- `learner` is a worker of enterprise A, enrolled in the course, holding A's
  certificate; `apprentice` a worker of A in the agreement; `mentor` the agreement's
  mentor, who also teaches the course and takes requests of its trade;
  `other_mentor` a mentor with no tie to any of these records; `hr_a` HR of A, `hr_b`
  HR of B (whose worker holds B's certificate); `coordinator` witnesses the
  agreement; `organiser` is an event organiser and `steward` a steward at the door
  (the learner holds a seat of the event's session); `judge` sits on a judging panel
  and `chair` chairs it; `staff` is a superuser.

The decisions live in `lms/permissions.py` (role helpers, the policy base and
registry) and in each app's policies (`lms/policies.py`,
`lms/certification/permissions.py`, `courses/permissions.py`,
`mentorship/permissions.py`, `home/events/permissions.py`,
`home/events/judging/permissions.py`, `home/events/commendations/permissions.py`).
For commendations, the `coordinator` nominates A's workers (A is in their union) and
the `mentor` sits on the committee.
"""


def _tables():
    from tests.security.matrix import ROWS

    areas: dict[str, list] = {}
    for row in ROWS:
        areas.setdefault(row.area, []).append(row)
    for area, rows in areas.items():
        yield (
            area,
            [(f"{row.method.upper()} {row.label}", row.expected) for row in rows],
        )


def render() -> str:
    from tests.security.matrix.world import ROLES

    parts = [HEADER]
    for title, rows in _tables():
        parts.append(f"\n## {title}\n")
        parts.append("| action | " + " | ".join(ROLES) + " |")
        parts.append("| --- |" + " --- |" * len(ROLES))
        for action, row in rows:
            cells = [str(row[role]) for role in ROLES]
            parts.append(f"| {action} | " + " | ".join(cells) + " |")
    return "\n".join(parts) + "\n"


def test_roles_doc_matches_the_permission_tests():
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/roles.md is out of date: run `python -m tests.test_roles_doc`"
    )


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    django.setup()
    DOC.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC}")
