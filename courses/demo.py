"""Demo content of this app, loaded by ``manage.py load_demo``: the catalogue, the
"AI + Textile" course and two courses of other trades, their Simplified Chinese
translations (wagtail-localize translations of the English pages), and a demo learner
on them. Safe to run again: pages are found by
slug, translations by translation key and locale, enrolments through the services."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Locale, Page

from courses import demo_content as content
from courses import demo_content_zh as content_zh
from courses.models import CoursePage, Enrollment, LessonPage
from courses.services.catalogue import catalogue_ensure
from courses.services.enrollment import enrollment_assign, enrollment_create
from courses.services.progress import lesson_complete, lesson_view
from lms.demo import demo_user
from lms.illustrations.images import illustration_image
from lms.models import Industry, Occupation
from lms.services.pages import (
    page_translation_get_or_create,
    page_translation_register,
)

OCCUPATIONS = {
    "6-04-01-01": ("Spinner", "纺纱工", "textile"),
    "6-04-02-01": ("Weaver", "织布工", "textile"),
    "6-04-05-01": ("Textile machinery fitter", "纺织机械操作工", "textile"),
    "6-18-02-04": ("Welder", "焊工", "automotive"),
    "6-18-01-07": ("CNC machining-centre operator", "加工中心操作工", "aerospace"),
}

COURSES = [
    {
        "slug": "ai-textile",
        "title": "AI + Textile: intelligent spinning and weaving",
        "summary": "How artificial intelligence helps spinners, weavers and "
        "fitters: machine-vision fabric inspection, predictive maintenance of "
        "looms, reading line dashboards, and working safely beside automated lines. "
        "From the textile-industry studio alliance's learning programme.",
        "industry": "textile",
        "occupation": "6-04-05-01",
        "level": 3,  # 四级
        "hours": Decimal("8.0"),
        "certificate": True,
        "instructors": ["mentor", "mentor2"],
        "outcomes": "<ul><li>Explain what AI systems in a mill do and what they "
        "need from you</li><li>Confirm or reject fabric-defect alarms</li><li>Read "
        "vibration and stop trends and raise a maintenance request</li><li>Lock "
        "out an automated machine before clearing a jam</li></ul>",
        "lessons": content.AI_TEXTILE,
    },
    {
        "slug": "welding-robot-operation",
        "title": "Welding-robot operation",
        "summary": "Operate and teach an arc-welding robot cell safely: the cell "
        "and its safety zone, teaching a weld path, and finding the cause of "
        "porosity. Taught by Yi Ran, national master craftswoman.",
        "industry": "automotive",
        "occupation": "6-18-02-04",
        "level": 4,  # 三级
        "hours": Decimal("12.0"),
        "certificate": True,
        "instructors": ["mentor"],
        "outcomes": "<ul><li>Work in a robot cell in teach mode safely</li><li>Teach "
        "and dry-run a fillet weld</li><li>Find the cause of porosity</li></ul>",
        "lessons": content.WELDING_ROBOT,
    },
    {
        "slug": "cnc-valve-body-hole-systems",
        "title": "Precision CNC machining of valve-body hole systems",
        "summary": "Han Liping's method for complex intersecting hole systems in "
        "valve bodies for aerospace launch equipment: reading the drawing, one "
        "set-up, pilot drilling and burr-free intersections.",
        "industry": "aerospace",
        "occupation": "6-18-01-07",
        "level": 5,  # 二级
        "hours": Decimal("16.0"),
        "certificate": True,
        "instructors": ["mentor2"],
        "outcomes": "<ul><li>Find the datums and critical holes on a drawing</li>"
        "<li>Machine an intersecting hole pair without a burr</li></ul>",
        "lessons": content.CNC_VALVE,
    },
]


# Drawn pictures (``lms.illustrations``): each course's cover, and a diagram for
# the lessons that teach from text, by lesson position, with its text alternative.
COVERS = {
    "ai-textile": ("loom", 0),
    "welding-robot-operation": ("welding_cell", 1),
    "cnc-valve-body-hole-systems": ("valve_body", 5),
}
DIAGRAMS = {
    "ai-textile": [
        ("spinning", 0),
        ("fabric_defect", 1),
        ("loom", 2),
        ("workshop", 0),
        ("loom", 0),
    ],
    "welding-robot-operation": [
        ("welding_cell", 3),
        ("welding_cell", 5),
        ("welding_cell", 3),
    ],
    "cnc-valve-body-hole-systems": [("workshop", 4), ("valve_body", 4)],
}
DIAGRAM_ALT = {
    "spinning": (
        "A ring-spinning frame: a row of spindles and bobbins below the drafting "
        "rollers.",
        "环锭细纱机：牵伸罗拉下方的一排锭子和纱管。",
    ),
    "fabric_defect": (
        "Woven fabric with a broken warp end, ringed in red by the inspection "
        "camera above it.",
        "布面上有一根断经，上方的检测相机用红圈把它标了出来。",
    ),
    "loom": (
        "Two weaving looms, warp threads running through the heddles to the cloth "
        "beam, and the weaver between them.",
        "两台织机，经纱穿过综框通向卷布辊，挡车工站在两台织机之间。",
    ),
    "workshop": (
        "A class in the workshop: the trainer beside a drawing of the part on the "
        "board, the learners in rows.",
        "车间里的培训课：培训师站在画着零件图的白板旁，学员们坐成几排。",
    ),
    "welding_cell": (
        "A welding-robot cell behind its safety fence: the robot arm welds a part "
        "on the positioner table.",
        "安全围栏内的焊接机器人工作站：机械臂正在变位机工作台上焊接工件。",
    ),
    "valve_body": (
        "A valve body clamped on the machine table, with its intersecting bores and "
        "the drill coming down with coolant.",
        "装夹在机床工作台上的阀体，可见相交的孔系，钻头在冷却液中向下加工。",
    ),
}


def _picture(subject: str, variant: int):
    return illustration_image(
        title=f"Illustration · {subject} {variant}", subject=subject, variant=variant
    )


def _with_diagram(blocks: list[dict], slug: str, n: int, lang: str) -> list[dict]:
    """The lesson body with its diagram: after the opening text, or first."""
    diagrams = DIAGRAMS.get(slug, [])
    if n >= len(diagrams) or any(b["type"] == "image" for b in blocks):
        return blocks
    subject, variant = diagrams[n]
    alt = DIAGRAM_ALT[subject][0 if lang == "en" else 1]
    block = {
        "type": "image",
        "id": content.bid("diagram", slug, str(n)),
        "value": {"image": _picture(subject, variant).pk, "alt": alt, "caption": ""},
    }
    at = 1 if blocks and blocks[0]["type"] == "text" else 0
    return [*blocks[:at], block, *blocks[at:]]


def _chinese_diagram(blocks: list[dict]) -> list[dict]:
    """The Chinese lesson's diagram with its Chinese text alternative."""
    by_english = {en: zh for en, zh in DIAGRAM_ALT.values()}
    return [
        {**b, "value": {**b["value"], "alt": by_english[b["value"]["alt"]]}}
        if b["type"] == "image" and b["value"]["alt"] in by_english
        else b
        for b in blocks
    ]


def _occupations() -> dict[str, Occupation]:
    found = {}
    for code, (name, name_zh, industry_code) in OCCUPATIONS.items():
        industry, _ = Industry.objects.get_or_create(
            code=industry_code, defaults={"name": industry_code.title()}
        )
        found[code], _ = Occupation.objects.get_or_create(
            code=code,
            defaults={"name": name, "name_zh": name_zh, "industry": industry},
        )
    return found


def _course(index, spec: dict, occupations) -> CoursePage:
    course = CoursePage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if course is None:
        course = CoursePage(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            industry=occupations[spec["occupation"]].industry,
            occupation=occupations[spec["occupation"]],
            skill_level=spec["level"],
            estimated_hours=spec["hours"],
            learning_outcomes=spec["outcomes"],
            issues_certificate=spec["certificate"],
            cover_image=_picture(*COVERS[spec["slug"]]),
        )
        index.add_child(instance=course)
        course.instructors.set([demo_user(key) for key in spec["instructors"]])
        course.save_revision().publish()
    for n, (title, module, minutes, blocks) in enumerate(spec["lessons"]):
        if LessonPage.objects.child_of(course).filter(title=title).exists():
            continue
        lesson = LessonPage(
            title=title,
            module=module,
            estimated_minutes=minutes,
            body=json.dumps(_with_diagram(blocks, spec["slug"], n, "en")),
        )
        course.add_child(instance=lesson)
        lesson.save_revision().publish()
    return course


def _translated(page: Page, locale: Locale, fill) -> Page:
    """The wagtail-localize translation of ``page`` in ``locale``: a new copy is
    filled in by ``fill(page)``, published and registered (its words become the
    translated strings); an existing one is left as it is (and registered)."""
    translation, created = page_translation_get_or_create(page=page, locale=locale)
    if created:
        fill(translation)
        translation.save_revision().publish()
    page_translation_register(source=page, target=translation)
    return translation


def _translate_all(index, courses: dict[str, CoursePage]) -> None:
    """The catalogue and every demo course with all its lessons in Chinese."""
    zh = Locale.objects.get(language_code="zh-hans")

    def fill_index(page):
        page.title = content_zh.CATALOGUE["title"]
        page.intro = content_zh.CATALOGUE["intro"]

    _translated(index, zh, fill_index)
    for slug, course in courses.items():
        words = content_zh.COURSES[slug]

        def fill_course(page, words=words):
            page.title, page.summary = words["title"], words["summary"]
            page.learning_outcomes = words["outcomes"]

        _translated(course, zh, fill_course)
        english = next(spec["lessons"] for spec in COURSES if spec["slug"] == slug)
        by_title = {
            title: lesson_zh
            for (title, *_rest), lesson_zh in zip(
                english, content_zh.LESSONS[slug], strict=True
            )
        }
        for lesson in LessonPage.objects.child_of(course).order_by("path"):
            if lesson.title not in by_title:
                continue  # a lesson the demo did not write

            def fill_lesson(page, words=by_title[lesson.title]):
                page.title, page.module = words["title"], words["module"]
                page.body = json.dumps(
                    _chinese_diagram(
                        content_zh.translate_body(page.body.raw_data, words["blocks"])
                    )
                )

            _translated(lesson, zh, fill_lesson)


def load(*, stdout, parent: Page) -> None:
    """``parent``: the English page the catalogue goes under (the home app's home
    page; courses imports nothing of home)."""
    index = catalogue_ensure(
        parent=parent,
        title="Courses",
        slug="courses",
        intro="Courses written with model workers and master craftsmen, for the "
        "workshop floor.",
    )
    occupations = _occupations()
    courses = {spec["slug"]: _course(index, spec, occupations) for spec in COURSES}
    _translate_all(index, courses)

    learner = demo_user("learner")
    textile = courses["ai-textile"]
    enrollment = enrollment_create(user=learner, course=textile)
    lessons = list(LessonPage.objects.live().child_of(textile).order_by("path"))
    if enrollment.status == "active":
        for lesson in lessons[:2]:
            lesson_complete(enrollment=enrollment, lesson=lesson)
        lesson_view(enrollment=enrollment, lesson=lessons[2])

    # The apprentice's HR assigns the welding-robot course, once, due in a month.
    welding = courses["welding-robot-operation"]
    apprentice = demo_user("apprentice")
    if not Enrollment.objects.filter(user=apprentice, course=welding).exists():
        enrollment_assign(
            actor=demo_user("hr"),
            person=apprentice,
            course=welding,
            due_on=timezone.localdate() + datetime.timedelta(days=30),
        )
    stdout.write(f"Courses: {len(courses)}, lessons: {LessonPage.objects.count()}")
