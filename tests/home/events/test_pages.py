"""The event pages: the programme with seats left and the visitor's own reservation,
the exhibition filtered by field (GET, no JavaScript), both languages, the feeds and
search."""

import pytest
from django.urls import reverse

from home.events import services
from lms.models import Industry
from tests.home.factories import (
    CraftsmanProfilePageFactory,
    InnovationStudioPageFactory,
    StudioAchievementFactory,
)

from .factories import EventExhibitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def exhibition(event, studio_index, profile_index):
    """Two studios of two fields, three achievements exhibited."""
    fields = {
        code: Industry.objects.get_or_create(
            code=code, defaults={"name": name, "name_zh": zh}
        )[0]
        for code, name, zh in (
            ("aerospace", "Aerospace", "航空航天"),
            ("rail", "Rail transit", "轨道交通"),
        )
    }
    craftsman = CraftsmanProfilePageFactory(parent=profile_index["en"], title="Han")
    studios = {
        code: InnovationStudioPageFactory(
            parent=studio_index["en"], industry=field, lead_craftsman=craftsman
        )
        for code, field in fields.items()
    }
    for code, titles in (
        ("aerospace", ["Valve holes", "Launch arm"]),
        ("rail", ["Bogie"]),
    ):
        for title in titles:
            achievement = StudioAchievementFactory(page=studios[code], title=title)
            EventExhibitFactory(page=event, achievement=achievement)
    return {"studios": studios, "craftsman": craftsman}


def test_the_programme_shows_seats_left_and_my_reservation(
    client, event, session, visitors
):
    services.reservation_create(user=visitors[0], session=session)
    anonymous = client.get(event.url)
    assert "1 seat left" in anonymous.content.decode()
    # Seats change without a publication: never in the anonymous page cache.
    assert "private" in anonymous["Cache-Control"]
    client.force_login(visitors[0])
    page = client.get(event.url).content.decode()
    assert "Your seat is reserved." in page
    assert (
        reverse("events:ticket", args=[visitors[0].event_reservations.get().pk]) in page
    )


def test_the_exhibition_links_studio_and_craftsman_and_filters_by_field(
    client, event, exhibition
):
    page = client.get(event.url)
    assert [e.achievement.title for e in page.context["exhibits"]] == [
        "Valve holes",
        "Launch arm",
        "Bogie",
    ]
    html = page.content.decode()
    assert exhibition["studios"]["rail"].url in html
    assert exhibition["craftsman"].url in html
    rail = client.get(event.url, {"field": "rail"})
    assert [e.achievement.title for e in rail.context["exhibits"]] == ["Bogie"]


def test_an_unknown_field_shows_an_error_and_the_whole_exhibition(
    client, event, exhibition
):
    page = client.get(event.url, {"field": "<script>"})
    assert page.status_code == 200
    assert len(page.context["exhibits"]) == 3
    assert page.context["filter_form"].errors


def test_the_chinese_event_page_is_in_chinese(client, event, session, locales):
    chinese = event.copy_for_translation(locales["zh"])
    chinese.title = "第二届大国工匠创新交流大会"
    zh_session = chinese.sessions.get()
    zh_session.title = "女工匠论坛"
    chinese.sessions = [zh_session]
    chinese.save_revision().publish()
    html = client.get(chinese.url).content.decode()
    assert chinese.url.startswith("/zh-hans/")
    for text in ("第二届大国工匠创新交流大会", "女工匠论坛", "日程", "预约座位"):
        assert text in html, text


def test_the_index_lists_upcoming_events_and_has_feeds(client, events_index, event):
    index = events_index["en"]
    page = client.get(index.url)
    assert page.context["upcoming"] == [event]
    rss = client.get(index.url + "rss/")
    assert rss.status_code == 200 and event.title in rss.content.decode()
    assert client.get(index.url + "atom/").status_code == 200


def test_events_are_found_by_chinese_search(client, event, locales):
    from django.core.management import call_command

    chinese = event.copy_for_translation(locales["zh"])
    chinese.title = "第二届大国工匠创新交流大会"
    chinese.save_revision().publish()
    call_command("update_index", verbosity=0)
    response = client.get("/zh-hans/search/", {"q": "工匠创新"})
    assert chinese.specific in [r.specific for r in response.context["page"]]
