from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.sitemaps import AllLanguagesSitemap
from lms.views import account as lms_views

# An unreachable database answers a translated 503, not a 500 (lms/middleware.py).
handler500 = "lms.middleware.server_error"

urlpatterns = [
    # The admin signs in through allauth, so its rate limits and MFA apply there too.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/setlang/", lms_views.set_language, name="set_language"),
    path("i18n/text-size/", lms_views.set_text_size, name="set_text_size"),
    path("healthz/", lms_views.healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": AllLanguagesSitemap}}),
    path("api/", include("lms.certification.urls_api")),
    path("", include("lms.certification.urls_public")),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("me/", include("lms.urls")),
    path("join/", include("lms.urls_join")),
    path("learning/", include("courses.urls")),
    path("mentorship/", include("mentorship.urls")),
    path("reservations/", include("home.events.urls")),
    path("commendations/", include("home.events.commendations.urls")),
    path("votes/", include("home.events.voting.urls")),
    path("competitions/", include("home.events.competitions.urls")),
    path("judging/", include("home.events.judging.urls")),
    path("", include("lms.certification.urls")),
    path("", include("home.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns = (
        staticfiles_urlpatterns()
        + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
        + urlpatterns
    )
elif getattr(settings, "SERVE_MEDIA", False):
    # Production without a front proxy for uploads (make run-services): Django serves
    # MEDIA_ROOT itself; behind nginx this stays off and nginx serves /media/.
    from django.urls import re_path
    from django.views.static import serve as serve_media

    urlpatterns = [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve_media,
            {"document_root": settings.MEDIA_ROOT},
        )
    ] + urlpatterns
