"""Staff erase a person's data on request (the same service as ``erase_person``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from lms import permissions
from lms.errors import DomainError
from lms.forms import EraseConfirmForm
from lms.models import User
from lms.services.personal_data import personal_data_erase


@login_required
def person_erase(request, user_id: int):
    if not permissions.is_staff(request.user):
        raise PermissionDenied
    person = get_object_or_404(User, pk=user_id)
    if not permissions.can_erase_person(request.user, person):
        raise PermissionDenied
    form = EraseConfirmForm(request.POST or None, person=person)
    if request.method == "POST" and form.is_valid():
        try:
            personal_data_erase(user=person, actor=request.user)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The person's data is erased."))
            return redirect("wagtailusers_users:index")
    return render(
        request,
        "lms/person_erase.html",
        {"person": person, "form": form},
        status=400 if form.errors else 200,
    )
