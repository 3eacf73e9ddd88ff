# SOARS: two commands. `make run` starts the site with demo data; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export SOARS_DATA_DIR ?= $(CURDIR)/var

.PHONY: run test lint install browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the pinned requirements change.
$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

run: install
	SOARS_ENV=development $(BIN)/python manage.py migrate --noinput
	SOARS_ENV=development $(BIN)/python manage.py load_reference
	SOARS_ENV=development $(BIN)/python manage.py seed_demo --if-empty
	SOARS_ENV=development $(BIN)/python manage.py runsite --port $(PORT)

test: install
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	SOARS_ENV=test $(BIN)/python manage.py makemigrations --check --dry-run

# Debian's Chromium for the accessibility and browser tests (needs root or sudo).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

clean:
	rm -rf $(VENV) var
