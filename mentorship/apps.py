from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentorshipConfig(AppConfig):
    name = "mentorship"
    verbose_name = _("Mentorship")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms import navigation, permissions, personal_data, providers
        from mentorship import notice_kinds, selectors_dashboard
        from mentorship import permissions as mentorship_permissions
        from mentorship import personal_data as mentorship_data
        from mentorship import providers as mentorship_providers

        del notice_kinds  # imported for its kinds (lms.notices)

        mentorship_permissions.register()

        providers.register_training_hours(mentorship_providers.training_hours_many)
        providers.register_mentor_signoffs(mentorship_providers.mentor_signoffs_many)
        selectors_dashboard.register_panels()
        personal_data.register(
            "mentorship",
            mentorship_data.export_mentorship,
            mentorship_data.erase_mentorship,
        )

        nav = navigation.NavEntry
        navigation.register(
            nav(
                "mentorship:mentor_dashboard",
                _("My apprentices"),
                permissions.is_mentor,
                order=30,
                group="mentoring",
            )
        )
        navigation.register(
            nav(
                "mentorship:mine",
                _("My mentorship"),
                _is_learner,
                order=31,
                group="learning",
            )
        )
        navigation.register(
            nav(
                "mentorship:agreement_list",
                _("Mentorship agreements"),
                mentorship_permissions.sees_agreement_list,
                order=32,
                group="managing",
            )
        )
        navigation.register(
            nav(
                "mentorship:request_list",
                _("Service requests"),
                mentorship_permissions.sees_service_requests,
                order=33,
                group="mentoring",
            )
        )
        navigation.register(
            nav(
                "mentorship:my_hours",
                _("My learning hours"),
                _is_learner,
                order=34,
                group="learning",
            )
        )


def _is_learner(user) -> bool:
    from lms.permissions import has_role
    from lms.roles import Role

    return has_role(user, Role.LEARNER)
