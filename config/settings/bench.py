"""Benchmarks only (``bash .ci/services.sh bench``): the production settings, with a
URL configuration that adds the bare floor view the pages are compared with
(``bench/urls.py``). Never used by a real deployment."""

from .production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
