"""The events demo: the 2nd Great Country Craftsman conference in both languages,
its sessions shared between them, a few reservations with a waiting list and one
visitor checked in, a closed audience vote with its totals published and an open
one; loading it twice changes nothing."""

import io

import pytest
from wagtail.signal_handlers import disable_reference_index_auto_update

from home.events.commendations.models import Commendation, Nomination
from home.events.models import Ballot, EventPage, EventSession, Reservation, Vote

pytestmark = pytest.mark.django_db


def test_the_conference_demo_loads_twice_with_the_same_result(settings):
    from home import demo as home_demo
    from home.events import demo
    from lms import demo as lms_demo

    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    settings.WAGTAILSEARCH_BACKENDS = {"default": {**backend, "AUTO_UPDATE": False}}
    with disable_reference_index_auto_update():
        lms_demo.load(stdout=io.StringIO())
        home_demo.load(stdout=io.StringIO())
        demo.load(stdout=io.StringIO())
        first = list(Reservation.objects.values_list("pk", "status", "checked_in_at"))
        nominated = list(Nomination.objects.values_list("pk", "selected"))
        votes = list(Vote.objects.values_list("pk", "option", "voter"))
        demo.load(stdout=io.StringIO())
    assert list(Vote.objects.values_list("pk", "option", "voter")) == votes
    assert list(Nomination.objects.values_list("pk", "selected")) == nominated
    assert list(Reservation.objects.values_list("pk", "status", "checked_in_at")) == (
        first
    )
    english, chinese = (
        EventPage.objects.get(locale__language_code=code) for code in ("en", "zh-hans")
    )
    assert chinese.title == "第二届大国工匠创新交流大会"
    assert chinese.exhibits.count() == english.exhibits.count() > 0
    keys = {s.translation_key for s in english.sessions.all()}
    assert {s.translation_key for s in chinese.sessions.all()} == keys
    assert set(EventSession.objects.values_list("kind", flat=True)) == {
        "forum",
        "sub_forum",
        "exhibition",
        "roadshow",
    }
    statuses = sorted(Reservation.objects.values_list("status", flat=True))
    assert statuses == ["reserved"] * 5 + ["waiting"] * 2
    assert Reservation.objects.filter(checked_in_at__isnull=False).count() == 1
    closed, open_ = Ballot.objects.order_by("opens_at")
    assert closed.has_closed() and open_.is_open()
    assert closed.votes.count() == 12 and open_.votes.count() == 2
    assert closed.options.filter(profile__isnull=False).count() == 3
    assert all(o.name_zh for o in closed.options.all())
    # The commendation: published, its selected craftsmen linked to their profiles
    # (the demo's three craftsmen with pages, not the story's 28), named in Chinese.
    published = Commendation.objects.get(status="published")
    assert (published.places, published.title_zh) == (28, "第三届北京大工匠选树")
    selected = published.nominations.filter(selected=True)
    assert selected.count() == 2
    assert all(n.profile_id for n in selected)
    assert published.events.filter(action="published").count() == 1
    assert Commendation.objects.filter(status="nominating").count() == 1
