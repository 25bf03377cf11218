"""Skill levels as people and files write them: the national grade's digit (1 … 5,
what every file before the 2022 reform wrote), the level's name in English or
Chinese (old labels "Level 4 · Intermediate worker" and new "四级/中级工" alike), or
the interchange code of the three new levels (apprentice, special, chief)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from lms.models import SkillLevel

L = SkillLevel
_GRADE_WORDS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}

# Normalised spellings (lower case, single spaces) -> level.
ALIASES: dict[str, SkillLevel] = {
    "apprentice": L.APPRENTICE,
    "学徒": L.APPRENTICE,
    "学徒工": L.APPRENTICE,
    "junior worker": L.JUNIOR_WORKER,
    "初级工": L.JUNIOR_WORKER,
    "intermediate worker": L.INTERMEDIATE_WORKER,
    "中级工": L.INTERMEDIATE_WORKER,
    "senior worker": L.SENIOR_WORKER,
    "高级工": L.SENIOR_WORKER,
    "technician": L.TECHNICIAN,
    "技师": L.TECHNICIAN,
    "senior technician": L.SENIOR_TECHNICIAN,
    "高级技师": L.SENIOR_TECHNICIAN,
    "special": L.SPECIAL_GRADE_TECHNICIAN,
    "special-grade technician": L.SPECIAL_GRADE_TECHNICIAN,
    "special grade technician": L.SPECIAL_GRADE_TECHNICIAN,
    "特级": L.SPECIAL_GRADE_TECHNICIAN,
    "特级技师": L.SPECIAL_GRADE_TECHNICIAN,
    "chief": L.CHIEF_TECHNICIAN,
    "chief technician": L.CHIEF_TECHNICIAN,
    "首席": L.CHIEF_TECHNICIAN,
    "首席技师": L.CHIEF_TECHNICIAN,
}
_GRADE = re.compile(r"^(?:level|grade|l)?\s*([1-5])$|^([一二三四五])级(?:工)?$")
_SEPARATORS = re.compile(r"\s*[/·・|,，、]\s*")


def _one(part: str) -> SkillLevel | None:
    if part in ALIASES:
        return ALIASES[part]
    match = _GRADE.match(part)
    if match:
        digit, word = match.groups()
        return SkillLevel.from_grade(int(digit) if digit else _GRADE_WORDS[word])
    try:
        number = Decimal(part)
    except (InvalidOperation, ValueError):
        return None
    if number.is_finite() and number == number.to_integral_value():
        if 1 <= number <= 5:
            return SkillLevel.from_grade(int(number))
    return None


def parse_level(text: str) -> SkillLevel | None:
    """The level ``text`` names, or None. A compound label ("五级/初级工",
    "Level 5 · Junior worker") names a level only when every part names the same."""
    text = " ".join(str(text or "").split()).lower()[:60]
    if not text:
        return None
    found = _one(text)
    if found is not None:
        return found
    parts = [p for p in _SEPARATORS.split(text) if p]
    levels = {_one(p) for p in parts}
    if len(levels) == 1 and None not in levels:
        return levels.pop()
    return None


def level_from_code(code: str) -> SkillLevel | None:
    """The exact interchange code (``SkillLevel.code``: "1" … "5", "apprentice",
    "special", "chief"), for the API's filter."""
    for level in SkillLevel:
        if level.code == code:
            return level
    return None
