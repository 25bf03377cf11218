"""What one simulated learner does, as a state machine that knows nothing of HTTP
libraries: a generator that yields ``Request`` (and receives the ``Response``) or
``Think`` (a pause). ``bench/locustfile.py`` drives it with locust against gunicorn;
``tests/bench/test_scenario.py`` drives it with Django's test client. Each learner
keeps its own state: its session and CSRF cookies, the course it is on, the lesson,
the attempt number the quiz form gave it, what it has submitted.

Two kinds:

- ``learner_walk``: "my learning", then one of the learner's own courses: the course
  page, each lesson in order (the quiz answered from the form the page gave, right
  or wrong by chance, again while attempts are left and it failed; the lesson marked
  complete), "my learning" again, the next course; think time between pages.
- ``exam_taker``: opens the exam lesson, answers, submits (some send the same form
  twice, a double click), reads the result; some who failed try once more.

The plan of a learner (``bench.learners.plan``) gives its session cookie, its CSRF
cookie and the addresses of its courses, lessons and exam. The answers come from the
generated quizzes' key (``bench.generation.quizzes``)."""

from __future__ import annotations

import html
import random
import re
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field

from bench.generation.quizzes import answers, passes

QUIZ_FORM = re.compile(
    r'<form method="post" action="(?P<action>[^"]*/quizzes/(?P<quiz>[^/"]+)/)">'
    r"(?P<body>.*?)</form>",
    re.S,
)
COMPLETE_FORM = re.compile(
    r'<form method="post" action="([^"]*/lessons/\d+/complete/)"'
)
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ATTEMPT_INPUT = re.compile(r'name="attempt" value="(\d+)"')


@dataclass
class Request:
    method: str
    path: str
    name: str  # the row it is counted under
    data: list[tuple[str, str]] | None = None
    expect: tuple[int, ...] = (200,)


@dataclass
class Response:
    status: int
    text: str = ""
    location: str = ""


@dataclass
class Think:
    seconds: float


@dataclass
class Ledger:
    """What a learner did, to check against the database afterwards."""

    forms: set = field(default_factory=set)  # (quiz id, attempt number) submitted
    posts: int = 0  # quiz submissions sent, repeats included
    unexpected: list = field(default_factory=list)  # (name, status)


Step = Request | Think


def quiz_form(text: str) -> dict | None:
    """The quiz form on a lesson page: its address, quiz id, attempt number and
    CSRF token; None when the page shows no form (passed, no attempts left)."""
    found = QUIZ_FORM.search(text)
    if not found:
        return None
    body = found["body"]
    token, attempt = CSRF_INPUT.search(body), ATTEMPT_INPUT.search(body)
    if not token or not attempt:
        return None
    return {
        "action": html.unescape(found["action"]),
        "quiz": found["quiz"],
        "attempt": attempt[1],
        "csrf": token[1],
    }


def complete_form(text: str) -> dict | None:
    found = COMPLETE_FORM.search(text)
    if not found:
        return None
    token = CSRF_INPUT.search(text, found.end())
    return {"action": html.unescape(found[1]), "csrf": token[1] if token else ""}


def _think(rng: random.Random, think: Sequence[float]) -> Think:
    return Think(rng.uniform(*think))


def _answer(form, rng, right_chance: float):
    right = [rng.random() < right_chance for _ in range(3)]
    data = [("csrfmiddlewaretoken", form["csrf"]), ("attempt", form["attempt"])]
    return data + answers(form["quiz"], right), passes(right)


def _checked(ledger: Ledger, request: Request, response: Response) -> Response:
    if response.status not in request.expect:
        ledger.unexpected.append((request.name, response.status))
    return response


def learner_walk(
    plan: dict,
    *,
    rng: random.Random,
    think: Sequence[float] = (0.0, 0.0),
    right_chance: float = 0.85,
    ledger: Ledger | None = None,
) -> Generator[Step, Response | None, None]:
    """Walks the learner's courses lesson by lesson, for ever (the driver stops it)."""
    ledger = ledger if ledger is not None else Ledger()
    courses = plan["courses"]
    turn = rng.randrange(len(courses)) if courses else 0
    while courses:
        request = Request("GET", plan["my_learning"], "my learning")
        _checked(ledger, request, (yield request))
        yield _think(rng, think)
        course = courses[turn % len(courses)]
        turn += 1
        request = Request("GET", course["url"], "course page")
        _checked(ledger, request, (yield request))
        yield _think(rng, think)
        for lesson in course["lessons"]:
            request = Request("GET", lesson, "lesson page")
            page = _checked(ledger, request, (yield request))
            yield _think(rng, think)
            form = quiz_form(page.text) if page.status == 200 else None
            while form is not None:
                data, passed = _answer(form, rng, right_chance)
                request = Request(
                    "POST", form["action"], "quiz submit", data, expect=(302,)
                )
                ledger.forms.add((form["quiz"], form["attempt"]))
                ledger.posts += 1
                sent = _checked(ledger, request, (yield request))
                if sent.status == 302 and sent.location:
                    request = Request("GET", sent.location, "quiz result")
                    _checked(ledger, request, (yield request))
                    yield _think(rng, think)
                if passed or sent.status != 302:
                    break
                request = Request("GET", lesson, "lesson page")  # try again
                page = _checked(ledger, request, (yield request))
                yield _think(rng, think)
                form = quiz_form(page.text) if page.status == 200 else None
            done = complete_form(page.text) if page.status == 200 else None
            if done is not None:
                data = [("csrfmiddlewaretoken", done["csrf"])]
                request = Request(
                    "POST", done["action"], "lesson complete", data, expect=(302,)
                )
                _checked(ledger, request, (yield request))
                yield _think(rng, think)


def exam_taker(
    plan: dict,
    *,
    rng: random.Random,
    think: Sequence[float] = (0.0, 0.0),
    right_chance: float = 0.85,
    twice_chance: float = 0.2,
    retry_chance: float = 0.5,
    ledger: Ledger | None = None,
) -> Generator[Step, Response | None, None]:
    """One exam: open, answer (thinking), submit (sometimes twice), read the
    result; after a failure, sometimes a second attempt. Then it ends."""
    ledger = ledger if ledger is not None else Ledger()
    for attempt in range(2):
        request = Request("GET", plan["exam"], "exam: open")
        page = _checked(ledger, request, (yield request))
        form = quiz_form(page.text) if page.status == 200 else None
        if form is None:
            return
        yield _think(rng, think)  # reading and answering
        data, passed = _answer(form, rng, right_chance)
        ledger.forms.add((form["quiz"], form["attempt"]))
        sends = 2 if rng.random() < twice_chance else 1
        sent = None
        for n in range(sends):
            request = Request(
                "POST",
                form["action"],
                "exam: submit" if n == 0 else "exam: submit again",
                data,
                expect=(302,),
            )
            ledger.posts += 1
            sent = _checked(ledger, request, (yield request))
        if sent.status == 302 and sent.location:
            request = Request("GET", sent.location, "exam: result")
            _checked(ledger, request, (yield request))
        if passed or attempt or rng.random() >= retry_chance:
            return
        yield _think(rng, (think[0] / 4, think[1] / 4))


def sign_in(email: str, password: str, *, login_path: str, then: str):
    """A real sign-in through allauth: the form, the POST, then ``then`` (the
    driver keeps the cookies it is given, so the new session follows)."""
    request = Request("GET", login_path, "sign-in: form")
    page = yield request
    token = CSRF_INPUT.search(page.text)
    data = [
        ("csrfmiddlewaretoken", token[1] if token else ""),
        ("login", email),
        ("password", password),
    ]
    sent = yield Request("POST", login_path, "sign-in: post", data, expect=(302,))
    landed = yield Request("GET", then, "sign-in: my learning")
    return sent.status, landed.status


def drive(steps: Generator, send, pause) -> object:
    """Runs a state machine: ``send(Request) -> Response``, ``pause(seconds)``.
    Returns what the machine returns."""
    reply = None
    while True:
        try:
            step = steps.send(reply)
        except StopIteration as stop:
            return stop.value
        if isinstance(step, Think):
            pause(step.seconds)
            reply = None
        else:
            reply = send(step)
