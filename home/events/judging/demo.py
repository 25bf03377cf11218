"""Demo of judging, loaded by ``home.events.demo`` after the conference: the 2nd
Great Country Craftsman conference's roadshow, judged by five demo judges (one from
the No. 7 Cotton Mill, so the mill's presenters are an automatic conflict for her)
with a demo chair, on a sheet of four weighted criteria; eight presenters, fully
scored, one score corrected by the chair, revealed, signed off and published, in
English and Chinese. Everything goes through the services; safe to run again."""

from __future__ import annotations

from decimal import Decimal

from home.events.judging import services
from home.events.judging.models import Panel, TieRule
from home.models import InnovationStudioPage
from lms.demo import demo_user
from lms.models import Enterprise

JUDGES = ["judge", "judge2", "judge3", "judge4", "judge5"]
TITLES = {
    "judge": ("Great country craftsman", "大国工匠"),
    "judge2": ("National model worker", "全国劳动模范"),
}
CRITERIA = [
    ("Innovation", "创新性", 3),
    ("Value created", "创造价值", 3),
    ("Spread and use", "推广应用", 2),
    ("Presentation", "现场展示", 2),
]
BANDS = [
    (1, 1, "Best display", "最佳展示"),
    (2, 4, "Wonderful display", "精彩展示"),
    (5, 8, "Excellent display", "优秀展示"),
]
# (name, enterprise key, studio slug, (English title, Chinese title), base score)
PRESENTERS = [
    (
        "韩利萍",
        "aerospace",
        "han-liping-skills-master-studio",
        ("Operation method for complex valve-body hole systems", "复杂阀体孔系操作法"),
        Decimal("9.1"),
    ),
    (
        "易冉",
        "autopark",
        None,
        ("Quick-change fixture for brake-caliper machining", "制动钳加工快换夹具"),
        Decimal("8.2"),
    ),
    (
        "张兆宏",
        "petrochem",
        "zhang-zhaohong-innovation-studio",
        ("Online leak sealing of high-temperature flanges", "高温法兰带压堵漏法"),
        Decimal("8.8"),
    ),
    (
        "马晓燕",
        "textile",
        "no7-mill-spinning-innovation-studio",
        ("Shorter yarn-breakage handling on ring frames", "细纱断头快速处理法"),
        Decimal("8.6"),
    ),
    (
        "王海涛",
        "aerospace",
        None,
        ("Laser alignment of launch-platform rails", "发射平台导轨激光找正"),
        Decimal("7.9"),
    ),
    (
        "李春生",
        "petrochem",
        None,
        ("Predictive maintenance of reciprocating compressors", "往复式压缩机预知维修"),
        Decimal("8.2"),
    ),
    (
        "黄丽娟",
        "textile",
        None,
        ("Low-waste roving change", "低损耗粗纱换管法"),
        Decimal("7.6"),
    ),
    (
        "吴志刚",
        "autopark",
        None,
        ("Vision check of weld seams on the line", "焊缝在线视觉检测"),
        Decimal("7.3"),
    ),
]
# Each judge's leaning, added to a presenter's base on every criterion.
LEANING = [
    Decimal("0.2"),
    Decimal("-0.3"),
    Decimal("0.0"),
    Decimal("0.4"),
    Decimal("-0.1"),
]
SHAPE = [Decimal("0.3"), Decimal("0.0"), Decimal("-0.4"), Decimal("0.1")]


def load(*, stdout, session) -> None:
    """``session``: the conference's roadshow session (English)."""
    if Panel.objects.filter(session=session).exists():
        stdout.write("judging: the roadshow panel exists already")
        return
    sheet = services.sheet_create(
        name="Craftsman roadshow score sheet",
        name_zh="工匠路演评分表",
        criteria=[
            {"name": en, "name_zh": zh, "weight": Decimal(w)} for en, zh, w in CRITERIA
        ],
    )
    enterprises = _enterprises()
    judges = [
        {
            "user": demo_user(key),
            "title": TITLES.get(key, ("Expert judge", "评审专家"))[0],
        }
        for key in JUDGES
    ]
    panel = services.panel_create(
        name="Craftsman roadshow",
        name_zh="工匠路演",
        sheet=sheet,
        chair=demo_user("chair"),
        judges=judges,
        contestants=[_presenter(p, enterprises) for p in PRESENTERS],
        bands=BANDS,
        session=session,
        tie_rule=TieRule.MEDIAN_FIRST_ORDER,
    )
    made = _score(panel)
    _correct_and_publish(panel)
    stdout.write(
        f"judging: 1 roadshow panel, {len(PRESENTERS)} presenters, {len(JUDGES)} "
        f"judges, {made} scores (revealed, signed off, published)"
    )


def _enterprises() -> dict:
    from lms.demo import ENTERPRISES, credit_code_for

    codes = {credit_code_for(serial): key for key, (*_, serial) in ENTERPRISES.items()}
    return {
        codes[e.credit_code]: e
        for e in Enterprise.objects.filter(credit_code__in=list(codes))
    }


def _presenter(spec, enterprises) -> dict:
    name, enterprise, studio_slug, (title, title_zh), _base = spec
    studio = None
    achievement = None
    if studio_slug:
        studio = InnovationStudioPage.objects.filter(
            slug=studio_slug, locale__language_code="en"
        ).first()
        if studio is not None:
            achievement = studio.achievements.order_by("sort_order").first()
    return {
        "display_name": name,
        "enterprise": enterprises.get(enterprise),
        "studio": studio,
        "achievement": achievement,
        "title": title,
        "title_zh": title_zh,
    }


def _score(panel: Panel) -> int:
    from home.events.judging.selectors import conflicts_of

    criteria = list(panel.sheet.criteria.order_by("sort_order"))
    contestants = list(panel.contestants.order_by("sort_order"))
    made = 0
    for n, judge in enumerate(panel.judges.order_by("sort_order")):
        conflicts = conflicts_of(judge, contestants)
        for contestant, spec in zip(contestants, PRESENTERS, strict=True):
            if contestant.pk in conflicts:
                continue
            values = {
                criterion.pk: _clamp(spec[4] + LEANING[n] + SHAPE[m])
                for m, criterion in enumerate(criteria)
            }
            services.score_submit(user=judge.user, contestant=contestant, values=values)
            made += 1
    return made


def _clamp(value: Decimal) -> Decimal:
    return min(max(value, Decimal(0)), Decimal(10)).quantize(Decimal("0.1"))


def _correct_and_publish(panel: Panel) -> None:
    chair = panel.chair
    score = panel.scores.order_by("pk").last()
    presentation = panel.sheet.criteria.order_by("sort_order").last()
    item = score.items.get(criterion=presentation)
    services.score_correct(
        user=chair,
        score=score,
        criterion=presentation,
        value=item.value + Decimal("0.5"),
        # The chair's own words, kept as written.
        reason="纸质评分表与录入不一致，经评委确认更正。",
    )
    for step in (services.panel_close, services.panel_reveal, services.panel_sign_off):
        step(user=chair, panel=panel)
    services.panel_publish(user=demo_user("organiser"), panel=panel)
