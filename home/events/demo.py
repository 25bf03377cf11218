"""Demo of events, loaded by ``manage.py load_demo`` after the home content: the 2nd
Great Country Craftsman Innovation Exchange Conference from the story (Beijing; its
forums, sub-forum, exhibition of the demo studios' achievements and a roadshow
session to be judged), in English and Chinese, with a few reservations, a waiting
list and one visitor checked in, all made through the services; and its audience
votes (``home.events.voting.demo``). The story's
conference was in July 2023; the demo's is dated from the day it is loaded, so its
seats can be reserved. Safe to run again."""

from __future__ import annotations

import datetime

from django.utils import timezone
from wagtail.models import Locale

from home import demo as home_demo
from home.events import services, tickets
from home.events.commendations import demo as commendations_demo
from home.events.competitions import demo as competitions_demo
from home.events.demo_content import EVENT, INDEX, SESSIONS
from home.events.judging import demo as judging_demo
from home.events.models import EventExhibit, EventIndexPage, EventPage, EventSession
from home.events.voting import demo as voting_demo
from home.models import InnovationStudioPage
from lms.demo import demo_user

# (session, visitors reserving in this order; past capacity they wait)
RESERVATIONS = [
    ("opening-forum", ["learner", "mentor2"]),
    ("women-forum", ["mentor2", "learner", "manager", "apprentice", "mentor"]),
]
CHECKED_IN = ("opening-forum", "learner")
STUDIOS = ["han-liping-skills-master-studio", "no7-mill-spinning-innovation-studio"]


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time(hour, minute))
    )


def load(*, stdout) -> None:
    zh = Locale.objects.get(language_code=home_demo.LANGUAGES["zh"])
    home = home_demo.english_home()

    def fill_index(page, lang):
        page.title, page.intro = INDEX[lang]["title"], INDEX[lang]["intro"]

    index = home_demo._both(home, EventIndexPage, "events", zh, fill_index)["en"]
    first_day = timezone.localdate() + datetime.timedelta(days=10)
    studios = _studio_achievements(zh)

    def fill_event(page, lang):
        words = EVENT[lang]
        page.title, page.summary, page.venue, page.city = (
            words["title"],
            words["summary"],
            words["venue"],
            words["city"],
        )
        page.organisers = "\n".join(words["organisers"])
        page.starts_on = first_day
        page.ends_on = first_day + datetime.timedelta(days=2)
        page.body = home_demo._stream(
            [{"type": "paragraph", "value": f"<p>{p}</p>"} for p in words["body"]],
            page,
            "body",
        )
        if lang == "en":
            page.sessions = [_session(slug, first_day, "en") for slug in SESSIONS]
        else:  # the copy keeps each session's translation key: retitle in place
            copied = list(page.sessions.all())
            for session, slug in zip(copied, SESSIONS, strict=True):
                words = SESSIONS[slug]["zh"]
                session.title, session.room = words["title"], words["room"]
                session.speakers = "\n".join(words["speakers"])
            page.sessions = copied
        page.exhibits = [
            EventExhibit(achievement=achievement, stand=stand)
            for achievement, stand in studios[lang]
        ]

    pages = home_demo._both(index, EventPage, EVENT["slug"], zh, fill_event)
    made = _reservations(pages["en"])
    commendations_demo.load(event=pages["en"], stdout=stdout)
    competitions_demo.load(stdout=stdout)
    judging_demo.load(stdout=stdout, session=_roadshow(pages["en"]))
    stdout.write(
        f"events: 1 conference, {len(SESSIONS)} sessions, {made} reservations "
        "(English and Chinese)"
    )
    voting_demo.load(event=pages["en"], zh=zh, stdout=stdout)


def _roadshow(event: EventPage) -> EventSession:
    return event.sessions.filter(kind="roadshow").order_by("sort_order").first()


def _session(slug: str, first_day: datetime.date, lang: str) -> EventSession:
    facts, words = SESSIONS[slug], SESSIONS[slug][lang]
    day = first_day + datetime.timedelta(days=facts["day"])
    (h1, m1), (h2, m2) = facts["time"]
    return EventSession(
        kind=facts["kind"],
        title=words["title"],
        room=words["room"],
        speakers="\n".join(words["speakers"]),
        capacity=facts["capacity"],
        starts_at=_at(day, h1, m1),
        ends_at=_at(day, h2, m2),
    )


def _studio_achievements(zh) -> dict[str, list]:
    """The demo studios' achievements, each language's own, with a stand each."""
    found = {"en": [], "zh": []}
    for n, slug in enumerate(STUDIOS):
        english = InnovationStudioPage.objects.filter(slug=slug).first()
        if english is None:
            continue
        chinese = english.get_translation_or_none(zh)
        for lang, studio in (("en", english), ("zh", chinese)):
            if studio is None:
                continue
            for m, achievement in enumerate(studio.specific.achievements.all()):
                found[lang].append((achievement, f"A{n + 1}-{m + 1:02d}"))
    return found


def _reservations(event: EventPage) -> int:
    by_slug = dict(zip(SESSIONS, event.sessions.order_by("sort_order"), strict=True))
    made = 0
    for slug, visitors in RESERVATIONS:
        for key in visitors:
            services.reservation_create(user=demo_user(key), session=by_slug[slug])
            made += 1
    slug, key = CHECKED_IN
    reservation = by_slug[slug].reservations.get(user=demo_user(key), status="reserved")
    if reservation.checked_in_at is None:
        services.reservation_check_in(
            user=demo_user("steward"),
            session=by_slug[slug],
            code=tickets.ticket_code(reservation),
        )
    return made
