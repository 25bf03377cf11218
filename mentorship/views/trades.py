"""Union coordinators record the occupations each mentor takes requests of."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lms import permissions
from lms.errors import DomainError
from lms.models import User
from lms.roles import Role
from mentorship.forms import MentorTradeForm
from mentorship.models import MentorTrade
from mentorship.services.trades import mentor_trade_add, mentor_trade_remove

from .common import require


@login_required
def mentor_trades(request):
    require(permissions.user_may(request.user, "manage", MentorTrade))
    form = MentorTradeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if request.POST.get("remove"):
                mentor_trade_remove(user=data["mentor"], occupation=data["occupation"])
                messages.success(request, _("The trade is removed."))
            else:
                mentor_trade_add(user=data["mentor"], occupation=data["occupation"])
                messages.success(request, _("The trade is recorded."))
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return redirect("mentorship:mentor_trades")
    mentors = (
        User.objects.filter(groups__name=Role.MENTOR, is_active=True)
        .prefetch_related(
            Prefetch(
                "mentor_trades",
                queryset=MentorTrade.objects.select_related("occupation"),
            )
        )
        .order_by("display_name")
    )
    return render(
        request,
        "mentorship/mentor_trades.html",
        {"mentors": mentors, "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )
