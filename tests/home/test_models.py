"""Database rules of the content models, and what the models compute."""

import pytest
from django.db import IntegrityError, transaction

from home.models import InnovationStudioPage, ProfileHonour, StudioAchievement
from home.selectors.studios import studio_totals
from tests.home.factories import (
    CraftsmanProfilePageFactory,
    InnovationStudioPageFactory,
    ProfileAchievementFactory,
    StudioAchievementFactory,
)
from tests.lms.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("year", [1800, 2500])
def test_an_honour_year_outside_the_plausible_range_is_refused(profile_index, year):
    profile = CraftsmanProfilePageFactory(parent=profile_index["en"])
    with pytest.raises(IntegrityError), transaction.atomic():
        ProfileHonour.objects.create(
            page=profile, kind="national_model_worker", year=year
        )


def test_a_negative_benefit_is_refused(profile_index, studio_index):
    profile = CraftsmanProfilePageFactory(parent=profile_index["en"])
    with pytest.raises(IntegrityError), transaction.atomic():
        ProfileAchievementFactory(page=profile, benefit_yuan=-1)
    studio = InnovationStudioPageFactory(parent=studio_index["en"])
    with pytest.raises(IntegrityError), transaction.atomic():
        StudioAchievementFactory(page=studio, benefit_yuan=-5)


def test_an_achievement_line_counts_at_least_one_project(studio_index):
    studio = InnovationStudioPageFactory(parent=studio_index["en"])
    with pytest.raises(IntegrityError), transaction.atomic():
        StudioAchievement.objects.create(
            page=studio, kind="tool", title="Jig", projects=0
        )


def test_studio_totals_are_summed_in_one_query(studio_index, django_assert_num_queries):
    studio = InnovationStudioPageFactory(parent=studio_index["en"])
    StudioAchievementFactory(
        page=studio, projects=300, benefit_yuan=30_000_000, patents=13
    )
    StudioAchievementFactory(page=studio, projects=1, benefit_yuan=250_000, patents=0)
    with django_assert_num_queries(1):
        totals = studio_totals(studio=studio)
    assert totals == {"lines": 2, "projects": 301, "benefit": 30_250_000, "patents": 13}


def test_studio_without_achievements_totals_zero(studio_index):
    studio = InnovationStudioPageFactory(parent=studio_index["en"])
    assert studio_totals(studio=studio) == {
        "lines": 0,
        "projects": 0,
        "benefit": 0,
        "patents": 0,
    }


def test_studio_names_its_enterprise_from_the_platform_or_as_text(studio_index):
    enterprise = EnterpriseFactory(name="Xi'an Auto Park")
    on_platform = InnovationStudioPageFactory(
        parent=studio_index["en"], enterprise=enterprise, enterprise_name="ignored"
    )
    as_text = InnovationStudioPageFactory(
        parent=studio_index["en"], enterprise_name="Quangang petrochemical company"
    )
    assert on_platform.enterprise_label == "Xi'an Auto Park"
    assert InnovationStudioPage.objects.get(pk=as_text.pk).enterprise_label == (
        "Quangang petrochemical company"
    )


def test_years_in_the_trade_are_counted_from_the_start_year(profile_index):
    from django.utils import timezone

    profile = CraftsmanProfilePageFactory(
        parent=profile_index["en"], in_trade_since=1992
    )
    assert profile.years_in_trade == timezone.localdate().year - 1992
    assert (
        CraftsmanProfilePageFactory(parent=profile_index["en"]).years_in_trade is None
    )
