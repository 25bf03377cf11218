"""The eight skill levels as files and people write them: national grade digits
(1 … 5, as before the reform), names in English and Chinese (old and new labels),
the three new levels' codes; an import with a level nobody can read names the row
and imports nothing; exports write a code the import reads back."""

import pytest
from django.utils import translation

from lms.certification.level_names import level_from_code, parse_level
from lms.models import ImportBatch, SkillCertificate
from lms.models import SkillLevel as L
from tests.lms.certification.test_imports import HEADER, commit, upload

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("5", L.JUNIOR_WORKER),
        ("1", L.SENIOR_TECHNICIAN),
        ("4.0", L.INTERMEDIATE_WORKER),
        ("五级", L.JUNIOR_WORKER),
        ("四级/中级工", L.INTERMEDIATE_WORKER),
        ("四级 · 中级工", L.INTERMEDIATE_WORKER),
        ("高级工", L.SENIOR_WORKER),
        ("二级/技师", L.TECHNICIAN),
        ("一级/高级技师", L.SENIOR_TECHNICIAN),
        ("Level 3 · Senior worker", L.SENIOR_WORKER),
        ("level 2 / technician", L.TECHNICIAN),
        ("  Senior   Technician ", L.SENIOR_TECHNICIAN),
        ("学徒工", L.APPRENTICE),
        ("apprentice", L.APPRENTICE),
        ("特级技师", L.SPECIAL_GRADE_TECHNICIAN),
        ("Special-grade technician", L.SPECIAL_GRADE_TECHNICIAN),
        ("special", L.SPECIAL_GRADE_TECHNICIAN),
        ("首席技师", L.CHIEF_TECHNICIAN),
        ("Chief technician", L.CHIEF_TECHNICIAN),
    ],
)
def test_old_and_new_names_and_numbers_in_both_languages_are_read(text, level):
    assert parse_level(text) == level


@pytest.mark.parametrize(
    "text", ["", "0", "6", "8", "3.5", "level 9", "五级/高级工", "大师", "1e3", "nan"]
)
def test_what_names_no_level_or_two_levels_is_not_read(text):
    assert parse_level(text) is None


def test_the_labels_in_both_languages_and_the_codes_round_trip():
    with translation.override("zh-hans"):
        labels = [str(level.label) for level in L]
    assert labels == [
        "学徒工",
        "五级/初级工",
        "四级/中级工",
        "三级/高级工",
        "二级/技师",
        "一级/高级技师",
        "特级技师",
        "首席技师",
    ]
    for level in L:
        assert level_from_code(level.code) == level
        assert parse_level(level.code) == level
        assert parse_level(str(level.label)) == level
    assert sorted(L, key=int) == list(L)  # the rank orders them, low to high


def test_an_import_reads_levels_by_name_in_either_language(setting):
    text = (
        HEADER + "\n"
        "W-1,alice@example.com,,6-18-02-04,特级技师,2025-01-10,,\n"
        "W-2,bob@example.com,,6-18-02-04,apprentice,2025-01-10,,\n"
        "W-3,bob@example.com,,6-18-02-04,四级/中级工,2025-01-10,,\n"
    )
    commit(setting, upload(setting, text))
    assert dict(SkillCertificate.objects.values_list("number", "level")) == {
        "W-1": L.SPECIAL_GRADE_TECHNICIAN,
        "W-2": L.APPRENTICE,
        "W-3": L.INTERMEDIATE_WORKER,
    }


def test_an_unknown_level_names_its_row_and_nothing_is_imported(setting):
    text = (
        HEADER + "\n"
        "W-1,alice@example.com,,6-18-02-04,4,2025-01-10,,\n"
        "W-2,bob@example.com,,6-18-02-04,九级,2025-01-10,,\n"
    )
    batch = upload(setting, text)
    assert batch.status == ImportBatch.Status.INVALID
    [error] = batch.error_rows
    assert (error["row"], error["column"]) == (3, "level")
    assert "九级" in error["message"] and "特级技师" in error["message"]
    assert not SkillCertificate.objects.exists()
