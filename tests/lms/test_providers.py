"""Facts the core reads from other apps come from providers those apps register in
``AppConfig.ready()``; a missing provider is an error, never an empty answer."""

import pytest

from lms import providers
from tests.lms.factories import UserFactory


def test_every_fact_has_a_provider_once_the_apps_are_ready():
    """With every app installed, the start-up check finds nothing missing."""
    assert providers.check_providers() == []


def test_a_missing_provider_fails_the_start_up_check(monkeypatch):
    """An app that stops registering its provider fails ``manage.py check``."""
    monkeypatch.setattr(providers.COMPLETED_COURSES, "providers", [])
    errors = providers.check_providers()
    assert [e.id for e in errors] == ["lms.E002"]
    assert "courses" in errors[0].msg


@pytest.mark.django_db
@pytest.mark.parametrize(
    "read",
    [
        providers.completed_courses,
        providers.training_hours,
        providers.mentor_signoffs,
        lambda user: providers.profile_urls([user]),
    ],
)
def test_reading_a_fact_nobody_provides_raises_instead_of_zero(monkeypatch, read):
    """Without providers the reader raises: hours or courses never read as zero."""
    for fact in providers.FACTS:
        monkeypatch.setattr(fact, "providers", [])
    with pytest.raises(providers.MissingProvider):
        read(UserFactory())


@pytest.mark.django_db
def test_providers_answers_are_merged_per_person(monkeypatch):
    """Two providers of one fact add up; a person neither knows reads as empty."""
    known, unknown = UserFactory(), UserFactory()
    monkeypatch.setattr(
        providers.TRAINING_HOURS,
        "providers",
        [lambda users: {known.pk: 2}, lambda users: {known.pk: "1.5"}],
    )
    hours = providers.training_hours_many([known, unknown])
    assert hours == {known.pk: 3.5, unknown.pk: 0}


@pytest.mark.django_db
def test_the_ladder_offers_only_course_pages_as_required_courses():
    """The courses app says which pages are courses: the ladder's form lists the
    courses, neither the catalogue nor the lessons."""
    from lms.models import LevelRequirement
    from lms.wagtail_hooks import LevelRequirementViewSet
    from tests.courses import factories as course_f

    course = course_f.course()
    course_f.lesson(course=course)
    panels = LevelRequirementViewSet.edit_handler.bind_to_model(LevelRequirement)
    choices = panels.get_form_class()().fields["required_courses"].queryset
    assert list(choices.values_list("pk", flat=True)) == [course.pk]
