"""The course report in the Wagtail admin: editors and moderators see everyone,
HR only their enterprises' people."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from courses import reports, selectors
from courses.models import CoursePage, Enrollment
from courses.permissions import reports_see_everyone
from lms import charts, permissions
from lms.models import Enterprise


class ReportFilterForm(forms.Form):
    course = forms.ModelChoiceField(
        label=_("Course"),
        queryset=CoursePage.objects.none(),
        required=False,
        empty_label=_("All courses"),
    )
    enterprise = forms.ModelChoiceField(
        label=_("Enterprise"),
        queryset=Enterprise.objects.none(),
        required=False,
        empty_label=_("All enterprises"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Records point at the default-language course pages.
        self.fields["course"].queryset = CoursePage.objects.filter(
            locale__language_code=selectors.default_language()
        ).order_by("title")
        enterprises = Enterprise.objects.order_by("name")
        if not reports_see_everyone(user):
            enterprises = enterprises.filter(pk__in=permissions.hr_enterprise_ids(user))
        self.fields["enterprise"].queryset = enterprises


class CourseReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "courses/admin/course_report.html"
    page_title = _("Course report")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not permissions.user_may(request.user, "report", Enrollment):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def _scope(self):
        form = ReportFilterForm(self.request.GET or None, user=self.request.user)
        course = enterprise = None
        if form.is_valid():
            course = form.cleaned_data["course"]
            enterprise = form.cleaned_data["enterprise"]
        enrollments = reports.enrollments_for_report(
            user=self.request.user,
            course_id=course.pk if course else None,
            enterprise_id=enterprise.pk if enterprise else None,
        )
        return form, course, enrollments

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("export")
        if fmt in ("csv", "xlsx"):
            return self.export(fmt)
        return super().get(request, *args, **kwargs)

    def export(self, fmt: str):
        _form, course, enrollments = self._scope()
        table = self.request.GET.get("table", "people")
        columns = reports.export_tables().get(table)
        if columns is None:
            table, columns = "people", reports.export_tables()["people"]
        if table == "courses":
            rows = reports.course_summary(enrollments)
        elif table == "dropoff":  # per lesson of the chosen course
            rows = reports.lesson_dropoff(enrollments, course) if course else []
        elif table == "enterprises":
            rows = reports.enterprise_rows(enrollments, user=self.request.user)
        else:
            rows = reports.people_rows(enrollments, limit=None)
        return reports.export_response(
            rows=rows, columns=columns, fmt=fmt, filename=f"course-report-{table}"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, course, enrollments = self._scope()
        summary = reports.course_summary(enrollments)
        dropoff = reports.lesson_dropoff(enrollments, course) if course else []
        if dropoff:
            chart = reports.bars(dropoff, label="lesson", value="completed")
            chart_title = _("Learners who completed each lesson")
        else:
            chart = reports.bars(
                summary, label="course__title", value="rate", maximum=100
            )
            chart_title = _("Completion rate per course (%)")
        query = self.request.GET.copy()
        query.pop("export", None)
        query.pop("table", None)
        context.update(
            {
                "form": form,
                "course": course,
                "summary": summary,
                "dropoff": dropoff,
                "people": reports.people_rows(enrollments, limit=reports.PEOPLE_LIMIT),
                "people_limit": reports.PEOPLE_LIMIT,
                "enterprises": reports.enterprise_rows(
                    enrollments, user=self.request.user
                ),
                "chart": chart,
                "chart_height": charts.bars_height(len(chart)),
                "chart_title": chart_title,
                "query_string": query.urlencode(),
            }
        )
        return context
