"""The officer's admin: industries, occupations and the skill-level ladder's
requirements (Wagtail ModelViewSets, grouped under "Skills")."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page

from lms import permissions
from lms.models import (
    Enterprise,
    Industry,
    IssuingBody,
    LevelRequirement,
    Membership,
    Occupation,
    TradeUnion,
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
    """Required courses are chosen among the course pages (by app label, so the
    core does not import the courses app)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["required_courses"].queryset = (
            Page.objects.filter(content_type__app_label="courses", depth__gt=2)
            .exclude(content_type__model__in=["courseindexpage", "lessonpage"])
            .order_by("title")
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
    form_fields = ["name", "name_zh", "seal"]
    list_display = ["name", "name_zh"]
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


class EnterpriseViewSet(ModelViewSet):
    model = Enterprise
    icon = "home"
    menu_label = _("Enterprises")
    form_fields = ["name", "name_zh", "credit_code", "industry", "region", "union"]
    list_display = ["name", "name_zh", "credit_code", "industry", "region"]
    list_filter = ["industry", "union"]
    search_fields = ["name", "name_zh", "credit_code", "region"]


class TradeUnionViewSet(ModelViewSet):
    model = TradeUnion
    icon = "group"
    menu_label = _("Trade unions")
    form_fields = ["name", "name_zh", "kind", "parent", "region", "coordinators"]
    list_display = ["name", "name_zh", "kind", "region"]
    list_filter = ["kind"]
    search_fields = ["name", "name_zh", "region"]


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Memberships")
    form_fields = ["user", "enterprise", "role", "employee_number", "joined_on"]
    list_display = ["user", "enterprise", "role", "employee_number"]
    list_filter = ["enterprise", "role"]
    search_fields = ["employee_number", "user__email", "user__display_name"]


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
    if permissions.can_edit_content(request.user):
        panels.append(EditorialTasksPanel(request.user))
