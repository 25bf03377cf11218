"""The platform the role matrix runs against: two enterprises with workers, a course
with lessons, a quiz and a practical task, an agreement between a mentor and an
apprentice of A, a service request of A, certificates of A's and B's workers, an
import batch, content pages (one waiting for a moderator, one draft) and one user
per role. Built once per test module; every case runs in a savepoint rolled back
after it, so a POST by one role never reaches the next case."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, override_settings
from django.utils import translation
from wagtail.models import Locale

from courses.models import PracticalEvidencePhoto
from courses.services.enrollment import enrollment_create
from courses.services.practicals import practical_submit
from courses.services.quizzes import quiz_attempt_submit
from home.models import HomePage, ProfileIndexPage, StoryIndexPage, StudioIndexPage
from lms.models import BoardExport, CertificateAttachment, Enterprise, Notification
from lms.roles import Role
from lms.services.tokens import api_token_issue
from mentorship.models import (
    GuidanceSessionPhoto,
    ServiceRequest,
    ServiceRequestAttachment,
)
from tests.courses import factories as course_f
from tests.home.factories import (
    AlliancePageFactory,
    CraftsmanProfilePageFactory,
    ImageFactory,
    InnovationStudioPageFactory,
    StoryPageFactory,
)
from tests.lms.certification.factories import (
    ImportBatchFactory,
    LevelRequirementFactory,
    SkillCertificateFactory,
    worker_of,
)
from tests.lms.factories import (
    EnterpriseFactory,
    InvitationFactory,
    MembershipFactory,
    OccupationFactory,
    TradeUnionFactory,
    UserFactory,
)
from tests.lms.helpers import give_totp
from tests.mentorship.factories import (
    AgreementFactory,
    GuidanceSessionFactory,
    MentorTradeFactory,
    MilestoneFactory,
    ServiceRequestFactory,
)

# The columns of the matrix, in order. ``mentor`` is the agreement's mentor, teaches
# the course and takes requests of its trade; ``other_mentor`` has no tie to any
# record (another person's ids must be a 404 for them).
ROLES = (
    "anonymous",
    "learner",
    "apprentice",
    "mentor",
    "other_mentor",
    "hr_a",
    "hr_b",
    "editor",
    "moderator",
    "coordinator",
    "officer",
    "organiser",
    "steward",
    "judge",
    "chair",
    "staff",
)


@dataclass
class World:
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)
    sessions: dict = field(default_factory=dict)  # role: session key (signed in)

    def __getattr__(self, name):
        try:
            return self.__dict__["objects"][name]
        except KeyError:
            raise AttributeError(name) from None


def _png(name: str = "p.png") -> SimpleUploadedFile:
    return course_f.png(name)


def _pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4 matrix", "application/pdf")


def _section(home: HomePage, model, slug: str):
    page = model(title=slug.title(), slug=slug)
    home.add_child(instance=page)
    chinese = page.copy_for_translation(Locale.objects.get(language_code="zh-hans"))
    chinese.save_revision().publish()
    return page


def _users(a, b) -> dict:
    def with_totp(*roles):
        return give_totp(UserFactory(roles=list(roles)))

    users = {
        "anonymous": None,
        "learner": worker_of(a, employee_number="A-1", roles=[Role.LEARNER]),
        "apprentice": worker_of(a, employee_number="A-2", roles=[Role.LEARNER]),
        "mentor": course_f.mentor(),
        "other_mentor": course_f.mentor(),
        "editor": with_totp(Role.EDITOR),
        "moderator": with_totp(Role.MODERATOR),
        "coordinator": with_totp(Role.COORDINATOR),
        "officer": with_totp(Role.OFFICER),
        "organiser": UserFactory(roles=[Role.ORGANISER]),
        "steward": UserFactory(roles=[Role.STEWARD]),
        "judge": UserFactory(roles=[Role.JUDGE]),
        "chair": UserFactory(roles=[Role.CHAIR]),
        "staff": give_totp(UserFactory(is_staff=True, is_superuser=True)),
    }
    for key, enterprise in (("hr_a", a), ("hr_b", b)):
        users[key] = with_totp(Role.HR)
        MembershipFactory(user=users[key], enterprise=enterprise, role="hr")
    return users


def _courses(w: World) -> None:
    u = w.users
    index = course_f.catalogue()
    course = course_f.course(
        index=index, instructors=[u["mentor"]], occupation=w.occupation
    )
    lesson = course_f.lesson(
        course=course,
        title="Sensors",
        body=[
            course_f.text_block(),
            course_f.quiz_block(block_id="quiz1", max_attempts=9),
            course_f.practical_block(block_id="task1"),
        ],
    )
    second = course_f.lesson(course=course, title="Looms", body=[course_f.text_block()])
    enrollment = enrollment_create(user=u["learner"], course=course)
    attempt = quiz_attempt_submit(
        enrollment=enrollment,
        lesson=lesson,
        quiz_id="quiz1",
        answers=course_f.WRONG,
        attempt_number=1,
    )
    submission = practical_submit(
        enrollment=enrollment,
        lesson=lesson,
        task_id="task1",
        text="Cleaned it.",
        photos=[_png()],
    )
    w.objects.update(
        catalogue=index,
        course=course,
        lesson=lesson,
        second_lesson=second,
        enrollment=enrollment,
        attempt=attempt,
        submission=submission,
        evidence_photo=PracticalEvidencePhoto.objects.get(submission=submission),
        zh_catalogue=course_f.translate(index, title="课程"),
        zh_course=course_f.translate(course, title="织机保养"),
        zh_lesson=course_f.translate(lesson, title="实操"),
    )


def _mentorship(w: World) -> None:
    u = w.users
    agreement = AgreementFactory(
        mentor=u["mentor"],
        apprentice=u["apprentice"],
        coordinator=u["coordinator"],
        enterprise=w.a,
        occupation=w.occupation,
        membership=False,
    )
    AgreementFactory(mentor=u["other_mentor"], enterprise=w.b)  # theirs, unrelated
    session = GuidanceSessionFactory(agreement=agreement)
    milestone = MilestoneFactory(agreement=agreement, evidence_file=_pdf("e.pdf"))
    MentorTradeFactory(user=u["mentor"], occupation=w.occupation)
    request = ServiceRequestFactory(
        enterprise=w.a,
        posted_by=u["hr_a"],
        occupation=w.occupation,
        status=ServiceRequest.Status.PUBLISHED,
    )
    w.objects.update(
        agreement=agreement,
        session=session,
        session_photo=GuidanceSessionPhoto.objects.create(
            session=session, image=_png()
        ),
        milestone=milestone,
        request=request,
        attachment=ServiceRequestAttachment.objects.create(
            request=request, file=_pdf("a.pdf"), original_name="a.pdf"
        ),
    )


def _certificates(w: World) -> None:
    u = w.users
    worker_b = worker_of(w.b, employee_number="B-1", roles=[Role.LEARNER])
    w.objects.update(
        worker_b=worker_b,
        cert_a=SkillCertificateFactory(holder=u["learner"], occupation=w.occupation),
        cert_b=SkillCertificateFactory(holder=worker_b, occupation=w.occupation),
        batch=ImportBatchFactory(uploaded_by=u["officer"]),
        requirement=LevelRequirementFactory(occupation=w.occupation),
        token_a=api_token_issue(user=u["hr_a"], name="HR system", days=30)[0],
        # A code for up to 50 workers of A (anyone not yet of A may join with it).
        invitation_a=InvitationFactory(enterprise=w.a, code="JOINA234", max_uses=50),
    )
    w.objects["scan_a"] = CertificateAttachment.objects.create(
        certificate=w.cert_a, file=_pdf("scan.pdf")
    )
    # A finished board export of A's HR (only they may see or download it).
    w.objects["export_a"] = BoardExport.objects.create(
        requested_by=u["hr_a"],
        filters_key="all",
        status=BoardExport.Status.DONE,
        rows_total=1,
        rows_done=1,
        file=SimpleUploadedFile("certificates.xlsx", b"PK\x03\x04 workbook"),
    )


def _content(w: World) -> None:
    home = HomePage.objects.get(locale__language_code="en", depth=2)
    profiles = _section(home, ProfileIndexPage, "role-models")
    stories = _section(home, StoryIndexPage, "stories")
    studios = _section(home, StudioIndexPage, "studios")
    profile = CraftsmanProfilePageFactory(parent=profiles, portrait=ImageFactory())
    submitted = CraftsmanProfilePageFactory(parent=profiles, slug="sent", live=False)
    author = w.users["editor"]
    submitted.save_revision(user=author)
    submitted.get_workflow().start(submitted, author)
    w.objects.update(
        home=home,
        profiles=profiles,
        stories=stories,
        studios=studios,
        profile=profile,
        story=StoryPageFactory(parent=stories, lead_image=ImageFactory()),
        studio=InnovationStudioPageFactory(parent=studios, lead_craftsman=profile),
        alliance=AlliancePageFactory(parent=studios),
        submitted=submitted,
        draft=CraftsmanProfilePageFactory(parent=profiles, slug="draft", live=False),
    )


def _events(w: World) -> None:
    """An event with one session of 50 seats, where the learner holds a seat, and
    an open audience vote nobody has voted in yet."""
    from home.events.models import EventIndexPage
    from home.events.services import reservation_create
    from home.events.tickets import ticket_code
    from tests.home.events.factories import (
        EventPageFactory,
        EventSessionFactory,
        ballot_with_options,
    )

    index = _section(w.home, EventIndexPage, "events")
    event = EventPageFactory(parent=index)
    session = EventSessionFactory(page=event, capacity=50)
    ticket = reservation_create(user=w.users["learner"], session=session)
    w.objects.update(
        events=index,
        event=event,
        event_session=session,
        ticket=ticket,
        ticket_code=ticket_code(ticket),
        ballot=ballot_with_options(event, opens=-1, closes=24),
    )


def _commendations(w: World) -> None:
    """Three commendations of the coordinator's union A, the mentor on each
    committee: one taking nominations, one with the learner selected (not yet
    published), one published with the apprentice selected."""
    from home.events.commendations import services
    from tests.home.events.factories import CommendationFactory

    u = w.users

    def nominated(commendation, craftsman):
        return services.nomination_create(
            user=u["coordinator"],
            commendation=commendation,
            craftsman=craftsman,
            union=w.union,
            statement="Thirty years on the line.",
        )

    def selected(commendation, craftsman):
        nomination = nominated(commendation, craftsman)
        services.commendation_close_nominations(
            user=u["organiser"], commendation=commendation
        )
        services.commendation_select(
            user=u["mentor"], commendation=commendation, nominations=[nomination]
        )
        return nomination

    open_one, chosen, done = (
        CommendationFactory(committee=[u["mentor"]]) for _ in range(3)
    )
    w.objects.update(
        commendation_open=open_one,
        commendation_selected=chosen,
        nomination=selected(chosen, u["learner"]),
        commendation_published=done,
    )
    selected(done, u["apprentice"])
    services.commendation_publish(user=u["organiser"], commendation=done)


def _competitions(w: World) -> None:
    """A skills competition open for entries, organised by the organiser; the
    apprentice (a worker of A) is not entered yet."""
    from tests.home.events.competitions.factories import CompetitionFactory

    w.objects["competition"] = CompetitionFactory(
        organiser=w.users["organiser"], occupation=w.occupation
    )


def _judging(w: World) -> None:
    """A judging panel chaired by ``chair`` with ``judge`` and a second judge (not a
    column) on it; two contestants, the first scored by the second judge."""
    from tests.home.events.judging import factories as judging_f

    other = judging_f.judge_user()
    panel = judging_f.panel(
        judges=[w.users["judge"], other],
        contestants=2,
        chair=w.users["chair"],
    )
    _judges, (first, second) = judging_f.parts(panel)
    score = judging_f.score(panel, panel.judges.get(user=other), first, 7, 7)
    w.objects.update(panel=panel, contestant=first, contestant_two=second, score=score)


def build() -> World:
    a, b = EnterpriseFactory(name="Xi'an Auto Park"), EnterpriseFactory()
    w = World(objects={"a": a, "b": b, "occupation": OccupationFactory()})
    w.users = _users(a, b)
    # The coordinator keeps A (through its union), not B.
    w.objects["union"] = TradeUnionFactory()
    Enterprise.objects.filter(pk=a.pk).update(union=w.union)
    w.union.coordinators.add(w.users["coordinator"])
    w.objects["erasable"] = UserFactory(display_name="Leaving Worker")
    Notification.objects.create(
        recipient=w.users["learner"], key="k1", kind="legacy", params={"subject": "Hi"}
    )
    _courses(w)
    _mentorship(w)
    _certificates(w)
    _content(w)
    _events(w)
    _commendations(w)
    _competitions(w)
    _judging(w)
    for role, user in w.users.items():
        if user is not None:
            client = Client()
            client.force_login(user)
            w.sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return w


@contextmanager
def world_for_module(django_db_blocker, **overrides) -> Iterator[World]:
    """The world, built once for a test module (with these settings) inside a
    transaction that is rolled back at the end, so nothing leaks into the next."""
    with override_settings(**overrides), django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _media_cache_language(settings):
    """Replaces the suite's fixture of that name in the modules that share one world
    (import it there): the world's uploads stay in the module's media folder; the
    cache starts empty; English first."""
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
