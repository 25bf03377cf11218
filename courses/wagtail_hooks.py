from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from courses.models import Enrollment
from courses.views.admin_reports import CourseReportView
from lms import permissions


class CourseReportMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.user_may(request.user, "report", Enrollment)


@hooks.register("register_admin_urls")
def register_course_report_url():
    return [
        path(
            "reports/courses/",
            CourseReportView.as_view(),
            name="courses_report",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_course_report_menu_item():
    return CourseReportMenuItem(
        _("Courses"), reverse("courses_report"), icon_name="doc-full", order=50
    )
