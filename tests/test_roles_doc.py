"""docs/roles.md is the role × action matrix, rendered from the very tables the
permission tests run. This test fails when the document and the tests drift apart;
``python -m tests.test_roles_doc`` writes the document again."""

from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "roles.md"
COLUMNS = [
    "anonymous",
    "learner",
    "apprentice",
    "mentor",
    "instructor",
    "other_mentor",
    "hr_a",
    "hr_b",
    "editor",
    "moderator",
    "coordinator",
    "officer",
    "staff",
]
ALIASES = {"anon": "anonymous"}
HEADER = """# Roles and what each may do

Generated from the permission tests (`python -m tests.test_roles_doc`); the test
`tests/test_roles_doc.py` fails when this file and the tests disagree. Every cell is the
HTTP answer the role gets; the tests assert exactly these.

- 200: shown · 302 on a page for `anonymous`: sent to sign in · 302 on an action: done,
  then sent on · 302 to the admin for a role without admin access: refused
- 403: refused with a message · 404: the record is not theirs to see (another person's
  id in the URL) · 401: the API wants a token · 405: not offered to that role
- `hr_a` is HR of the enterprise the record belongs to, `hr_b` HR of another one;
  `apprentice` is the apprentice of the agreement, `instructor` teaches the course,
  `other_mentor` is a mentor outside the agreement. A blank cell: not part of that
  table.

The decisions live in one module, `lms/permissions.py`.
"""


def _tables():
    from tests.courses import test_permissions as courses
    from tests.home import test_permissions as home
    from tests.lms import test_certificates_permissions as certificates
    from tests.lms import test_permission_matrix as core
    from tests.mentorship import test_permissions as mentorship

    yield "Core pages (lms)", [(url, row) for url, row in core.EXPECTED.items()]
    yield (
        "Certificates, board, imports, verification, API (lms)",
        [
            (f"{method} {page}", row)
            for (method, page), row in certificates.EXPECTED.items()  # noqa: E501
        ],
    )
    yield (
        "Courses",
        [
            (f"GET {page}", dict(zip(courses.ROLES, row, strict=True)))
            for page, row in courses.MATRIX.items()
        ],
    )
    yield (
        "Mentorship",
        [
            (f"{method.upper()} {name}", expected)
            for name, _obj, method, _data, _setup, expected in mentorship.ROWS
        ],
    )
    yield (
        "Content (home): the admin's page editor",
        [
            (
                "GET add a profile page",
                {role: add for role, add, _a, _p in home.MATRIX},
            ),
            (
                "approve a submitted page",
                {role: "yes" if ok else "no" for role, _s, ok, _p in home.MATRIX},
            ),
            (
                "publish without approval",
                {role: "yes" if ok else "no" for role, _s, _a, ok in home.MATRIX},
            ),
        ],
    )


def render() -> str:
    parts = [HEADER]
    for title, rows in _tables():
        roles = sorted(
            {ALIASES.get(r, r) for _action, row in rows for r in row},
            key=COLUMNS.index,
        )
        parts.append(f"\n## {title}\n")
        parts.append("| action | " + " | ".join(roles) + " |")
        parts.append("| --- |" + " --- |" * len(roles))
        for action, row in rows:
            row = {ALIASES.get(k, k): v for k, v in row.items()}
            cells = [str(row.get(role, "")) for role in roles]
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
