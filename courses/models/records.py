"""What learners do: enrolments, lesson progress, quiz attempts, practical evidence
and completions. Plain models that point at pages and people."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lms.fields import optional_link
from lms.private_files import PrivatePhotoField
from lms.uploads import RandomName
from lms.validators import validate_image_file


class Enrollment(models.Model):
    """A person on a course. Leaving sets the status; the row and its history stay."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("In progress")
        COMPLETED = "completed", _("Completed")
        LEFT = "left", _("Left")

    class Source(models.TextChoices):
        SELF = "self", _("Self-enrolled")
        ASSIGNED = "assigned", _("Assigned")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="enrollments",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="enrollments",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.SELF
    )
    assigned_by = optional_link(settings.AUTH_USER_MODEL, _("assigned by"))
    due_on = models.DateField(_("due on"), null=True, blank=True)
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    left_at = models.DateTimeField(_("left at"), null=True, blank=True)
    last_lesson = optional_link("courses.LessonPage", _("last lesson opened"))
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-enrolled_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], name="enrollment_once_per_course"
            ),
            models.CheckConstraint(
                condition=Q(status="left", left_at__isnull=False) | ~Q(status="left"),
                name="enrollment_left_has_date",
            ),
        ]
        indexes = [models.Index(fields=["course", "status"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.course}"

    @property
    def has_left(self) -> bool:
        return self.status == self.Status.LEFT


class LessonProgress(models.Model):
    """When a learner first and last opened a lesson, and when they completed it."""

    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="lesson_progress",
    )
    lesson = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="progress",
    )
    first_viewed_at = models.DateTimeField(_("first opened"), auto_now_add=True)
    last_viewed_at = models.DateTimeField(_("last opened"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "lesson"], name="lesson_progress_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrollment} · {self.lesson_id}"


class QuizAttempt(models.Model):
    """One graded attempt at a quiz block; ``number`` counts from 1 per learner and
    quiz, so a repeated submit of the same form cannot make a second attempt."""

    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
    )
    lesson = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
    )
    quiz_id = models.CharField(_("quiz block"), max_length=64)
    number = models.PositiveSmallIntegerField(_("attempt number"))
    answers = models.JSONField(_("answers"), default=dict)
    results = models.JSONField(
        _("results"),
        default=list,
        help_text=_("Per question: what was given, whether right, the explanation."),
    )
    score = models.PositiveSmallIntegerField(_("score (%)"))
    passed = models.BooleanField(_("passed"))
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "lesson", "quiz_id", "number"],
                name="quiz_attempt_number_once",
            ),
            models.CheckConstraint(
                condition=Q(score__lte=100), name="quiz_attempt_score_percent"
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="quiz_attempt_number_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enrollment} · {self.quiz_id} #{self.number}"


class PracticalSubmission(models.Model):
    """Evidence for a practical task. A returned submission stays as history and the
    learner submits again; at most one waits for review and one is signed off."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for review")
        SIGNED_OFF = "signed_off", _("Signed off")
        RETURNED = "returned", _("Sent back")

    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="practical_submissions",
    )
    lesson = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="practical_submissions",
    )
    task_id = models.CharField(_("task block"), max_length=64)
    text = models.TextField(_("what you did"), max_length=4000, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    decided_by = optional_link(settings.AUTH_USER_MODEL, _("decided by"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    comment = models.TextField(_("reviewer's comment"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("practical submission")
        verbose_name_plural = _("practical submissions")
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "lesson", "task_id"],
                condition=Q(status="submitted"),
                name="practical_one_waiting",
            ),
            models.UniqueConstraint(
                fields=["enrollment", "lesson", "task_id"],
                condition=Q(status="signed_off"),
                name="practical_one_signed_off",
            ),
            models.CheckConstraint(
                condition=Q(status="submitted")
                | Q(decided_at__isnull=False, decided_by__isnull=False),
                name="practical_decision_has_reviewer",
            ),
        ]
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self) -> str:
        return f"{self.enrollment} · {self.task_id} ({self.status})"


class PracticalEvidencePhoto(models.Model):
    """A photo uploaded as evidence; served only to those who may see the submission."""

    submission = models.ForeignKey(
        PracticalSubmission,
        verbose_name=_("submission"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = PrivatePhotoField(
        _("photo"), upload_to=RandomName("practical"), validators=[validate_image_file]
    )

    class Meta:
        verbose_name = _("evidence photo")
        verbose_name_plural = _("evidence photos")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.image.name


class CourseCompletion(models.Model):
    """Recorded once, when every lesson, quiz and practical task is done."""

    enrollment = models.OneToOneField(
        Enrollment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="completion",
    )
    completed_at = models.DateTimeField(_("completed at"), auto_now_add=True)
    hours = models.DecimalField(
        _("hours credited"),
        max_digits=5,
        decimal_places=1,
        help_text=_("The course's estimated hours when it was completed."),
    )
    certificate = optional_link("lms.SkillCertificate", _("certificate"))
    # Empty while the certificate step (issue, if the course gives one, and tell the
    # learner) has not run: the broker was down or the task was lost. The beat task
    # ``courses.tasks.certificates_issue_pending`` runs it for such rows.
    certificate_checked_at = models.DateTimeField(
        _("certificate step done at"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("course completion")
        verbose_name_plural = _("course completions")
        ordering = ["-completed_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gte=0), name="completion_hours_not_negative"
            ),
        ]
        indexes = [
            models.Index(
                fields=["completed_at"],
                condition=Q(certificate_checked_at__isnull=True),
                name="completion_certificate_pending",
            )
        ]

    def __str__(self) -> str:
        return str(self.enrollment)
