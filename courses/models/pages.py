"""The course tree editors write: catalogue → course → lessons."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.validators import MinValueValidator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.blocks import LessonStreamBlock
from lms.fields import optional_link
from lms.models import SkillLevel
from lms.roles import Role
from lms.search import chinese_search_fields


class ServedByView:
    """A page whose response a view in ``courses.views.pages`` builds (access is
    checked there). Models never import views: ``CoursesConfig.ready()`` sets each
    page class's ``page_view``, and a page without one fails loudly."""

    page_view = None

    def serve(self, request, *args, **kwargs):
        if type(self).page_view is None:
            raise ImproperlyConfigured(
                f"{type(self).__name__}.page_view is not set (CoursesConfig.ready)."
            )
        return type(self).page_view(request, self)

    def serve_preview(self, request, mode_name):
        # Wagtail's default renders the template with get_context() only; these
        # pages are built by their view, so previews go through it too.
        return self.serve(request)


def _route_to_child(parent: Page, model, request, path_components, *related):
    """Wagtail's ``Page.route`` for a parent whose children are all of ``model``:
    the child is read as ``model`` (with ``related``) in one query instead of a
    page and then its specific page."""
    if not path_components:
        return Page.route(parent, request, path_components)
    try:
        child = (
            model.objects.child_of(parent)
            .select_related(*related)
            .get(slug=path_components[0])
        )
    except model.DoesNotExist as error:
        raise Http404 from error
    child._cached_parent_obj = parent
    return child.route(request, path_components[1:])


class CourseIndexPage(ServedByView, Page):
    """The catalogue: every live course below it, filtered and searched."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = chinese_search_fields(
        [*Page.search_fields, index.SearchField("intro")]
    )

    # Where the catalogue may go is the parent's choice (the home page lists it in
    # its subpage_types): courses names no page type of another app.
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    def route(self, request, path_components):
        return _route_to_child(
            self, CoursePage, request, path_components, "occupation", "cover_image"
        )


class CoursePage(ServedByView, Page):
    """A course: what it teaches, for whom, and the lessons below it."""

    summary = models.TextField(_("summary"), max_length=600)
    cover_image = optional_link("wagtailimages.Image", _("cover image"))
    industry = models.ForeignKey(
        "lms.Industry",
        verbose_name=_("industry"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="courses",
    )
    occupation = models.ForeignKey(
        "lms.Occupation",
        verbose_name=_("occupation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="courses",
    )
    skill_level = models.PositiveSmallIntegerField(
        _("skill level it leads to"),
        choices=SkillLevel.choices,
        null=True,
        blank=True,
    )
    estimated_hours = models.DecimalField(
        _("estimated hours"),
        max_digits=5,
        decimal_places=1,
        default=Decimal("1.0"),
        validators=[MinValueValidator(Decimal("0.5"))],
    )
    learning_outcomes = RichTextField(
        _("learning outcomes"), features=["ul", "ol", "bold", "italic"], blank=True
    )
    prerequisites = ParentalManyToManyField(
        "courses.CoursePage",
        verbose_name=_("prerequisites"),
        blank=True,
        symmetrical=False,
        related_name="required_for",
    )
    instructors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("instructors"),
        blank=True,
        limit_choices_to={"groups__name": Role.MENTOR},
        related_name="courses_taught",
        help_text=_("Mentors who teach the course and sign off its practical tasks."),
    )
    issues_certificate = models.BooleanField(
        _("issues a certificate"),
        default=False,
        help_text=_("Completing the course earns a platform skill certificate."),
    )
    self_enrolment_open = models.BooleanField(
        _("open for self-enrolment"),
        default=True,
        help_text=_("Anyone signed in may enrol; otherwise HR or a mentor assigns it."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [
                FieldPanel("industry"),
                FieldPanel("occupation"),
                FieldPanel("skill_level"),
                FieldPanel("estimated_hours"),
            ],
            heading=_("Trade and level"),
        ),
        FieldPanel("learning_outcomes"),
        FieldPanel("prerequisites"),
        FieldPanel("instructors"),
        MultiFieldPanel(
            [FieldPanel("issues_certificate"), FieldPanel("self_enrolment_open")],
            heading=_("Enrolment"),
        ),
    ]

    search_fields = chinese_search_fields(
        [
            *Page.search_fields,
            index.SearchField("summary"),
            index.SearchField("learning_outcomes"),
            index.AutocompleteField("title"),
            index.FilterField("industry"),
            index.FilterField("occupation"),
            index.FilterField("skill_level"),
            index.FilterField("estimated_hours"),
            index.FilterField("locale"),
        ]
    )

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def route(self, request, path_components):
        return _route_to_child(self, LessonPage, request, path_components)


class LessonPage(ServedByView, Page):
    """One lesson of a course. Lessons follow the page order below the course; the
    optional module name groups consecutive lessons under a heading."""

    module = models.CharField(
        _("module"),
        max_length=120,
        blank=True,
        help_text=_("Lessons in a row with the same module are shown together."),
    )
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=20
    )
    body = StreamField(LessonStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("module"),
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
    ]

    search_fields = chinese_search_fields(
        [
            *Page.search_fields,
            index.SearchField("module"),
            index.SearchField("summary"),
            index.SearchField("body"),
            index.FilterField("locale"),
        ]
    )

    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def activity_ids(self) -> tuple[list[str], list[str]]:
        """Block ids of the quizzes and practical tasks in the live body, read from
        the raw JSON so no block is built."""
        quizzes, practicals = [], []
        for item in self.body.raw_data:
            if item.get("type") == "quiz":
                quizzes.append(item["id"])
            elif item.get("type") == "practical":
                practicals.append(item["id"])
        return quizzes, practicals

    def activity_block(self, block_id: str, block_type: str):
        """The bound quiz or practical block with this id, or None."""
        for block in self.body:
            if block.id == block_id and block.block_type == block_type:
                return block
        return None
