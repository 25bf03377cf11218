"""Certificate pages: the holder's list and ladder, one certificate, its PDF."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from lms import permissions


@login_required
def detail(request, pk: int):
    certificate = get_object_or_404(
        permissions.certificates_visible_to(request.user).with_status(), pk=pk
    )
    return render(request, "lms/certificates/detail.html", {"certificate": certificate})
