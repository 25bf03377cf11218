# Two commands set up a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8000

.PHONY: run test test-services test-e2e run-services bench lint messages install demo

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# gettext's msgfmt compiles the translations; Debian ships it as `gettext`.
messages: $(STAMP)
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext)
	$(PY) manage.py compilemessages --ignore=.venv -v 0

run: messages
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py load_demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: messages
	$(PY) -m pytest -n 2

test-services: messages
	bash .ci/services.sh test

run-services: messages
	bash .ci/services.sh run

test-e2e: messages
	bash .ci/e2e.sh

bench: messages
	bash .ci/services.sh bench

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
