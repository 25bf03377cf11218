"""The floor of the load test: a bare Django view that answers ``size`` bytes, through
the same middleware as every page. Routed only by ``bench/urls.py``, the URLs of
``config.settings.bench``."""

from django.http import HttpResponse

MAX_SIZE = 1024 * 1024


def floor(request, size: int):
    return HttpResponse(b"x" * min(size, MAX_SIZE), content_type="text/html")
