"""The site's URLs plus the benchmark's floor (``/bench/floor/<size>/``), a bare view
the pages are compared with; ``config.settings.bench`` routes through here, the
production URL configuration never does."""

from django.urls import path

from bench.floor import floor
from config.urls import handler500
from config.urls import urlpatterns as site_urlpatterns

__all__ = ["handler500", "urlpatterns"]

urlpatterns = [path("bench/floor/<int:size>/", floor), *site_urlpatterns]
