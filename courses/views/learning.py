"""The learner's own page, and assigning courses (HR, mentors)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from courses import selectors
from courses.forms import AssignCourseForm
from courses.models import CourseIndexPage, CoursePage, Enrollment
from courses.permissions import taught_course_ids
from courses.services.enrollment import enrollment_assign
from lms import permissions
from lms.errors import DomainError
from lms.models import User


def catalogue(request):
    """A stable address for the catalogue page, in the visitor's language."""
    index = (
        CourseIndexPage.objects.live()
        .filter(locale__language_code=translation.get_language())
        .first()
        or CourseIndexPage.objects.live().first()
    )
    if index is None:
        raise Http404(_("There is no course catalogue yet."))
    return redirect(index.get_url(request))


@login_required
def completed(request, course_id: int):
    """The completion screen: well done, the certificate, and what comes next."""
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    steps = selectors.completion_next_steps(user=request.user, course=course)
    if steps is None:  # not (yet) completed: the course page says what is missing
        return redirect(course.get_url(request))
    return render(request, "courses/completed.html", {"course": course, **steps})


@login_required
def my_learning(request):
    return render(
        request, "courses/my_learning.html", selectors.my_learning(user=request.user)
    )


def _assignable_courses(user):
    """Live courses, each once, in the request's language where translated."""
    courses = selectors.one_per_course(
        CoursePage.objects.live(), language=selectors.current_language()
    ).order_by("title")
    if permissions.is_staff(user) or permissions.hr_enterprise_ids(user):
        return courses
    return courses.filter(pk__in=taught_course_ids(user))


@login_required
def assign(request):
    if not permissions.user_may(request.user, "assign", Enrollment):
        raise PermissionDenied
    form = AssignCourseForm(
        request.POST or None, courses=_assignable_courses(request.user)
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            person = User.objects.filter(
                email__iexact=data["email"], is_active=True
            ).first()
            refusal = _("You may not assign this course to this person.")
            course = selectors.canonical_page(data["course"])
            if person is None or not permissions.user_can(
                request.user, "assign", Enrollment(user=person, course=course)
            ):
                form.add_error("email", refusal)
            else:
                try:
                    enrollment_assign(
                        actor=request.user,
                        person=person,
                        course=data["course"],
                        due_on=data["due_on"],
                    )
                except DomainError as error:
                    form.add_error(None, error.message)
                else:
                    messages.success(
                        request,
                        _("%(course)s assigned to %(person)s.")
                        % {"course": data["course"].title, "person": person},
                    )
                    return redirect("courses:assign")
        status = 400
    return render(request, "courses/assign.html", {"form": form}, status=status)
