import pytest

from courses.models import PracticalEvidencePhoto, PracticalSubmission
from courses.services.enrollment import enrollment_create
from courses.services.practicals import practical_decide, practical_submit
from lms.errors import DomainError
from lms.models import Notification
from tests.courses import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolled(learner, loom_course):
    return enrollment_create(user=learner, course=loom_course)


def hand_in(enrollment, lesson, photos=None, text="Cleaned it", task_id="task1"):
    return practical_submit(
        enrollment=enrollment,
        lesson=lesson,
        task_id=task_id,
        text=text,
        photos=[f.png()] if photos is None else photos,
    )


def test_evidence_is_stored_and_instructors_are_told(enrolled, lessons, teacher):
    submission = hand_in(enrolled, lessons[1])
    assert submission.status == "submitted"
    assert submission.photos.count() == 1
    assert Notification.objects.filter(recipient=teacher).count() == 1


def test_handing_in_again_while_waiting_returns_the_waiting_submission(
    enrolled, lessons
):
    first = hand_in(enrolled, lessons[1])
    second = hand_in(enrolled, lessons[1])
    assert first.pk == second.pk
    assert PracticalSubmission.objects.count() == 1


@pytest.mark.parametrize(
    "photos",
    [[], "not-image", "too-many"],
    ids=["missing-photo", "not-an-image", "too-many"],
)
def test_bad_evidence_is_refused_and_nothing_recorded(enrolled, lessons, photos):
    if photos == "not-image":
        photos = [f.png(), f.not_an_image()]
    elif photos == "too-many":
        photos = [f.png(f"p{i}.png") for i in range(6)]
    with pytest.raises(DomainError):
        hand_in(enrolled, lessons[1], photos=photos)
    assert not PracticalSubmission.objects.exists()
    assert not PracticalEvidencePhoto.objects.exists()


def test_an_unknown_task_is_refused(enrolled, lessons):
    with pytest.raises(DomainError):
        hand_in(enrolled, lessons[1], task_id="quiz1")


def test_instructor_signs_off_and_the_learner_is_told(
    enrolled, lessons, teacher, learner
):
    submission = hand_in(enrolled, lessons[1])
    practical_decide(reviewer=teacher, submission=submission, approve=True)
    submission.refresh_from_db()
    assert submission.status == "signed_off" and submission.decided_by == teacher
    assert Notification.objects.filter(recipient=learner).count() == 1
    # The same decision again changes nothing; a different one is refused.
    practical_decide(reviewer=teacher, submission=submission, approve=True)
    with pytest.raises(DomainError):
        practical_decide(
            reviewer=teacher, submission=submission, approve=False, comment="x"
        )


def test_sending_back_needs_a_comment_and_the_learner_may_hand_in_again(
    enrolled, lessons, teacher
):
    submission = hand_in(enrolled, lessons[1])
    with pytest.raises(DomainError, match="improve"):
        practical_decide(reviewer=teacher, submission=submission, approve=False)
    practical_decide(
        reviewer=teacher, submission=submission, approve=False, comment="Blurry"
    )
    again = hand_in(enrolled, lessons[1])
    assert again.pk != submission.pk
    assert PracticalSubmission.objects.count() == 2


@pytest.mark.parametrize("who", ["other_mentor", "learner_self", "plain_user"])
def test_only_an_instructor_may_decide(enrolled, lessons, learner, who):
    from tests.lms.factories import UserFactory

    reviewer = {
        "other_mentor": f.mentor(),
        "learner_self": learner,
        "plain_user": UserFactory(),
    }[who]
    submission = hand_in(enrolled, lessons[1])
    with pytest.raises(DomainError):
        practical_decide(reviewer=reviewer, submission=submission, approve=True)
    submission.refresh_from_db()
    assert submission.status == "submitted"
