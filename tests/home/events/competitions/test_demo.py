"""The competition demo: five entrants from two demo enterprises, the theory round
sat on the course quiz, a signed-off practical panel, published placings, the
winner's ladder showing hers and three placing certificates; loading it twice
changes nothing."""

import io

import pytest
from wagtail.signal_handlers import disable_reference_index_auto_update

from home.events.competitions import demo
from home.events.competitions.models import CompetitionPlacing
from lms.certification.selectors import ladder_for
from lms.demo import demo_user
from lms.models import SkillCertificate

pytestmark = pytest.mark.django_db


def test_the_competition_demo_loads_twice_with_the_same_result(settings):
    from home import demo as home_demo
    from lms import demo as lms_demo
    from lms.certification import demo as certificates_demo

    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    settings.WAGTAILSEARCH_BACKENDS = {"default": {**backend, "AUTO_UPDATE": False}}
    out = io.StringIO()
    with disable_reference_index_auto_update():
        lms_demo.load(stdout=out)
        certificates_demo.load_certificates(stdout=out)
        home_demo.load_courses(stdout=out)
        competition = demo.load(stdout=out)
        first = list(
            CompetitionPlacing.objects.values_list("pk", "rank", "certificate")
        )
        demo.load(stdout=out)
    assert (
        list(CompetitionPlacing.objects.values_list("pk", "rank", "certificate"))
        == first
    )
    assert competition.is_published and len(first) == 5
    assert competition.entries.values("enterprise").distinct().count() == 2
    winner = competition.placings.get(rank=1)
    assert winner.entry.worker == demo_user("learner")
    assert winner.theory_score == 100
    assert SkillCertificate.objects.filter(kind="placing").count() == 3
    (step,) = [
        s
        for s in ladder_for(person=demo_user("learner"))
        if s.occupation == competition.occupation
    ]
    assert step.evidence and step.eligible
    assert competition.name_zh.startswith("2026年江苏省纺织化纤")
