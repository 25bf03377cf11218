"""Certification is a package of its own inside lms: the rest of lms and the other
apps reach it only through its services, its selectors and the wiring that starts it
(models registered, tasks found, demo data); lms imports none of the other apps;
no certification module is over 400 lines (demo content apart)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = "lms.certification"
ENTRY_POINTS = {f"{PACKAGE}.services", f"{PACKAGE}.selectors"}
# The few places that wire the package in, and what each may name.
WIRING = {
    "lms/models/__init__.py": {f"{PACKAGE}.models"},
    "lms/apps.py": {f"{PACKAGE}.startup"},
    "lms/tasks.py": {f"{PACKAGE}.tasks"},
    "home/management/commands/load_demo.py": {f"{PACKAGE}.demo"},
    # The demo world numbers its certificates as the demo bodies do.
    "home/demo_world/certificates.py": {f"{PACKAGE}.demo"},
    # The competition's entrants are the certification demo's extra workers.
    "home/events/competitions/demo.py": {f"{PACKAGE}.demo"},
}
APPS = ("lms", "courses", "mentorship", "home", "config")
MAX_LINES = 400


def _sources(root: Path, *folders: str):
    for folder in folders:
        for path in sorted((root / folder).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def imported(root: Path, path: Path):
    """(line, dotted name) for every import in ``path``, relative ones resolved;
    ``from package import name`` gives ``package.name``."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    package = parts[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:
                yield node.lineno, f"{module}.{alias.name}"


def _is_module(root: Path, dotted: str) -> bool:
    path = root.joinpath(*dotted.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def boundary_crossings(root: Path) -> list[str]:
    """Imports from outside the package of anything but its entry points: the
    entry point itself, or a name it exports (not a module below it)."""
    wrong = []
    for path in _sources(root, *APPS):
        rel = path.relative_to(root).as_posix()
        if rel.startswith("lms/certification/"):
            continue
        allowed = ENTRY_POINTS | WIRING.get(rel, set())
        for line, name in imported(root, path):
            if name != PACKAGE and not name.startswith(PACKAGE + "."):
                continue
            parent = name.rsplit(".", 1)[0]
            if name in allowed or (parent in allowed and not _is_module(root, name)):
                continue
            wrong.append(f"{rel}:{line} imports {name}")
    return wrong


def test_outside_code_reaches_certification_only_through_its_entry_points():
    assert boundary_crossings(ROOT) == []


def test_an_import_below_an_entry_point_is_caught(tmp_path):
    services = tmp_path / "lms" / "certification" / "services"
    services.mkdir(parents=True)
    (services / "__init__.py").write_text("")
    (services / "certificates.py").write_text("")
    (tmp_path / "courses").mkdir()
    (tmp_path / "courses" / "probe.py").write_text(
        "from lms.certification.services import certificate_record\n"
        "from lms.certification.services.certificates import certificate_record\n"
        "from lms.certification.services import certificates\n"
        "from lms.certification import pdf\n"
    )
    assert boundary_crossings(tmp_path) == [
        "courses/probe.py:2 imports "
        "lms.certification.services.certificates.certificate_record",
        "courses/probe.py:3 imports lms.certification.services.certificates",
        "courses/probe.py:4 imports lms.certification.pdf",
    ]


def test_lms_imports_none_of_the_other_apps():
    wrong = [
        f"{path.relative_to(ROOT).as_posix()}:{line} imports {name}"
        for path in _sources(ROOT, "lms")
        for line, name in imported(ROOT, path)
        if name.split(".")[0] in ("courses", "mentorship", "home")
    ]
    assert wrong == []


def test_no_certification_module_is_over_400_lines():
    long = {
        path.relative_to(ROOT).as_posix(): lines
        for path in _sources(ROOT, "lms/certification")
        if path.name != "demo.py"
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
