"""One date style per language, from config/formats: 2026年12月2日 and 24-hour times
in Chinese, 2 Dec 2026 in English; templates name a format, never a pattern."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import formats, translation

from tests.lms.certification.factories import SkillCertificateFactory

DAY = datetime.date(2026, 12, 2)
MOMENT = datetime.datetime(2026, 12, 2, 14, 5)


@pytest.mark.parametrize(
    ("language", "date", "datetime_", "month"),
    [
        ("en", "2 Dec 2026", "2 Dec 2026, 14:05", "Dec 2026"),
        ("zh-hans", "2026年12月2日", "2026年12月2日 14:05", "2026年12月"),
    ],
)
def test_each_language_has_one_date_style(language, date, datetime_, month):
    with translation.override(language):
        assert formats.date_format(DAY) == date
        assert formats.date_format(DAY, "SHORT_DATE_FORMAT") == date
        assert formats.date_format(MOMENT, "DATETIME_FORMAT") == datetime_
        assert formats.date_format(MOMENT, "SHORT_DATETIME_FORMAT") == datetime_
        assert formats.time_format(MOMENT.time()) == "14:05"
        assert formats.date_format(DAY, "YEAR_MONTH_FORMAT") == month


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "shown"), [("en", "2 Dec 2026"), ("zh-hans", "2026年12月2日")]
)
def test_a_certificate_page_shows_its_dates_in_the_readers_style(
    client, language, shown
):
    certificate = SkillCertificateFactory(issued_on=DAY, valid_until=None)
    client.force_login(certificate.holder)
    with translation.override(language):
        url = reverse("certification:detail", args=[certificate.pk])
    assert shown in client.get(url).content.decode()


# Machine-readable patterns are allowed (``datetime`` attributes): c, Y-m-d.
MACHINE = {"c", "Y-m-d"}
PATTERN = re.compile(r"""\|(?:date|time):["']([^"']+)["']""")


def test_templates_name_a_format_instead_of_writing_a_pattern():
    bad, scanned = [], 0
    base = Path(settings.BASE_DIR)
    for folder in (*settings.TEMPLATES[0]["DIRS"], *base.glob("*/templates")):
        for path in Path(folder).rglob("*.html"):
            scanned += 1
            for pattern in PATTERN.findall(path.read_text()):
                if pattern not in MACHINE and not pattern.endswith("_FORMAT"):
                    bad.append(f"{path}: {pattern}")
    assert scanned > 50 and not bad, bad
