"""Innovation studios: the studio index with its filters, a studio page with its
discipline groups, members, achievements and assessments, and their choices."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BodyBlock
from lms.fields import optional_link
from lms.search import chinese_search_fields

from .base import (
    YEAR_VALIDATORS,
    ContentPage,
    non_negative_constraint,
    own_per_language,
    year_range_constraint,
)


class StudioLevel(models.TextChoices):
    NATIONAL = "national", _("National")
    PROVINCIAL = "provincial", _("Provincial")
    ENTERPRISE = "enterprise", _("Enterprise")


class AchievementKind(models.TextChoices):
    PROCESS = "process", _("Process improvement")
    METHOD = "method", _("Operation-method innovation")
    TOOL = "tool", _("Production-tool invention")
    OTHER = "other", _("Other innovation")


class AssessmentResult(models.TextChoices):
    EXCELLENT = "excellent", _("Excellent")
    PASSED = "passed", _("Passed")
    IMPROVE = "improve", _("Passed with points to improve")
    FAILED = "failed", _("Not passed")


class StudioIndexPage(Page):
    """Innovation studios and alliances, filtered by industry, region and level."""

    intro = models.TextField(_("intro"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = chinese_search_fields(
        [*Page.search_fields, index.SearchField("intro")]
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.InnovationStudioPage", "home.AlliancePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("studio index")
        verbose_name_plural = _("studio indexes")

    def get_context(self, request, *args, **kwargs):
        from home.forms import StudioFilterForm
        from home.selectors.shared import paginate
        from home.selectors.studios import alliances_under, studios_under

        context = super().get_context(request, *args, **kwargs)
        form = StudioFilterForm(request.GET or None, index=self)
        filters = form.cleaned_data if form.is_valid() else {}
        context["filter_form"] = form
        context["studios"] = paginate(
            request, studios_under(index=self, **filters), per_page=12
        )
        context["alliances"] = alliances_under(index=self)
        context["query_string"] = form.query_string()
        return context


class InnovationStudioPage(ContentPage):
    """A model worker and craftsman innovation studio: its team, work and results.
    The page title is the studio's name."""

    # Each language keeps its own (they are not synced from the English page).
    override_translatable_fields = own_per_language(
        "discipline_groups", "members", "achievements", "assessments"
    )

    level = models.CharField(_("level"), max_length=20, choices=StudioLevel.choices)
    recognised_in = models.PositiveSmallIntegerField(
        _("recognised at this level in (year)"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
    )
    lead_craftsman = models.ForeignKey(
        "home.CraftsmanProfilePage",
        verbose_name=_("lead craftsman"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_studios",
    )
    enterprise = optional_link("lms.Enterprise", _("enterprise on the platform"))
    enterprise_name = models.CharField(
        _("enterprise"),
        max_length=200,
        blank=True,
        help_text=_("Used when the enterprise is not on the platform."),
    )
    industry = optional_link("lms.Industry", _("industry"))
    region = models.CharField(_("region"), max_length=100, blank=True)
    experts_trained = models.PositiveIntegerField(
        _("technical experts trained"), null=True, blank=True
    )
    image = optional_link("wagtailimages.Image", _("image"))
    body = StreamField(BodyBlock(), verbose_name=_("about the studio"), blank=True)

    content_panels = ContentPage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("level"), FieldPanel("recognised_in")]),
                PageChooserPanel("lead_craftsman"),
                FieldRowPanel(
                    [FieldPanel("enterprise"), FieldPanel("enterprise_name")]
                ),
                FieldRowPanel([FieldPanel("industry"), FieldPanel("region")]),
                FieldPanel("experts_trained"),
            ],
            heading=_("Studio"),
        ),
        FieldPanel("image"),
        FieldPanel("body"),
        InlinePanel(
            "discipline_groups",
            label=_("Discipline group"),
            heading=_("Discipline groups"),
        ),
        InlinePanel("members", label=_("Member"), heading=_("Members")),
        InlinePanel("achievements", label=_("Achievement"), heading=_("Achievements")),
        InlinePanel("assessments", label=_("Assessment"), heading=_("Assessments")),
    ]

    search_fields = chinese_search_fields(
        [
            *ContentPage.search_fields,
            index.SearchField("summary"),
            index.SearchField("region"),
            index.SearchField("enterprise_name"),
            index.SearchField("body"),
            index.RelatedFields("discipline_groups", [index.SearchField("name")]),
            index.RelatedFields("achievements", [index.SearchField("title")]),
            index.FilterField("level"),
            index.FilterField("industry"),
            index.FilterField("region"),
        ]
    )

    parent_page_types = ["home.StudioIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("innovation studio")
        verbose_name_plural = _("innovation studios")

    @property
    def enterprise_label(self) -> str:
        return (
            self.enterprise.local_name if self.enterprise_id else self.enterprise_name
        )

    def social_image(self):
        return self.image

    def get_context(self, request, *args, **kwargs):
        from home.selectors.studios import studio_details

        context = super().get_context(request, *args, **kwargs)
        context.update(studio_details(studio=self))
        return context


class StudioDisciplineGroup(Orderable):
    """A discipline group of a studio, e.g. rotating equipment."""

    page = ParentalKey(
        InnovationStudioPage, on_delete=models.CASCADE, related_name="discipline_groups"
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("discipline group")
        verbose_name_plural = _("discipline groups")

    def __str__(self) -> str:
        return self.name


class StudioMember(Orderable):
    """A member of a studio; linked to their profile when they have one."""

    page = ParentalKey(
        InnovationStudioPage, on_delete=models.CASCADE, related_name="members"
    )
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role in the studio"), max_length=120, blank=True)
    profile = optional_link("home.CraftsmanProfilePage", _("profile"))

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        PageChooserPanel("profile"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("studio member")
        verbose_name_plural = _("studio members")

    def __str__(self) -> str:
        return self.name


class StudioAchievement(Orderable):
    """An innovation result. One line may record several earlier projects together
    (``projects``), so the studio's totals add up to what it reports."""

    page = ParentalKey(
        InnovationStudioPage, on_delete=models.CASCADE, related_name="achievements"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=AchievementKind.choices)
    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    projects = models.PositiveIntegerField(
        _("projects"),
        default=1,
        help_text=_("More than one when this line sums up several earlier projects."),
    )
    benefit_yuan = models.DecimalField(
        _("benefit (yuan)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    patents = models.PositiveIntegerField(_("patents"), default=0)
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("year")]),
        "title",
        FieldRowPanel(
            [FieldPanel("projects"), FieldPanel("patents"), FieldPanel("benefit_yuan")]
        ),
        "description",
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("studio achievement")
        verbose_name_plural = _("studio achievements")
        constraints = [
            year_range_constraint("home_studioachievement_year_range"),
            non_negative_constraint("home_studioachievement_benefit", "benefit_yuan"),
            models.CheckConstraint(
                condition=models.Q(projects__gte=1),
                name="home_studioachievement_projects",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class StudioAssessment(Orderable):
    """A periodic assessment of the studio by a union assessment team."""

    page = ParentalKey(
        InnovationStudioPage, on_delete=models.CASCADE, related_name="assessments"
    )
    date = models.DateField(_("date"))
    assessors = models.TextField(_("assessors"))
    findings = models.TextField(_("findings"), blank=True)
    result = models.CharField(
        _("result"), max_length=20, choices=AssessmentResult.choices
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("result")]),
        "assessors",
        "findings",
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} · {self.get_result_display()}"
