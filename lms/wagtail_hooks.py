"""The officer's admin: industries, occupations and the skill-level ladder's
requirements (Wagtail ModelViewSets, grouped under "Skills")."""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page

from lms import permissions, providers
from lms.admin_users import AssignRoleThroughService
from lms.errors import DomainError
from lms.models import (
    Enterprise,
    ErasureRequest,
    Industry,
    IssuingBody,
    LevelRequirement,
    Membership,
    Occupation,
    TradeUnion,
    User,
)
from lms.services.accounts import membership_add, membership_remove, membership_update


class IndustryViewSet(ModelViewSet):
    model = Industry
    icon = "site"
    menu_label = _("Industries")
    form_fields = ["code", "name", "name_zh"]
    list_display = ["name", "name_zh", "code"]
    search_fields = ["name", "name_zh", "code"]


class OccupationViewSet(ModelViewSet):
    model = Occupation
    icon = "cog"
    menu_label = _("Occupations")
    form_fields = ["code", "name", "name_zh", "industry"]
    list_display = ["name", "name_zh", "code", "industry"]
    list_filter = ["industry"]
    search_fields = ["name", "name_zh", "code"]


class LevelRequirementForm(WagtailAdminModelForm):
    """Required courses are chosen among the course pages (the courses app
    provides them: the core does not import it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["required_courses"].queryset = providers.course_pages().order_by(
            "title"
        )


class LevelRequirementViewSet(ModelViewSet):
    model = LevelRequirement
    icon = "list-ol"
    menu_label = _("Skill-level ladder")
    list_display = [
        "occupation",
        "level",
        "years_at_level_below",
        "training_hours",
        "mentor_signoff",
    ]
    list_filter = ["occupation", "level"]
    edit_handler = ObjectList(
        [
            FieldPanel("occupation"),
            FieldPanel("level"),
            FieldPanel("years_at_level_below"),
            FieldPanel("training_hours"),
            FieldPanel("required_courses", widget=forms.CheckboxSelectMultiple),
            FieldPanel("mentor_signoff"),
        ],
        base_form_class=LevelRequirementForm,
    )


class IssuingBodyViewSet(ModelViewSet):
    model = IssuingBody
    icon = "doc-full"
    menu_label = _("Issuing bodies")
    # The signing certificate and its key are never in a form (models/signing.py).
    form_fields = [
        "name",
        "name_zh",
        "seal",
        "number_pattern",
        "number_example",
        "in_national_catalogue",
        "query_url_template",
    ]
    list_display = ["name", "name_zh", "number_example", "in_national_catalogue"]
    search_fields = ["name", "name_zh"]


class SkillsGroup(ViewSetGroup):
    menu_label = _("Skills")
    menu_icon = "tasks"
    menu_order = 300
    items = (
        IndustryViewSet,
        OccupationViewSet,
        LevelRequirementViewSet,
        IssuingBodyViewSet,
    )


@hooks.register("register_admin_viewset")
def register_skills():
    return SkillsGroup()


# --- organisations: the coordinator's admin ------------------------------------
# Union coordinators keep only their unions' enterprises and those enterprises'
# memberships (lms.permissions); another record's URL is a 404. Memberships are
# written through the services, which refuse a membership of one's own and audit.


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


class MembershipSaveMixin:
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

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except DomainError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)


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


@hooks.register("register_admin_viewset")
def register_organisations():
    return OrganisationsGroup()


# --- the editors' and moderators' dashboard -------------------------------------


class EditorialTasksPanel(Component):
    """What waits on an editor or moderator: pages submitted for their review and
    their own drafts (pages whose latest revision is theirs and not yet live).
    Shown even when both are empty, so the dashboard says so instead of nothing."""

    name = "editorial_tasks"
    template_name = "lms/admin/editorial_panel.html"
    order = 90  # before Wagtail's own panels

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        from wagtail.models import TaskState

        drafts = (
            Page.objects.filter(
                latest_revision__user=self.user, has_unpublished_changes=True
            )
            .specific(defer=True)
            .order_by("-latest_revision_created_at")
        )
        return {
            "review_count": TaskState.objects.reviewable_by(self.user).count(),
            "drafts": list(drafts[:10]),
        }


@hooks.register("construct_homepage_panels")
def add_editorial_tasks(request, panels):
    if permissions.can_edit_pages(request.user):
        panels.append(EditorialTasksPanel(request.user))


# --- erasure requests: decided by staff on the site's own page -------------------


class StaffOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.user_may(request.user, "view", ErasureRequest)


@hooks.register("register_admin_menu_item")
def register_erasure_requests_menu_item():
    return StaffOnlyMenuItem(
        _("Erasure requests"),
        reverse_lazy("lms:erasure_requests"),  # in the language of each request
        icon_name="warning",
        order=900,
    )


# Replaces Wagtail's own "Assign role" (same action type, registered before it).
hooks.register("register_bulk_action", AssignRoleThroughService, order=100)
