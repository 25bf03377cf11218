"""Benchmarks only (``bash .ci/services.sh bench``): the production settings, with a
URL configuration that adds the bare floor view the pages are compared with
(``bench/urls.py``), and a header saying which caches answered each request
(``bench/cache_share.py``). Never used by a real deployment."""

from .production import *  # noqa: F403
from .production import MIDDLEWARE

ROOT_URLCONF = "bench.urls"
MIDDLEWARE = ["bench.cache_share.CacheShareMiddleware", *MIDDLEWARE]
