# Two commands set up a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8000

.PHONY: run test test-services test-e2e run-services bench lint messages install demo system

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	# uv installs the same pinned ranges as pip, with parallel downloads and a cache:
	# a fresh clone is set up in seconds instead of minutes. Unlike pip, uv compiles
	# no bytecode unless asked: without it, where PYTHONDONTWRITEBYTECODE is set (CI
	# containers) every process (test workers, gunicorn, Celery) compiled Django and
	# Wagtail from source again, seconds of CPU each.
	$(PY) -m pip install --quiet "uv>=0.9,<1"
	$(VENV)/bin/uv pip install --quiet --compile-bytecode --python $(PY) -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# Debian packages the site and its tests need: gettext's msgfmt compiles the
# translations; every PDF embeds the CJK font of fonts-wqy-microhei (lms/fonts.py);
# the tests check the PDFs' fonts with poppler-utils' pdffonts.
FONT := /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
system:
	@command -v msgfmt >/dev/null && command -v pdffonts >/dev/null && test -f $(FONT) || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	  gettext fonts-wqy-microhei poppler-utils >/dev/null)

# Compiled once per change of the catalogue, not once per target: make lint, test,
# test-services and test-e2e each need it, and starting Django costs seconds.
MO := locale/zh_Hans/LC_MESSAGES/django.mo
$(MO): locale/zh_Hans/LC_MESSAGES/django.po | $(STAMP) system
	$(PY) manage.py compilemessages --ignore=.venv -v 0
	touch $(MO)

messages: $(STAMP) system $(MO)

run: messages
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py load_demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: messages
	$(PY) -m pytest -n 2
	# Again with production's caches (cached_db sessions, anonymous page cache on):
	# the pages, routing and page-cache tests (config/settings/test.py).
	# `make test PRODUCTION_CACHE_TESTS=` skips this second run (make test-services
	# runs the whole suite with production's caches, on PostgreSQL and Redis).
	$(if $(strip $(PRODUCTION_CACHE_TESTS)),PRODUCTION_CACHES=1 $(PY) -m pytest -n 2 -p no:randomly $(PRODUCTION_CACHE_TESTS))

PRODUCTION_CACHE_TESTS = tests/lms/test_routing.py tests/lms/test_auth_backends.py \
	tests/home/test_page_cache.py tests/courses/test_pages.py

test-services: messages
	bash .ci/services.sh test

run-services: messages
	bash .ci/services.sh run

test-e2e: messages
	bash .ci/e2e.sh

# Every demo role's start page and the main pages, 360 and 1280 px, en and zh-hans,
# photographed by Playwright into artifacts/screenshots/.
.PHONY: screenshots
screenshots: messages
	bash .ci/screenshots.sh

# The benchmarks (docs/benchmarks.md): BENCH_SIZE=small|large, BENCH_QUICK=1 for a
# tiny run of everything (20 learners, 20 s) that checks the wiring.
bench: messages
	bash .ci/services.sh bench

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
