"""Practical tasks: the learner's evidence and the instructor's decision."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.models import (
    Enrollment,
    LessonPage,
    PracticalEvidencePhoto,
    PracticalSubmission,
)
from courses.services.progress import active_enrollment, check_lesson_of_course
from lms.errors import DomainError
from lms.models import User
from lms.permissions import user_can
from lms.services.notifications import notification_send
from lms.validators import validate_image_file

MAX_PHOTOS = 5
MAX_PHOTO_BYTES = 10 * 1024 * 1024


def _validate_photos(photos: Sequence, *, minimum: int) -> None:
    if len(photos) < minimum:
        raise DomainError(
            ngettext(
                "Upload at least %(n)s photo of your work.",
                "Upload at least %(n)s photos of your work.",
                minimum,
            )
            % {"n": minimum},
            code="photos_missing",
        )
    if len(photos) > MAX_PHOTOS:
        raise DomainError(
            _("Upload at most %(n)s photos.") % {"n": MAX_PHOTOS}, code="photos_many"
        )
    for photo in photos:
        try:
            validate_image_file(photo, max_bytes=MAX_PHOTO_BYTES)
        except ValidationError as error:
            raise DomainError(
                _("%(name)s: %(reason)s")
                % {"name": getattr(photo, "name", "?"), "reason": error.messages[0]},
                code="not_an_image",
            ) from None


@transaction.atomic
def practical_submit(
    *,
    enrollment: Enrollment,
    lesson: LessonPage,
    task_id: str,
    text: str,
    photos: Sequence,
) -> PracticalSubmission:
    """Records evidence for a practical task and tells the instructors. ``lesson``
    is the page the learner sees (any language); the submission is recorded on the
    canonical lesson. While one submission waits for review, submitting again
    returns it unchanged."""
    enrollment = active_enrollment(enrollment)
    course = enrollment.course
    shown, lesson = lesson, check_lesson_of_course(lesson=lesson, course=course)
    block = shown.activity_block(task_id, "practical")
    if block is None:
        raise DomainError(_("This practical task does not exist."), code="not_found")
    earlier = PracticalSubmission.objects.filter(
        enrollment=enrollment, lesson=lesson, task_id=task_id
    )
    waiting = earlier.filter(status=PracticalSubmission.Status.SUBMITTED).first()
    if waiting is not None:
        return waiting
    if earlier.filter(status=PracticalSubmission.Status.SIGNED_OFF).exists():
        raise DomainError(
            _("This task is already signed off."), code="already_signed_off"
        )
    text = (text or "").strip()
    if len(text) > 4000:
        raise DomainError(_("Keep the description under 4000 characters."))
    if not text and not photos:
        raise DomainError(_("Describe what you did or upload photos."), code="empty")
    _validate_photos(photos, minimum=block.value["min_photos"])
    submission = PracticalSubmission.objects.create(
        enrollment=enrollment, lesson=lesson, task_id=task_id, text=text
    )
    for photo in photos:
        PracticalEvidencePhoto.objects.create(submission=submission, image=photo)
    for instructor in course.instructors.all():
        notification_send(
            recipient=instructor,
            key=f"practical-submitted:{submission.pk}",
            kind="courses.practical_submitted",
            params={"submission": submission.pk, "task": block.value["title"]},
        )
    return submission


@transaction.atomic
def practical_decide(
    *,
    reviewer: User,
    submission: PracticalSubmission,
    approve: bool,
    comment: str = "",
) -> PracticalSubmission:
    """Signs off or sends back a waiting submission; the learner is told. Deciding
    the same way twice changes nothing; a different second decision is refused."""
    from courses.services.completion import course_completion_check

    submission = (
        PracticalSubmission.objects.select_for_update(of=("self",))
        .select_related("enrollment__user", "enrollment__course", "lesson")
        .get(pk=submission.pk)
    )
    if not user_can(reviewer, "sign_off", submission):
        raise DomainError(
            _("Only an instructor of this course may decide on this task."),
            code="forbidden",
        )
    wanted = (
        PracticalSubmission.Status.SIGNED_OFF
        if approve
        else PracticalSubmission.Status.RETURNED
    )
    if submission.status == wanted:
        return submission
    if submission.status != PracticalSubmission.Status.SUBMITTED:
        raise DomainError(_("This submission was already decided."), code="decided")
    comment = (comment or "").strip()
    if not approve and not comment:
        raise DomainError(
            _("Say what to improve when you send the work back."), code="comment"
        )
    submission.status = wanted
    submission.decided_by = reviewer
    submission.decided_at = timezone.now()
    submission.comment = comment[:2000]
    submission.save(update_fields=["status", "decided_by", "decided_at", "comment"])
    notification_send(
        recipient=submission.enrollment.user,
        key=f"practical-decision:{submission.pk}",
        kind="courses.practical_decided",
        params={"submission": submission.pk, "approved": approve},
    )
    if approve:
        course_completion_check(enrollment=submission.enrollment)
    return submission
