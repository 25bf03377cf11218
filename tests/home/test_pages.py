"""The public pages render what editors wrote, in the visitor's language, at a fixed
number of queries."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import AllianceMemberStudio
from tests.home.factories import (
    AlliancePageFactory,
    CraftsmanProfilePageFactory,
    ImageFactory,
    InnovationStudioPageFactory,
    ProfileHonourFactory,
    StoryPageFactory,
    StudioAchievementFactory,
)
from tests.lms.factories import IndustryFactory

pytestmark = pytest.mark.django_db


def _count_queries(client, url) -> int:
    """Queries of a page view, after a first view made the image renditions."""
    cache.clear()
    assert client.get(url).status_code == 200
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_profile_index_costs_the_same_queries_for_one_or_many_profiles(
    client, profile_index
):
    """Portraits, honours and occupations are prefetched for the cards."""
    index = profile_index["en"]
    first = CraftsmanProfilePageFactory(parent=index, portrait=ImageFactory())
    ProfileHonourFactory(page=first)
    one = _count_queries(client, index.url)
    for _ in range(8):
        profile = CraftsmanProfilePageFactory(parent=index, portrait=ImageFactory())
        ProfileHonourFactory(page=profile)
    many = _count_queries(client, index.url)
    assert many == one


def test_story_index_costs_the_same_queries_for_one_or_many_stories(
    client, story_index
):
    index = story_index["en"]
    StoryPageFactory(parent=index, lead_image=ImageFactory()).tags.add("textile")
    one = _count_queries(client, index.url)
    for n in range(8):
        story = StoryPageFactory(parent=index, lead_image=ImageFactory())
        story.tags.add(f"tag {n}")
        story.save()
    many = _count_queries(client, index.url)
    assert many == one


def test_studio_index_costs_the_same_queries_for_one_or_many_studios(
    client, studio_index
):
    index = studio_index["en"]
    industry = IndustryFactory()
    StudioAchievementFactory(
        page=InnovationStudioPageFactory(parent=index, industry=industry)
    )
    one = _count_queries(client, index.url)
    for _ in range(8):
        studio = InnovationStudioPageFactory(parent=index, industry=industry)
        StudioAchievementFactory.create_batch(2, page=studio)
    many = _count_queries(client, index.url)
    assert many == one


def test_home_page_costs_the_same_queries_for_one_or_many_stories(
    client, home, story_index
):
    StoryPageFactory(parent=story_index["en"], lead_image=ImageFactory())
    one = _count_queries(client, "/")
    for _ in range(6):
        StoryPageFactory(parent=story_index["en"], lead_image=ImageFactory())
    many = _count_queries(client, "/")
    assert many == one


def test_story_index_filters_by_tag_and_paginates(client, story_index):
    index = story_index["en"]
    tagged = StoryPageFactory(parent=index, title="Alliance founded")
    tagged.tags.add("Textile")
    tagged.save()
    StoryPageFactory(parent=index, title="Conference in Beijing")
    response = client.get(index.url, {"tag": "Textile"})
    assert "Alliance founded" in response.text
    assert "Conference in Beijing" not in response.text
    StoryPageFactory.create_batch(12, parent=index)
    response = client.get(index.url, {"page": 2})
    assert response.status_code == 200
    assert 'rel="prev"' in response.text


def test_story_feeds_list_the_stories_as_rss_and_atom(client, story_index):
    index = story_index["en"]
    StoryPageFactory(parent=index, title="Shaanxi launches a model-worker action")
    rss = client.get(index.url + "rss/")
    assert rss.status_code == 200
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert "Shaanxi launches a model-worker action" in rss.text
    atom = client.get(index.url + "atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert "<entry>" in atom.text


def test_studio_index_filters_by_industry_region_and_level(client, studio_index):
    index = studio_index["en"]
    textile = IndustryFactory(name="Textile")
    InnovationStudioPageFactory(
        parent=index,
        title="Mill studio",
        industry=textile,
        region="Jiangsu",
        level="enterprise",
    )
    InnovationStudioPageFactory(
        parent=index, title="Launch studio", region="Shanxi", level="national"
    )
    assert "Launch studio" not in client.get(index.url, {"industry": textile.pk}).text
    assert "Mill studio" not in client.get(index.url, {"region": "Shanxi"}).text
    response = client.get(index.url, {"level": "enterprise"})
    assert "Mill studio" in response.text and "Launch studio" not in response.text
    # An unknown choice is ignored, not an error.
    assert client.get(index.url, {"level": "galactic"}).status_code == 200


def test_studio_page_sums_its_achievements(client, studio_index):
    studio = InnovationStudioPageFactory(parent=studio_index["en"])
    StudioAchievementFactory(
        page=studio, projects=300, benefit_yuan=30_000_000, patents=13
    )
    StudioAchievementFactory(page=studio, projects=1, benefit_yuan=None, patents=0)
    response = client.get(studio.url)
    assert response.context["totals"] == {
        "lines": 2,
        "projects": 301,
        "benefit": 30_000_000,
        "patents": 13,
    }
    assert "30,000,000" in response.text


def test_alliance_page_lists_member_studios_in_the_visitors_language(
    client, studio_index, locales
):
    studio = InnovationStudioPageFactory(parent=studio_index["en"], title="Mill studio")
    alliance = AlliancePageFactory(parent=studio_index["en"], founding_members=40)
    AllianceMemberStudio.objects.create(page=alliance, studio=studio)
    chinese_studio = studio.copy_for_translation(locales["zh"])
    chinese_studio.title = "纺纱创新工作室"
    chinese_studio.save_revision().publish()
    chinese_alliance = alliance.copy_for_translation(locales["zh"])
    chinese_alliance.save_revision().publish()
    response = client.get(chinese_alliance.get_url())
    assert "纺纱创新工作室" in response.text
    assert "Mill studio" not in response.text
    assert "40" in client.get(alliance.url).text


def test_home_page_content_is_cached_until_a_page_is_published(client, story_index):
    """The featured and latest blocks are served from the cache; publishing any
    page (Wagtail's page_published signal) makes them fresh."""
    StoryPageFactory(parent=story_index["en"], title="First story")
    assert "First story" in client.get("/").text
    StoryPageFactory(parent=story_index["en"], title="Written without publishing")
    assert "Written without publishing" not in client.get("/").text
    story = StoryPageFactory(parent=story_index["en"], title="Published story")
    story.save_revision().publish()
    html = client.get("/").text
    assert "Published story" in html
    assert "Written without publishing" in html
