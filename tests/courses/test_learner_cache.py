"""The per-person page cache (lms/page_cache.py, UserPageCacheMiddleware): a signed-in
learner's catalogue, course, lesson and my-learning pages are served from the cache
to the same person only, and every write that changes what they see makes the next
page fresh."""

import datetime
import re

import pytest
from django.contrib import messages
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.urls import reverse

from courses.models import Enrollment, LessonProgress
from courses.services.enrollment import (
    enrollment_assign,
    enrollment_create,
    enrollment_leave,
)
from courses.services.practicals import practical_decide, practical_submit
from courses.services.progress import lesson_complete
from courses.services.quizzes import quiz_attempt_submit
from lms import page_cache
from lms.models import Notification, SkillCertificate
from lms.roles import Role
from lms.services.accounts import membership_add, role_grant, user_set_language
from lms.services.notifications import notification_send
from tests.courses import factories as f
from tests.lms.factories import EnterpriseFactory, OccupationFactory, UserFactory

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')
HIT = "X-Page-Cache"


@pytest.fixture(autouse=True)
def cache_on(settings):
    settings.USER_PAGE_CACHE_SECONDS = 300


@pytest.fixture
def enrolled(learner, loom_course):
    return enrollment_create(user=learner, course=loom_course)


@pytest.fixture
def person(learner):
    client = Client()
    client.force_login(learner)
    return client


def pages(course) -> dict[str, str]:
    lessons = course.get_children().specific()
    return {
        "course": course.url,
        "lesson": lessons[0].url,
        "lesson with quiz": lessons[1].url,
        "catalogue": course.get_parent().url,
        "my learning": reverse("courses:my_learning"),
    }


def warm(client, url, capture):
    """GETs until the page is stored: the first GET renders it (a lesson opened for
    the first time records the visit, which empties the person's pages once), the
    last one must be a hit."""
    with capture(execute=True):
        first = client.get(url)
    assert first.status_code == 200 and HIT not in first
    with capture(execute=True):
        client.get(url)
    hit = client.get(url)
    assert hit[HIT] == "hit", url
    return hit


@pytest.mark.parametrize(
    "page", ["course", "lesson", "lesson with quiz", "catalogue", "my learning"]
)
def test_the_same_person_gets_a_hit_and_another_person_never_does(
    page, enrolled, loom_course, person, django_capture_on_commit_callbacks
):
    url = pages(loom_course)[page]
    hit = warm(person, url, django_capture_on_commit_callbacks)
    assert "Cookie" in hit["Vary"]
    other_user = UserFactory(roles=[Role.LEARNER], display_name="Other Person")
    enrollment_create(user=other_user, course=loom_course)
    other = Client()
    other.force_login(other_user)
    theirs = other.get(url)
    assert theirs.status_code == 200 and HIT not in theirs
    assert "Other Person" not in hit.content.decode()


def test_a_hit_costs_no_rendering_queries(
    enrolled,
    loom_course,
    person,
    django_capture_on_commit_callbacks,
    django_assert_max_num_queries,
):
    url = pages(loom_course)["course"]
    warm(person, url, django_capture_on_commit_callbacks)
    # The session, the user and their roles (the MFA gate runs before the lookup).
    with django_assert_max_num_queries(3):
        assert person.get(url)[HIT] == "hit"


def test_pages_are_not_cached_when_the_setting_is_off(
    settings, enrolled, loom_course, person
):
    settings.USER_PAGE_CACHE_SECONDS = 0
    url = pages(loom_course)["course"]
    person.get(url)
    assert HIT not in person.get(url)


def test_other_signed_in_pages_are_never_stored(
    learner, person, django_capture_on_commit_callbacks
):
    url = reverse("lms:dashboard")
    with django_capture_on_commit_callbacks(execute=True):
        person.get(url)
    assert HIT not in person.get(url)


def test_the_csrf_token_on_a_hit_is_the_persons_own_and_works(
    enrolled, loom_course, learner, django_capture_on_commit_callbacks
):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    url = pages(loom_course)["lesson"]
    first = warm(client, url, django_capture_on_commit_callbacks)
    assert page_cache.CSRF_PLACEHOLDER not in first.content.decode()
    token = TOKEN.search(first.content.decode()).group(1)
    assert _unmask_cipher_token(token) == client.cookies["csrftoken"].value
    lesson = loom_course.get_children().first()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            reverse("courses:lesson_complete", args=[lesson.pk]),
            {"csrfmiddlewaretoken": token},
        )
    assert done.status_code == 302
    assert LessonProgress.objects.filter(completed_at__isnull=False).count() == 1


def test_a_pending_message_skips_the_cache_and_is_shown(
    learner, loom_course, person, django_capture_on_commit_callbacks
):
    url = pages(loom_course)["course"]
    warm(person, url, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        person.post(reverse("courses:enrol", args=[loom_course.pk]))
    shown = person.get(url)
    assert HIT not in shown
    assert "You are enrolled" in shown.content.decode()
    # The page with the message was not stored: the next one is rendered again.
    assert "You are enrolled" not in person.get(url).content.decode()


def test_a_response_with_a_message_queued_is_not_stored(rf, learner):
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore
    from django.http import HttpResponse

    request = rf.get("/learning/")
    request.user = learner
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    response = page_cache.per_person(HttpResponse("page"))
    assert page_cache._user_response_cacheable(request, response)
    messages.info(request, "Saved")
    assert not page_cache._user_response_cacheable(request, response)


def test_a_learner_who_loses_the_enrolment_sees_it_at_once(
    enrolled, loom_course, person, django_capture_on_commit_callbacks
):
    urls = pages(loom_course)
    warm(person, urls["lesson"], django_capture_on_commit_callbacks)
    warm(person, urls["my learning"], django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        Enrollment.objects.filter(pk=enrolled.pk).delete()
    assert person.get(urls["lesson"]).status_code == 403
    mine = person.get(urls["my learning"])
    assert HIT not in mine and "Loom care" not in mine.content.decode()


def test_a_hit_on_a_lesson_still_records_the_visit(
    enrolled, loom_course, person, django_capture_on_commit_callbacks
):
    url = pages(loom_course)["lesson"]
    warm(person, url, django_capture_on_commit_callbacks)
    row = LessonProgress.objects.get(enrollment=enrolled)
    LessonProgress.objects.filter(pk=row.pk).update(
        last_viewed_at=row.last_viewed_at - datetime.timedelta(hours=1)
    )
    from django.core.cache import cache

    cache.delete(f"lesson-view-again:{enrolled.pk}:{row.lesson_id}")
    assert person.get(url)[HIT] == "hit"
    row_after = LessonProgress.objects.get(pk=row.pk)
    assert row_after.last_viewed_at > row.last_viewed_at - datetime.timedelta(hours=1)


def test_reopening_the_same_lesson_keeps_the_cache_but_moving_on_empties_it(
    enrolled, loom_course, person, django_capture_on_commit_callbacks
):
    urls = pages(loom_course)
    with django_capture_on_commit_callbacks(execute=True):
        person.get(urls["lesson"])
    warm(person, urls["my learning"], django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        person.get(urls["lesson"])  # a hit: last lesson unchanged
    assert person.get(urls["my learning"])[HIT] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        person.get(urls["lesson with quiz"])  # moved on: "continue" changes
    mine = person.get(urls["my learning"])
    assert HIT not in mine
    second = loom_course.get_children().specific()[1]
    assert second.url in mine.content.decode()


# --- every kind of write makes the person's next page fresh ------------------------


def _lessons(course):
    return list(course.get_children().specific())


def _enrol(learner, course, enrollment):
    enrollment_create(user=UserFactory(), course=course)  # someone else: no change
    Enrollment.objects.filter(pk=enrollment.pk).delete()
    enrollment_create(user=learner, course=course)


def _leave(learner, course, enrollment):
    enrollment_leave(user=learner, enrollment=enrollment)


def _assigned(learner, course, enrollment):
    teacher = course.instructors.first()
    enrollment_assign(
        actor=teacher,
        person=learner,
        course=course,
        due_on=datetime.date.today() + datetime.timedelta(days=3),
    )


def _lesson_done(learner, course, enrollment):
    lesson_complete(enrollment=enrollment, lesson=_lessons(course)[0])


def _quiz(learner, course, enrollment):
    quiz_attempt_submit(
        enrollment=enrollment,
        lesson=_lessons(course)[1],
        quiz_id="quiz1",
        answers=f.WRONG,
        attempt_number=1,
    )


def _practical(learner, course, enrollment):
    practical_submit(
        enrollment=enrollment,
        lesson=_lessons(course)[1],
        task_id="task1",
        text="Done",
        photos=[f.png()],
    )


def _practical_reviewed(learner, course, enrollment):
    from courses.models import PracticalSubmission

    submission = PracticalSubmission.objects.get(enrollment=enrollment)
    practical_decide(
        reviewer=course.instructors.first(), submission=submission, approve=True
    )


def _certificate(learner, course, enrollment):
    from lms.certification.services.certificates import certificate_record

    officer = UserFactory(roles=[Role.OFFICER])
    certificate_record(
        actor=officer,
        holder=learner,
        occupation=OccupationFactory(),
        level=3,
        number="CERT-CACHE-1",
        issuer_kind=SkillCertificate.IssuerKind.OUTSIDE,
        issuer_name="Appraisal centre",
        issued_on=datetime.date(2025, 1, 1),
    )


def _notified(learner, course, enrollment):
    notification_send(
        recipient=learner, key="cache-test", kind="legacy", params={"subject": "Hello"}
    )


def _language(learner, course, enrollment):
    user_set_language(user=learner, language="zh-hans")


def _role(learner, course, enrollment):
    role_grant(user=learner, role=Role.MENTOR)


def _membership(learner, course, enrollment):
    membership_add(user=learner, enterprise=EnterpriseFactory())


def _instructor_renamed(learner, course, enrollment):
    teacher = course.instructors.first()
    teacher.display_name = "Renamed Teacher"
    teacher.save()


def _role_revoked(learner, course, enrollment):
    from lms.services.accounts import role_revoke

    role_revoke(user=learner, role=Role.LEARNER)


def _give_occupation(learner, course, enrollment):
    course.occupation = OccupationFactory()
    course.save_revision().publish()


def _occupation_renamed(learner, course, enrollment):
    occupation = type(course).objects.get(pk=course.pk).occupation
    occupation.name = "Renamed trade"
    occupation.save()


def _made_private(learner, course, enrollment):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.LOGIN
    )


WRITES = {
    "enrolment": _enrol,
    "leaving": _leave,
    "assignment by an instructor": _assigned,
    "lesson progress": _lesson_done,
    "quiz attempt": _quiz,
    "practical submission": _practical,
    "practical review": _practical_reviewed,
    "certificate issued": _certificate,
    "notification": _notified,
    "profile language": _language,
    "role granted": _role,
    "membership": _membership,
    "instructor renamed": _instructor_renamed,
    "role revoked": _role_revoked,
    "trade renamed": _occupation_renamed,
    "page restricted": _made_private,
}


@pytest.mark.parametrize("write", list(WRITES), ids=list(WRITES))
def test_each_write_makes_the_next_page_fresh(
    write, learner, enrolled, loom_course, person, django_capture_on_commit_callbacks
):
    prepare = {"practical review": _practical, "trade renamed": _give_occupation}
    if write in prepare:
        with django_capture_on_commit_callbacks(execute=True):
            prepare[write](learner, loom_course, enrolled)
    urls = pages(loom_course)
    shown = ("course", "lesson with quiz", "my learning")
    for page in shown:
        warm(person, urls[page], django_capture_on_commit_callbacks)
    enrollment = Enrollment.objects.get(pk=enrolled.pk)
    with django_capture_on_commit_callbacks(execute=True):
        WRITES[write](learner, loom_course, enrollment)
    for page in shown:
        assert HIT not in person.get(urls[page]), page


def test_reading_the_inbox_mark_through_the_page_makes_pages_fresh(
    learner, enrolled, loom_course, person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(
            recipient=learner,
            key="read-me",
            kind="legacy",
            params={"subject": "Read me"},
        )
    url = pages(loom_course)["my learning"]
    warm(person, url, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        person.post(reverse("lms:inbox_mark_read"))
    assert Notification.objects.filter(read_at__isnull=True).count() == 0
    assert HIT not in person.get(url)


def test_another_persons_write_leaves_the_cache_alone(
    enrolled, loom_course, person, django_capture_on_commit_callbacks
):
    url = pages(loom_course)["my learning"]
    warm(person, url, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        enrollment_create(user=UserFactory(), course=loom_course)
    assert person.get(url)[HIT] == "hit"


def test_tomorrow_the_pages_are_rendered_again(
    enrolled, loom_course, person, django_capture_on_commit_callbacks, monkeypatch
):
    url = pages(loom_course)["my learning"]
    warm(person, url, django_capture_on_commit_callbacks)
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    monkeypatch.setattr(page_cache.timezone, "localdate", lambda: tomorrow)
    assert HIT not in person.get(url)


def test_a_hit_is_served_only_past_the_two_factor_gate(
    hr_user, loom_course, django_capture_on_commit_callbacks
):
    from allauth.mfa.models import Authenticator

    enrollment_create(user=hr_user, course=loom_course)
    client = Client()
    client.force_login(hr_user)
    url = pages(loom_course)["course"]
    warm(client, url, django_capture_on_commit_callbacks)
    Authenticator.objects.filter(user=hr_user).delete()  # no version bump
    gated = client.get(url)
    assert gated.status_code == 302 and HIT not in gated
