"""A small platform built with factories: a few of everything, so a page that
queries per row shows it. Used by the query budgets."""

from __future__ import annotations

import datetime

from django.utils import timezone
from wagtail.models import Locale

from courses.services.enrollment import enrollment_create
from courses.services.progress import lesson_complete
from home.models import HomePage, ProfileIndexPage, StoryIndexPage, StudioIndexPage
from lms.roles import Role
from tests.courses import factories as course_f
from tests.home.factories import (
    CraftsmanProfilePageFactory,
    ImageFactory,
    InnovationStudioPageFactory,
    ProfileHonourFactory,
    StoryPageFactory,
    StudioAchievementFactory,
)
from tests.lms.certification.factories import SkillCertificateFactory, hr_of, worker_of
from tests.lms.factories import EnterpriseFactory, OccupationFactory, UserFactory
from tests.mentorship.factories import (
    AgreementFactory,
    GuidanceSessionFactory,
    MilestoneFactory,
    mentor,
)


def home_page() -> HomePage:
    return HomePage.objects.get(locale__language_code="en", depth=2)


def section(model, slug: str):
    """A section page under the English home page, with its Chinese copy (the
    pages look their translations up)."""
    existing = model.objects.filter(slug=slug, locale=home_page().locale).first()
    if existing is not None:  # a second world in the same test
        return existing
    page = model(title=slug.title(), slug=slug)
    home_page().add_child(instance=page)
    chinese = page.copy_for_translation(Locale.objects.get(language_code="zh-hans"))
    chinese.save_revision().publish()
    return page


def _events(rows: int, workers, studios, profiles):
    """An event with ``rows`` sessions, each with a reservation per worker (some
    checked in), exhibiting ``rows`` achievements; an open audience vote with
    ``rows`` options (each linked to a profile and an achievement), a vote per
    worker."""
    from home.events.models import EventIndexPage
    from home.events.services import reservation_check_in, reservation_create
    from home.events.tickets import ticket_code
    from home.events.voting.models import VoteOption
    from home.events.voting.services import vote_cast
    from tests.home.events.factories import (
        EventExhibitFactory,
        EventPageFactory,
        EventSessionFactory,
        ballot_with_options,
    )

    event = EventPageFactory(parent=section(EventIndexPage, "events"))
    steward = UserFactory(roles=[Role.STEWARD])
    sessions = [EventSessionFactory(page=event, capacity=rows) for _ in range(rows)]
    for session in sessions:
        for n, worker in enumerate(workers):
            seat = reservation_create(user=worker, session=session)
            if n % 2:
                code = ticket_code(seat)
                reservation_check_in(user=steward, session=session, code=code)
    for studio in studios:
        EventExhibitFactory(page=event, achievement=studio.achievements.first())
    ballot = ballot_with_options(event, names=[f"Option {n}" for n in range(rows)])
    options = list(ballot.options.order_by("sort_order"))
    for option, profile, studio in zip(options, profiles, studios, strict=True):
        VoteOption.objects.filter(pk=option.pk).update(
            profile=profile, achievement=studio.achievements.first()
        )
    for n, worker in enumerate(workers):
        vote_cast(user=worker, ballot=ballot, option_id=options[n % rows].pk)
    return event, sessions[0], ballot


def _judging(rows: int, event, workers, studios) -> dict:
    """Two panels of ``rows`` contestants (each of a studio, some of the workers'
    enterprise) and five judges: one open, scored by four judges (the fifth, who
    asks for the page, scored half); one on a roadshow session of the event,
    fully scored and published."""
    from home.events.judging import services
    from tests.home.events.factories import EventSessionFactory
    from tests.home.events.judging import factories as judging_f

    enterprise = workers[0].memberships.first().enterprise
    roadshow = EventSessionFactory(page=event, kind="roadshow", capacity=0)
    made = {}
    for key, session in (("open", None), ("published", roadshow)):
        panel = judging_f.panel(
            judges=5,
            session=session,
            contestants=[
                {
                    "display_name": f"Presenter {n}",
                    "studio": studios[n % len(studios)],
                    "enterprise": enterprise if n % 2 else None,
                }
                for n in range(rows)
            ],
        )
        judges, contestants = judging_f.parts(panel)
        for n, judge in enumerate(judges):
            for m, contestant in enumerate(contestants):
                if n == 4 and (key == "open" and m % 2):
                    continue
                judging_f.score(panel, judge, contestant, 5 + n, 9 - m % 5)
        if key == "published":
            for step in (
                services.panel_close,
                services.panel_reveal,
                services.panel_sign_off,
                services.panel_publish,
            ):
                step(user=panel.chair, panel=panel)
        made[key] = panel
    return {
        "panel": made["open"],
        "judge": made["open"].judges.last().user,
        "published_panel": made["published"],
    }


def build(rows: int = 3) -> dict:
    """``rows`` of each kind (courses, lessons, workers, agreements, pages)."""
    occupation = OccupationFactory()
    teacher = course_f.mentor()
    courses = [
        course_f.course(
            title=f"Course {n}", instructors=[teacher], occupation=occupation
        )
        for n in range(rows)
    ]
    lessons = [
        course_f.lesson(
            course=courses[0],
            title=f"Lesson {n}",
            body=[course_f.text_block(), course_f.quiz_block(block_id=f"quiz{n}")],
        )
        for n in range(rows)
    ]
    enterprise = EnterpriseFactory()
    hr = hr_of(enterprise)
    workers = [worker_of(enterprise, roles=[Role.LEARNER]) for _ in range(rows)]
    learner = workers[0]
    enrollments = [enrollment_create(user=learner, course=c) for c in courses]
    lesson_complete(enrollment=enrollments[0], lesson=lessons[0])
    certificates = [
        SkillCertificateFactory(holder=worker, occupation=occupation)
        for worker in workers
    ]

    guide = mentor()
    agreements = [
        AgreementFactory(
            mentor=guide,
            apprentice=worker,
            enterprise=enterprise,
            occupation=occupation,
            membership=False,
        )
        for worker in workers
    ]
    for n, agreement in enumerate(agreements):
        MilestoneFactory(agreement=agreement)
        # Spread over a week: one mentor has 15 free slots a day.
        day = timezone.localdate() - datetime.timedelta(days=1 + n % 7)
        GuidanceSessionFactory(agreement=agreement, date=day)

    profiles = section(ProfileIndexPage, "role-models")
    stories = section(StoryIndexPage, "stories")
    studios = section(StudioIndexPage, "studios")
    profile_pages = []
    for _ in range(rows):
        page = CraftsmanProfilePageFactory(parent=profiles, portrait=ImageFactory())
        ProfileHonourFactory(page=page)
        profile_pages.append(page)
    story_pages = [
        StoryPageFactory(parent=stories, lead_image=ImageFactory()) for _ in range(rows)
    ]
    studio_pages = []
    for _ in range(rows):
        studio = InnovationStudioPageFactory(
            parent=studios, lead_craftsman=profile_pages[0]
        )
        StudioAchievementFactory(page=studio)
        studio_pages.append(studio)
    event, session, ballot = _events(rows, workers, studio_pages, profile_pages)
    judging = _judging(rows, event, workers, studio_pages)
    return {
        "panel": judging["panel"],
        "judge": judging["judge"],
        "published_panel": judging["published_panel"],
        "event": event,
        "ballot": ballot,
        "event_session": session,
        "steward": UserFactory(roles=[Role.STEWARD]),
        "learner": learner,
        "hr": hr,
        "mentor": guide,
        "course": courses[0],
        "lesson": lessons[0],
        "lessons": lessons,
        "certificate": certificates[0],
        "agreement": agreements[0],
        "profile": profile_pages[0],
        "story": story_pages[0],
        "studio": studio_pages[0],
    }
