# 信用债务知识库 — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test test-deps install lint format bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	DJANGO_DEBUG=$${DJANGO_DEBUG-1} $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=$${DJANGO_DEBUG-1} $(PY) manage.py load_content
	DJANGO_DEBUG=$${DJANGO_DEBUG-1} $(PY) manage.py runserver 127.0.0.1:$(PORT)

# What the suite needs from the machine: Debian packages (apt-get, as root), PostgreSQL and
# Redis started. Quiet and without apt when all is there.
test-deps:
	@scripts/test-deps.sh

# The whole suite. PostgreSQL tests run when DATABASE_URL points at PostgreSQL.
test: $(STAMP) test-deps
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY-test-only-secret-key} \
	DJANGO_ALLOWED_HOSTS=$${DJANGO_ALLOWED_HOSTS-testserver,localhost,127.0.0.1} \
	DJANGO_DEBUG=0 $(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: $(STAMP)
	$(PY) bench/pages.py --lighthouse
	$(PY) bench/parser.py
	$(PY) bench/search.py
	$(PY) bench/soak.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
