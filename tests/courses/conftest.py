import pytest

from tests.courses import factories as f


@pytest.fixture
def index(db):
    return f.catalogue()


@pytest.fixture
def teacher(db):
    return f.mentor()


@pytest.fixture
def loom_course(index, teacher):
    """A course of two lessons: the first plain, the second with a quiz and a
    practical task."""
    course = f.course(index=index, instructors=[teacher])
    f.lesson(course=course, title="Intro", body=[f.text_block()])
    f.lesson(
        course=course,
        title="Check and practise",
        body=[f.text_block(), f.quiz_block(), f.practical_block()],
    )
    return course


@pytest.fixture
def lessons(loom_course):
    from courses.selectors.structure import lessons_of

    return lessons_of([loom_course])
