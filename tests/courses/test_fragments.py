"""Fragments (lms/fragments.py, courses/views/fragments.py): what every reader of the
lesson and course pages sees is rendered once and kept; what is personal (done
marks, enrolment, quiz attempts, a form's CSRF token) never comes from another
reader's render; publishing changes what is shown at once; each language keeps its
own fragments; an editor's preview is never kept."""

import json
import re

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.middleware.csrf import _unmask_cipher_token
from django.utils import translation
from wagtail.blocks.stream_block import StreamValue

from courses.services.enrollment import enrollment_create
from courses.services.progress import lesson_complete
from courses.services.quizzes import quiz_attempt_submit
from lms import fragments
from tests.courses import factories as f
from tests.lms.factories import UserFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def two_learners(loom_course, learner):
    """``learner`` has done the first lesson and failed the quiz once; ``other``
    has just enrolled."""
    from lms.roles import Role

    other = UserFactory(roles=[Role.LEARNER])
    first, second = loom_course.get_children().specific()
    done = enrollment_create(user=learner, course=loom_course)
    lesson_complete(enrollment=done, lesson=first)
    quiz_attempt_submit(
        enrollment=done,
        lesson=second,
        quiz_id="quiz1",
        answers=f.WRONG,
        attempt_number=1,
    )
    enrollment_create(user=other, course=loom_course)
    return learner, other, first, second


def signed_in(client_class, user):
    client = client_class()
    client.force_login(user)
    return client


def csrf_secret(client) -> str:
    """The secret behind the tokens of this client's forms (its CSRF cookie)."""
    return client.cookies["csrftoken"].value


def test_the_second_reader_gets_their_own_marks_attempts_and_csrf_tokens(
    two_learners,
):
    """One learner renders the lesson (fragments kept); the other, served from
    those fragments, sees no done mark, no attempt, and only tokens of their own."""
    from django.test import Client

    learner, other, first, second = two_learners
    theirs = signed_in(Client, learner)
    mine = signed_in(Client, other)
    seen_first = theirs.get(second.url).content.decode()
    assert "Attempt 1:" in seen_first and "outline-lesson done" in seen_first
    html = mine.get(second.url).content.decode()
    assert "Attempt 1:" not in html
    assert "outline-lesson done" not in html and "(done)" not in html
    tokens = TOKEN.findall(html)
    assert tokens, "the quiz, sign-out and switches each carry a token"
    assert {_unmask_cipher_token(t) for t in tokens} == {csrf_secret(mine)}
    assert csrf_secret(mine) != csrf_secret(theirs)


def test_the_course_page_list_follows_each_readers_enrolment(two_learners, client):
    """The lesson list is kept once: linked and marked for the learner who did the
    first lesson, plain for a visitor who is not enrolled."""
    from django.test import Client

    learner, _other, first, _second = two_learners
    course = first.get_parent().specific
    html = signed_in(Client, learner).get(course.url).content.decode()
    assert f'href="{first.url}"' in html and "badge ok" in html
    anonymous = client.get(course.url).content.decode()
    assert f'href="{first.url}"' not in anonymous
    assert ">Done<" not in anonymous


def test_the_lesson_body_is_rendered_once_for_two_readers(two_learners, monkeypatch):
    from django.test import Client

    learner, other, _first, second = two_learners
    rendered = []
    original = StreamValue.StreamChild.render_as_block

    def counting(self, context=None):
        rendered.append(self.block_type)
        return original(self, context=context)

    monkeypatch.setattr(StreamValue.StreamChild, "render_as_block", counting)
    signed_in(Client, learner).get(second.url)
    signed_in(Client, other).get(second.url)
    assert rendered == ["text"]  # the quiz and task are rendered per reader


def test_publishing_a_lesson_shows_its_new_body_and_title_at_once(
    two_learners, django_capture_on_commit_callbacks
):
    from django.test import Client

    learner, _other, first, _second = two_learners
    client = signed_in(Client, learner)
    assert "Keep the shed clear." in client.get(first.url).content.decode()
    first.body = json.dumps([f.text_block("<p>Oil the heddles first.</p>")])
    first.title = "Heddles"
    with django_capture_on_commit_callbacks(execute=True):
        first.save_revision().publish()
    html = client.get(first.url).content.decode()
    assert "Oil the heddles first." in html and "Keep the shed clear." not in html
    assert ">Heddles</a>" in html  # the outline's entry too


def test_publishing_a_course_changes_its_kept_head(
    two_learners, django_capture_on_commit_callbacks
):
    from django.test import Client

    learner, _other, first, _second = two_learners
    course = first.get_parent().specific
    client = signed_in(Client, learner)
    assert "How to look after a loom." in client.get(course.url).content.decode()
    course.summary = "Loom care for night shifts."
    with django_capture_on_commit_callbacks(execute=True):
        course.save_revision().publish()
    html = client.get(course.url).content.decode()
    assert "Loom care for night shifts." in html


def test_each_language_keeps_its_own_fragments(two_learners):
    """The English render is kept; the Chinese page of the same lesson is not
    served from it."""
    from django.test import Client

    learner, _other, first, _second = two_learners
    course = first.get_parent().specific
    f.translate(course.get_parent().specific)
    zh_course = f.translate(course, title="织机保养")
    zh_first = f.translate(first, title="入门")
    client = signed_in(Client, learner)
    assert ">Intro</a>" in client.get(first.url).content.decode()
    html = client.get(zh_first.url).content.decode()
    assert ">入门</a>" in html and ">Intro</a>" not in html
    assert "织机保养" in client.get(zh_course.url).content.decode()


def test_a_preview_is_never_kept(two_learners, rf):
    """An editor's preview (a draft under the live page's id and revision) is
    rendered every time and leaves nothing for the live page to find."""
    _learner, _other, first, _second = two_learners
    renders = []

    def render(text):
        renders.append(text)
        return text

    preview = rf.get("/")
    preview.is_preview = True
    assert fragments.html("body", lambda: render("DRAFT"), page=first, request=preview)
    fragments.html("body", lambda: render("DRAFT"), page=first, request=preview)
    live = fragments.html(
        "body", lambda: render("LIVE"), page=first, request=rf.get("/")
    )
    assert live == "LIVE" and renders == ["DRAFT", "DRAFT", "LIVE"]


def test_a_fragment_holding_a_csrf_token_is_refused(rf):
    """A form's token is one person's: keeping one is refused loudly."""
    request = rf.get("/")
    with pytest.raises(ImproperlyConfigured, match="CSRF"):
        fragments.html(
            "form",
            lambda: '<input type="hidden" name="csrfmiddlewaretoken" value="x">',
            request=request,
        )


def test_the_key_changes_with_revision_language_and_host(two_learners, rf, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    _learner, _other, first, _second = two_learners
    base = fragments.key("x", page=first, request=rf.get("/"))
    first.latest_revision_id = (first.latest_revision_id or 0) + 1
    assert fragments.key("x", page=first, request=rf.get("/")) != base
    with translation.override("zh-hans"):
        assert fragments.key("x", page=first, request=rf.get("/")) != base
    other_host = rf.get("/", HTTP_HOST="other.example")
    assert fragments.key("x", page=first, request=other_host) != base
