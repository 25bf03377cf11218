"""The permission policies of the course records: courses (enrolment, their
lessons, teaching), enrolments (assignment, course reports) and practical
submissions (viewing, signing off). One rule per action
(``lms.permissions.RulePolicy``) answers both "may this user do this to this
record" and "which records may this user see"; registered in
``CoursesConfig.ready()``."""

from __future__ import annotations

from django.db.models import Q

from courses.models import CoursePage, Enrollment, PracticalSubmission
from lms.permissions import (
    RulePolicy,
    all_of,
    any_of,
    can_edit_pages,
    hr_enterprise_ids,
    hr_people,
    is_mentor,
    is_staff,
    register_policy,
    through,
    user_can,
    values_of,
)


def taught_course_ids(user):
    """The courses a mentor is an instructor of, for rules (``values_of``): a
    subquery in SQL, read once per user object by instance checks, and no query
    for "may they at all"."""
    cached = getattr(user, "_courses_taught", None)
    if cached is None:
        cached = values_of(
            CoursePage.objects.filter(instructors=user).values_list("pk", flat=True)
        )
        user._courses_taught = cached
    return cached


class CoursePolicy(RulePolicy):
    def rule_enrol(self, user):
        """Anyone signed in may enrol in a live course open for self-enrolment."""
        return Q(live=True, self_enrolment_open=True)

    def rule_teach(self, user):
        """A mentor listed among the course's instructors."""
        return Q(pk__in=taught_course_ids(user)) if is_mentor(user) else False

    def rule_view_lessons(self, user):
        """Every lesson without enrolling: its instructors, editors and staff (the
        learners through their enrolment's ``study``)."""
        return True if can_edit_pages(user) else self.rule_teach(user)


class EnrollmentPolicy(RulePolicy):
    def rule_study(self, user):
        """The learner's own enrolment, while they have not left the course."""
        return Q(user_id=user.pk) & ~Q(status=Enrollment.Status.LEFT)

    def rule_assign(self, user):
        """Put a person on a live course with a due date: HR of the person's
        enterprise, a mentor who teaches the course, staff (the record is the
        enrolment it would make)."""
        if is_staff(user):
            return Q(course__live=True)
        ids = hr_enterprise_ids(user)
        return all_of(
            Q(course__live=True),
            any_of(
                through(course_pages.rule_teach(user), "course"),
                Q(user_id__in=hr_people(user)) if ids else False,
            ),
        )

    def rule_report(self, user):
        """Course reports: every learner for editors, moderators and staff; their
        enterprises' people for HR."""
        if can_edit_pages(user):
            return True
        return Q(user_id__in=hr_people(user)) if hr_enterprise_ids(user) else False


class PracticalSubmissionPolicy(RulePolicy):
    def rule_view(self, user):
        """The learner, the course's instructors, HR of the learner and staff."""
        if is_staff(user):
            return True
        rules = [Q(enrollment__user_id=user.pk), self.rule_sign_off(user)]
        if hr_enterprise_ids(user):
            rules.append(Q(enrollment__user_id__in=hr_people(user)))
        return any_of(*rules)

    def rule_sign_off(self, user):
        """An instructor of the course with the Mentor role, never the learner."""
        if not is_mentor(user):
            return False
        return Q(enrollment__course_id__in=taught_course_ids(user)) & ~Q(
            enrollment__user_id=user.pk
        )


course_pages = CoursePolicy(CoursePage)
enrollments = EnrollmentPolicy(Enrollment)
practicals = PracticalSubmissionPolicy(PracticalSubmission)


def register() -> None:
    """Called from CoursesConfig.ready()."""
    for policy in (course_pages, enrollments, practicals):
        register_policy(policy.model, policy)


def can_view_lesson(user, lesson, *, course: CoursePage, enrollment) -> bool:
    """A live lesson: for the course's learners (``enrollment``, the user's own in
    ``course`` or None, may ``study``) and whoever may view its lessons."""
    if not lesson.live:
        return False
    if enrollment is not None and user_can(user, "study", enrollment):
        return enrollment.course_id == course.pk
    return user_can(user, "view_lessons", course)


def reports_see_everyone(user) -> bool:
    """Whether the course reports are unscoped for the user (otherwise: HR's
    enterprises only)."""
    return enrollments.rule(user, "report") is True
