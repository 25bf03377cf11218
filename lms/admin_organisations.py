"""The coordinator's admin of organisations: enterprises, trade unions and
memberships (Wagtail ModelViewSets, grouped under "Organisations"). Union
coordinators keep only their unions' enterprises and those enterprises' memberships
(lms.permissions); another record's URL is a 404. Memberships are written through
the services, which refuse a membership of one's own and audit."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from lms import permissions
from lms.errors import DomainError, DomainErrorOnFormMixin
from lms.models import (
    Enterprise,
    Membership,
    TradeUnion,
    User,
)
from lms.services.accounts import membership_add, membership_remove, membership_update


class ScopedIndexView(generic.IndexView):
    scope = None  # user -> the queryset the user may keep

    def get_base_queryset(self):
        return super().get_base_queryset() & type(self).scope(self.request.user)


class ScopedEditView(generic.EditView):
    scope = None

    def get_queryset(self):
        return super().get_queryset() & type(self).scope(self.request.user)


class ScopedDeleteView(generic.DeleteView):
    scope = None

    def get_queryset(self):
        return super().get_queryset() & type(self).scope(self.request.user)


class ScopedHistoryView(HistoryView):
    scope = None

    def get_base_object_queryset(self):
        return super().get_base_object_queryset() & type(self).scope(self.request.user)


class ScopedUsageView(UsageView):
    scope = None

    def get_base_object_queryset(self):
        return super().get_base_object_queryset() & type(self).scope(self.request.user)


def scoped(viewset_class, scope):
    """Gives a ModelViewSet views that only find the records ``scope(user)``
    returns (no copy view: it would read any record)."""

    def view(base):
        return type(base.__name__, (base,), {"scope": staticmethod(scope)})

    viewset_class.index_view_class = view(ScopedIndexView)
    viewset_class.edit_view_class = view(
        getattr(viewset_class, "edit_view_base", ScopedEditView)
    )
    viewset_class.delete_view_class = view(
        getattr(viewset_class, "delete_view_base", ScopedDeleteView)
    )
    viewset_class.history_view_class = view(ScopedHistoryView)
    viewset_class.usage_view_class = view(ScopedUsageView)
    viewset_class.copy_view_enabled = False
    return viewset_class


class EnterpriseForm(WagtailAdminModelForm):
    """A coordinator files an enterprise under one of their own unions."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        unions = permissions.records_for(self.for_user, "manage", TradeUnion)
        self.fields["union"].queryset = unions
        self.fields["union"].required = not permissions.is_staff(self.for_user)


class EnterpriseViewSet(ModelViewSet):
    model = Enterprise
    icon = "home"
    menu_label = _("Enterprises")
    list_display = ["name", "name_zh", "credit_code", "industry", "region"]
    list_filter = ["industry", "union"]
    search_fields = ["name", "name_zh", "credit_code", "region"]
    edit_handler = ObjectList(
        [
            FieldPanel(name)
            for name in [
                "name",
                "name_zh",
                "credit_code",
                "industry",
                "region",
                "union",
            ]
        ],
        base_form_class=EnterpriseForm,
    )


class TradeUnionForm(WagtailAdminModelForm):
    """Who coordinates a union is staff's decision; a coordinator who files a new
    union coordinates it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not permissions.user_may(self.for_user, "appoint_coordinators", TradeUnion):
            self.fields.pop("coordinators", None)

    def save(self, commit=True):
        union = super().save(commit=commit)
        if commit and "coordinators" not in self.fields:
            union.coordinators.add(self.for_user)
        return union


class TradeUnionViewSet(ModelViewSet):
    model = TradeUnion
    icon = "group"
    menu_label = _("Trade unions")
    list_display = ["name", "name_zh", "kind", "region"]
    list_filter = ["kind"]
    search_fields = ["name", "name_zh", "region"]
    edit_handler = ObjectList(
        [
            FieldPanel(name)
            for name in ["name", "name_zh", "kind", "parent", "region", "coordinators"]
        ],
        base_form_class=TradeUnionForm,
    )


class MembershipForm(WagtailAdminModelForm):
    """Enterprises of the coordinator's unions only; never the coordinator
    themselves."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        self.fields["enterprise"].queryset = permissions.records_for(
            user, "manage", Enterprise
        )
        self.fields["user"].queryset = User.objects.exclude(pk=user.pk)


class MembershipSaveMixin(DomainErrorOnFormMixin):
    """Saves through the services (scope, no self-grant, audit) and shows their
    refusal on the form."""

    def save_instance(self):
        data = self.form.cleaned_data
        fields = {
            "user": data["user"],
            "enterprise": data["enterprise"],
            "role": data["role"],
            "employee_number": data.get("employee_number") or "",
            "joined_on": data.get("joined_on"),
        }
        if self.form.instance.pk:
            return membership_update(
                membership=self.form.instance, actor=self.request.user, **fields
            )
        return membership_add(actor=self.request.user, **fields)


class MembershipCreateView(MembershipSaveMixin, generic.CreateView):
    pass


class MembershipEditView(MembershipSaveMixin, ScopedEditView):
    pass


class MembershipDeleteView(ScopedDeleteView):
    def delete_action(self):
        membership_remove(membership=self.object, actor=self.request.user)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except DomainError as error:
            messages.error(self.request, error.message)
            return redirect(self.get_success_url())


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Memberships")
    list_display = ["user", "enterprise", "role", "employee_number"]
    list_filter = ["enterprise", "role"]
    search_fields = ["employee_number", "user__email", "user__display_name"]
    add_view_class = MembershipCreateView
    edit_view_base = MembershipEditView
    delete_view_base = MembershipDeleteView
    edit_handler = ObjectList(
        [
            FieldPanel(name)
            for name in ["user", "enterprise", "role", "employee_number", "joined_on"]
        ],
        base_form_class=MembershipForm,
    )


scoped(
    EnterpriseViewSet, lambda user: permissions.records_for(user, "manage", Enterprise)
)
scoped(
    TradeUnionViewSet, lambda user: permissions.records_for(user, "manage", TradeUnion)
)
scoped(
    MembershipViewSet, lambda user: permissions.records_for(user, "view", Membership)
)


class OrganisationsGroup(ViewSetGroup):
    menu_label = _("Organisations")
    menu_icon = "group"
    menu_order = 310
    items = (EnterpriseViewSet, TradeUnionViewSet, MembershipViewSet)
