from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        import mimetypes

        from lms import navigation, permissions, personal_data, providers

        from . import notice_kinds, selectors_dashboard
        from . import permissions as courses_permissions
        from . import personal_data as courses_data
        from . import providers as courses_providers

        del notice_kinds  # imported for its kinds (lms.notices)

        courses_permissions.register()

        # Pages are served by their views; the models never import them.
        from .models import (
            CourseIndexPage,
            CoursePage,
            Enrollment,
            LessonPage,
            PracticalSubmission,
        )
        from .views import pages as page_views

        CourseIndexPage.page_view = staticmethod(page_views.catalogue_serve)
        CoursePage.page_view = staticmethod(page_views.course_serve)
        LessonPage.page_view = staticmethod(page_views.lesson_serve)

        # Lesson captions: browsers play a track only when served as text/vtt.
        mimetypes.add_type("text/vtt", ".vtt")
        providers.register_completed_courses(
            courses_providers.completed_course_ids_many
        )
        providers.register_course_pages(courses_providers.course_pages)
        selectors_dashboard.register_panels()
        personal_data.register(
            "courses", courses_data.export_courses, courses_data.erase_courses
        )
        navigation.register(
            navigation.NavEntry(
                "courses:catalogue",
                _("Courses"),
                lambda user: True,
                order=10,
                area="site",
            )
        )
        navigation.register(
            navigation.NavEntry(
                "courses:my_learning",
                _("My learning"),
                lambda user: getattr(user, "is_authenticated", False),
                order=20,
                group="learning",
            )
        )
        navigation.register(
            navigation.NavEntry(
                "courses:practical_reviews",
                _("Practical reviews"),
                lambda u: permissions.user_may(u, "sign_off", PracticalSubmission),
                order=40,
                group="mentoring",
            )
        )
        navigation.register(
            navigation.NavEntry(
                "courses:assign",
                _("Assign a course"),
                lambda u: permissions.user_may(u, "assign", Enrollment),
                order=45,
                group="managing",
            )
        )
