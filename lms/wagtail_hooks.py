"""The officer's admin: industries, occupations and the skill-level ladder's
requirements (Wagtail ModelViewSets, grouped under "Skills"); the coordinator's
organisations (``lms.admin_organisations``), the editors' dashboard panel and the
staff's erasure-request menu entry are registered here too."""

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page

from lms import permissions, providers
from lms.admin_organisations import OrganisationsGroup
from lms.admin_users import AssignRoleThroughService
from lms.models import (
    ErasureRequest,
    Industry,
    IssuingBody,
    LevelRequirement,
    Occupation,
)


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
