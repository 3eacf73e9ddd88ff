# SOARS: two commands. `make run` starts the site with demo data; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export SOARS_DATA_DIR ?= $(CURDIR)/var

.PHONY: serve run test lint install browser clean

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

# The production profile on this machine, as a trial on loopback (docs/deploy.md): PostgreSQL and
# Redis (started if stopped), gunicorn, task workers, the scheduler, production settings over plain HTTP.
serve: install
	@mkdir -p var && [ -s var/secret_key ] || $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key
	SOARS_ENV=production SOARS_DEMO=$${SOARS_DEMO:-1} SECRET_KEY=$${SECRET_KEY:-$$(cat var/secret_key)} \
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/soars_site} \
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} \
	$(BIN)/python manage.py serve --port $(PORT) --plain-http --demo

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
