"""Service requests: posted by an enterprise, reviewed and assigned by the union, taken
and closed by a mentor, confirmed and rated by the enterprise."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms import permissions
from lms.errors import DomainError
from lms.models import Enterprise, Membership
from mentorship import selectors
from mentorship.forms import (
    AssignForm,
    CloseForm,
    ConfirmForm,
    OfferForm,
    ReasonForm,
    ReopenForm,
    ServiceRequestForm,
    SessionForm,
)
from mentorship.models import ServiceRequest, ServiceRequestAttachment
from mentorship.services import sessions as session_services
from mentorship.services.requests.matching import (
    service_request_assign,
    service_request_offer,
)
from mentorship.services.requests.outcome import (
    service_request_close,
    service_request_confirm,
    service_request_reopen,
)
from mentorship.services.requests.placing import (
    service_request_cancel,
    service_request_create,
    service_request_publish,
    service_request_reject,
)

from .common import refused, require, serve_file

Status = ServiceRequest.Status


@login_required
def request_list(request):
    status = request.GET.get("status", "")
    queryset = selectors.service_requests_visible_to(request.user)
    if status in Status.values:
        queryset = queryset.filter(status=status)
    page = Paginator(queryset, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "mentorship/request_list.html",
        {
            "page": page,
            "status": status,
            "statuses": Status.choices,
            "query_string": f"status={status}" if status else "",
            "can_post": permissions.user_may(request.user, "post", ServiceRequest),
        },
    )


def _managed_enterprises(user):
    ids = permissions.enterprise_ids_where(
        user, Membership.Role.HR, Membership.Role.MANAGER
    )
    return Enterprise.objects.filter(pk__in=ids).order_by("name")


@login_required
def request_create(request):
    require(permissions.user_may(request.user, "post", ServiceRequest))
    enterprises = _managed_enterprises(request.user)
    form = ServiceRequestForm(
        request.POST or None, request.FILES or None, enterprises=enterprises
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            service_request = service_request_create(posted_by=request.user, **data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Your request is sent to the union for review.")
            )
            return redirect("mentorship:request_detail", service_request.pk)
    return render(
        request,
        "mentorship/form_page.html",
        {"form": form, "title": _("New service request"), "multipart": True},
        status=400 if form.is_bound and form.errors else 200,
    )


def _actions(user, service_request: ServiceRequest) -> dict:
    reviewer = permissions.user_may(user, "review", ServiceRequest)
    owner = permissions.user_can(user, "manage", service_request)
    assigned = permissions.user_can(user, "log_visit", service_request)
    status = service_request.status
    offered = any(o.mentor_id == user.pk for o in service_request.offers.all())
    can = {
        "publish": reviewer and status == Status.SUBMITTED,
        "reject": reviewer and status in (Status.SUBMITTED, Status.PUBLISHED),
        "assign": reviewer and status == Status.PUBLISHED,
        "cancel": owner and status in (Status.SUBMITTED, Status.PUBLISHED),
        "offer": not offered and permissions.user_can(user, "offer", service_request),
        "offered": offered,
        "visit": assigned and status == Status.ASSIGNED,
        "close": assigned and status == Status.ASSIGNED,
        "confirm": owner and status == Status.CLOSED,
        "reopen": status == Status.CLOSED
        and permissions.user_can(user, "reopen", service_request),
    }
    can["any"] = any(can.values())
    can["see_offers"] = reviewer
    return can


def _detail_page(request, service_request: ServiceRequest, **forms):
    can = _actions(request.user, service_request)
    context = {"service_request": service_request, "can": can}
    if can["assign"]:
        context["assign_form"] = forms.get("assign_form") or AssignForm(
            mentors=selectors.mentors_for_request(service_request)
        )
    if can["confirm"]:
        context["confirm_form"] = forms.get("confirm_form") or ConfirmForm()
    if can["reopen"]:
        context["reopen_form"] = forms.get("reopen_form") or ReopenForm()
    if can["close"]:
        context["close_form"] = forms.get("close_form") or CloseForm()
    if can["reject"] or can["cancel"]:
        context["reason_form"] = forms.get("reason_form") or ReasonForm()
    if can["offer"]:
        context["offer_form"] = OfferForm()
    return render(request, "mentorship/request_detail.html", context)


def _get(request, pk: int) -> ServiceRequest:
    return selectors.service_request_for_page(user=request.user, pk=pk)


@login_required
def request_detail(request, pk: int):
    return _detail_page(request, _get(request, pk))


def _step(request, pk: int, action, success: str, *, form_class=None, form_key=""):
    """Runs one POSTed step; bad input or a refused step re-shows the request page
    with the message and nothing changed."""
    service_request = _get(request, pk)
    form = None
    if form_class is not None:
        kwargs = {}
        if form_class is AssignForm:
            kwargs["mentors"] = selectors.mentors_for_request(service_request)
        form = form_class(request.POST, **kwargs)
        if not form.is_valid():
            response = _detail_page(request, service_request, **{form_key: form})
            response.status_code = 400
            return response
    try:
        action(service_request, form.cleaned_data if form else {})
    except DomainError as error:
        return refused(
            request,
            error,
            lambda: _detail_page(
                request, service_request, **({form_key: form} if form else {})
            ),
        )
    messages.success(request, success)
    return redirect("mentorship:request_detail", pk)


@login_required
@require_POST
def request_publish(request, pk: int):
    return _step(
        request,
        pk,
        lambda sr, _d: service_request_publish(service_request=sr, actor=request.user),
        _("The request is published to the mentors of its trade."),
    )


@login_required
@require_POST
def request_reject(request, pk: int):
    return _step(
        request,
        pk,
        lambda sr, d: service_request_reject(
            service_request=sr, actor=request.user, reason=d["reason"]
        ),
        _("The request is declined."),
        form_class=ReasonForm,
        form_key="reason_form",
    )


@login_required
@require_POST
def request_cancel(request, pk: int):
    return _step(
        request,
        pk,
        lambda sr, d: service_request_cancel(
            service_request=sr, actor=request.user, reason=d["reason"]
        ),
        _("The request is withdrawn."),
        form_class=ReasonForm,
        form_key="reason_form",
    )


@login_required
@require_POST
def request_offer(request, pk: int):
    return _step(
        request,
        pk,
        lambda sr, d: service_request_offer(
            service_request=sr, mentor=request.user, note=d.get("note", "")
        ),
        _("Your offer is sent to the union."),
        form_class=OfferForm,
    )


@login_required
@require_POST
def request_assign(request, pk: int):
    return _step(
        request,
        pk,
        lambda sr, d: service_request_assign(
            service_request=sr, actor=request.user, mentor=d["mentor"]
        ),
        _("The mentor is assigned and told."),
        form_class=AssignForm,
        form_key="assign_form",
    )


@login_required
@require_POST
def request_close(request, pk: int):
    return _step(
        request,
        pk,
        lambda sr, d: service_request_close(
            service_request=sr, mentor=request.user, solution=d["solution"]
        ),
        _("The request is closed; the enterprise is asked to confirm."),
        form_class=CloseForm,
        form_key="close_form",
    )


@login_required
@require_POST
def request_confirm(request, pk: int):
    return _step(
        request,
        pk,
        lambda sr, d: service_request_confirm(
            service_request=sr,
            actor=request.user,
            rating=d["rating"],
            feedback=d["feedback"],
        ),
        _("Thank you: the solution is confirmed."),
        form_class=ConfirmForm,
        form_key="confirm_form",
    )


@login_required
@require_POST
def request_reopen(request, pk: int):
    return _step(
        request,
        pk,
        lambda sr, d: service_request_reopen(
            service_request=sr, actor=request.user, reason=d["reopen_reason"]
        ),
        _("The request is reopened; the mentor is told it is not solved."),
        form_class=ReopenForm,
        form_key="reopen_form",
    )


@login_required
def request_visit(request, pk: int):
    service_request = _get(request, pk)
    require(permissions.user_can(request.user, "log_visit", service_request))
    form = SessionForm(
        request.POST or None, request.FILES or None, initial=SessionForm.defaults()
    )
    if request.method == "POST" and form.is_valid():
        try:
            session_services.service_visit_log(
                service_request=service_request,
                mentor=request.user,
                **form.session_kwargs(),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The visit is recorded."))
            return redirect("mentorship:request_detail", pk)
    return render(
        request,
        "mentorship/session_form.html",
        {
            "form": form,
            "title": _("Record a visit"),
            "service_request": service_request,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def request_attachment(request, pk: int):
    attachment = get_object_or_404(
        ServiceRequestAttachment,
        pk=pk,
        request__in=selectors.service_requests_visible_to(request.user),
    )
    return serve_file(attachment.file, download_name=attachment.original_name)
