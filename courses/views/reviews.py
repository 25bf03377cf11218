"""Mentors' queue of practical tasks, and the decision on one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from courses import selectors
from courses.forms import PracticalDecisionForm
from courses.models import PracticalEvidencePhoto, PracticalSubmission
from courses.services.practicals import practical_decide
from lms.errors import DomainError
from lms.permissions import user_can, user_may
from lms.private_files import serve_private


@login_required
def practical_reviews(request):
    if not user_may(request.user, "sign_off", PracticalSubmission):
        raise PermissionDenied
    paginator = Paginator(selectors.practical_reviews_for(user=request.user), 20)
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "courses/practical_reviews.html", {"page": page})


@login_required
def practical_review(request, submission_id: int):
    submission = get_object_or_404(
        selectors.practical_submissions_visible_to(request.user).prefetch_related(
            "photos"
        ),
        pk=submission_id,
    )
    can_decide = (
        user_can(request.user, "sign_off", submission)
        and submission.status == submission.Status.SUBMITTED
    )
    form = PracticalDecisionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not user_can(request.user, "sign_off", submission):
            raise PermissionDenied
        if form.is_valid():
            try:
                practical_decide(
                    reviewer=request.user,
                    submission=submission,
                    approve=form.cleaned_data["decision"] == "approve",
                    comment=form.cleaned_data["comment"],
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _saved_message(form))
                return redirect("courses:practical_reviews")
        status = 400
    lesson = selectors.localized_page(
        submission.lesson, language=selectors.current_language()
    )
    block = lesson.activity_block(
        submission.task_id, "practical"
    ) or submission.lesson.activity_block(submission.task_id, "practical")
    return render(
        request,
        "courses/practical_review.html",
        {
            "submission": submission,
            "lesson": lesson,
            "task": block.value if block else None,
            "form": form,
            "can_decide": can_decide,
        },
        status=status,
    )


def _saved_message(form) -> str:
    from django.utils.translation import gettext as _

    if form.cleaned_data["decision"] == "approve":
        return _("Signed off; the learner has been told.")
    return _("Sent back with your comment; the learner has been told.")


@login_required
def evidence_photo(request, photo_id: int):
    """Evidence photos are served only to those who may see the submission."""
    visible = selectors.practical_submissions_visible_to(request.user)
    photo = get_object_or_404(
        PracticalEvidencePhoto.objects.filter(submission__in=visible.values("pk")),
        pk=photo_id,
    )
    return serve_private(photo.image, thumbnail=request.GET.get("size") == "thumb")
