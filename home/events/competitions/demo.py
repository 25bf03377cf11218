"""Demo of a skills competition, loaded by ``home.events.demo``: the Jiangsu textile
and chemical fibre workers' skills competition at the Hengli base (from the seeds),
for spinners. Demo enterprises' HR enter their workers, the entrants sit the "AI +
Textile" course's first quiz as the theory round, a judging panel scores the
practical round and signs off, and the organiser publishes: the winner's ladder
shows the placing and each placing has a certificate. Everything goes through the
services; safe to run again."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from courses.models import CoursePage, Enrollment, LessonPage, QuizAttempt
from courses.services.enrollment import enrollment_create
from courses.services.quizzes import quiz_attempt_submit
from home.events.competitions import services
from home.events.competitions.models import Competition, CompetitionEntry
from home.events.judging import services as judging
from home.events.judging.models import Panel, Score
from lms.demo import demo_person, demo_user
from lms.models import Occupation, SkillLevel, User
from lms.roles import Role
from lms.services.accounts import role_grant

NAME = (
    "Jiangsu Textile and Chemical Fibre Workers' Skills Competition 2026 — Spinning",
    "2026年江苏省纺织化纤行业职工职业技能竞赛（纺纱工）",
)
OCCUPATION = "6-04-01-01"  # spinner
COURSE, QUIZ_LESSON = "ai-textile", 0  # the first lesson's quiz is the theory round
# entrant: (HR who enters them, answers right per attempt: best of them counts)
ENTRANTS = {
    "learner": ("hr2", [2]),
    "liu_xia": ("hr2", [2]),
    "zhao_lei": ("hr2", [1]),
    "sun_mei": ("hr2", [1]),
    "wu_gang": ("hr", [0, 2]),
}


# The practical round's panel: (e-mail, (name, surname, given name)); the first
# chairs it, the others judge.
PANEL = [
    ("chair.hengli@demo.craftskills.cn", ("钱建国", "Qian", "Jianguo")),
    ("judge.spinning1@demo.craftskills.cn", ("沈丽华", "Shen", "Lihua")),
    ("judge.spinning2@demo.craftskills.cn", ("顾志强", "Gu", "Zhiqiang")),
    ("judge.spinning3@demo.craftskills.cn", ("陆晓燕", "Lu", "Xiaoyan")),
]
SHEET = [  # (name, Chinese, weight, highest score)
    ("Yarn quality", "成纱质量", Decimal(4), Decimal(10)),
    ("Piecing speed and technique", "接头速度与操作", Decimal(4), Decimal(10)),
    ("Safety and housekeeping", "安全与文明生产", Decimal(2), Decimal(10)),
]
# Every judge's marks per entrant (in ENTRANTS order), one per criterion.
MARKS = {
    "learner": (9.5, 9.0, 9.5),
    "liu_xia": (9.0, 9.5, 8.5),
    "zhao_lei": (8.5, 8.0, 9.0),
    "sun_mei": (8.0, 8.5, 8.0),
    "wu_gang": (7.5, 8.0, 9.0),
}
# A judge's own differences, so the trimmed means are not all round numbers.
JUDGE_SHIFT = (Decimal("0"), Decimal("-0.5"), Decimal("0.5"))


def _person(key: str) -> User:
    from lms.certification.demo import EXTRA_WORKERS

    if key in EXTRA_WORKERS:
        return User.objects.get(email=EXTRA_WORKERS[key][0])
    return demo_user(key)


def load(*, stdout) -> Competition | None:
    course = CoursePage.objects.filter(slug=COURSE, locale__language_code="en").first()
    if course is None:
        return None
    lesson = list(LessonPage.objects.child_of(course).order_by("path"))[QUIZ_LESSON]
    quiz = next(b for b in lesson.body if b.block_type == "quiz")
    now = timezone.now()
    competition = Competition.objects.filter(name=NAME[0]).first()
    if competition is None:
        competition = Competition.objects.create(
            name=NAME[0],
            name_zh=NAME[1],
            occupation=Occupation.objects.get(code=OCCUPATION),
            organiser=demo_user("organiser"),
            level=SkillLevel.SENIOR_WORKER,
            entries_open_at=now - datetime.timedelta(days=30),
            entries_close_at=now + datetime.timedelta(days=1),
            theory_lesson=lesson,
            theory_quiz_id=quiz.id,
            theory_opens_at=now - datetime.timedelta(days=30),
            theory_closes_at=now + datetime.timedelta(days=1),
            theory_weight=30,
            placings_count=3,
        )
    for key, (hr, rights) in ENTRANTS.items():
        worker = _person(key)
        if not CompetitionEntry.objects.filter(
            competition=competition, worker=worker
        ).exists():
            services.competition_entry_create(
                user=demo_user(hr), competition=competition, worker=worker
            )
        _sit_theory(worker, course, lesson, quiz, rights)
    _practical_round(competition)
    if not competition.is_published:
        services.competition_publish(
            user=competition.organiser, competition=competition
        )
        competition.refresh_from_db()
    stdout.write(
        f"competitions: 1 competition, {competition.entries.count()} entrants, "
        f"{competition.placings.count()} placings published"
    )
    return competition


def _panel_people() -> list[User]:
    people = []
    for n, (email, name) in enumerate(PANEL):
        user, _created = demo_person(email, name)
        role_grant(user=user, role=Role.CHAIR if n == 0 else Role.JUDGE)
        people.append(user)
    return people


def _practical_round(competition: Competition) -> None:
    """The panel set up, every judge's scores, closed, revealed and signed off."""
    chair, *judges = _panel_people()
    competition.refresh_from_db()
    if competition.practical_panel_id is None:
        sheet = judging.sheet_create(
            name="Spinning practical",
            name_zh="细纱实操评分表",
            criteria=[
                {"name": n, "name_zh": zh, "weight": w, "max_score": top}
                for n, zh, w, top in SHEET
            ],
        )
        services.competition_practical_panel_create(
            user=competition.organiser,
            competition=competition,
            sheet=sheet,
            chair=chair,
            judges=judges,
        )
        competition.refresh_from_db()
    panel = competition.practical_panel
    criteria = list(panel.sheet.criteria.order_by("sort_order", "pk"))
    seats = list(panel.judges.select_related("user").order_by("sort_order"))
    people = {_person(key).pk: key for key in ENTRANTS}
    for contestant in panel.contestants.order_by("sort_order"):
        marks = MARKS[people[contestant.person_id]]
        for seat, shift in zip(seats, JUDGE_SHIFT, strict=False):
            if Score.objects.filter(judge=seat, contestant=contestant).exists():
                continue
            judging.score_submit(
                user=seat.user,
                contestant=contestant,
                values={
                    c.pk: min(Decimal(str(m)) + shift, c.max_score)
                    for c, m in zip(criteria, marks, strict=True)
                },
            )
    steps = {
        Panel.Status.OPEN: judging.panel_close,
        Panel.Status.CLOSED: judging.panel_reveal,
        Panel.Status.REVEALED: judging.panel_sign_off,
    }
    while panel.status in steps:  # a second load finds it signed off
        panel = steps[panel.status](user=chair, panel=panel)


def _answers(quiz, right: int) -> dict[str, list[str]]:
    """The first ``right`` questions answered rightly, the rest wrongly."""
    answers = {}
    for n, question in enumerate(quiz.value["questions"]):
        good = n < right
        value = question.value
        if question.block_type == "true_false":
            truth = value["answer"]
            answers[question.id] = [
                truth if good else {"true": "false"}.get(truth, "true")
            ]
        else:  # single or multiple choice
            options = value["options"].bound_blocks
            chosen = [o.id for o in options if o.value["correct"] == good]
            answers[question.id] = chosen[:1] if not good else chosen
    return answers


def _sit_theory(worker, course, lesson, quiz, rights: list[int]) -> None:
    if QuizAttempt.objects.filter(
        enrollment__user=worker, lesson=lesson, quiz_id=quiz.id
    ).exists():
        return
    enrollment = Enrollment.objects.filter(
        user=worker, course=course
    ).first() or enrollment_create(user=worker, course=course)
    for number, right in enumerate(rights, start=1):
        quiz_attempt_submit(
            enrollment=enrollment,
            lesson=lesson,
            quiz_id=quiz.id,
            answers=_answers(quiz, right),
            attempt_number=number,
        )
