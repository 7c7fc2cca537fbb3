# Clonazepam / benzodiazepine information assistant — Rasa 3.6.
# `make run` and `make test` work on a fresh machine; `make help` lists everything.

SHELL := /bin/bash
.DEFAULT_GOAL := help

# Rasa 3.6 needs Python <= 3.10; pyenv's global default here is 3.11, so select 3.10 explicitly.
PYTHON_VERSION := $(shell cat .python-version)
VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
export PYTHONPATH := $(CURDIR)
# Keep Rasa/TensorFlow quiet and offline: no telemetry, no oneDNN chatter.
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export TF_ENABLE_ONEDNN_OPTS := 0
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

HOST ?= 127.0.0.1
PORT ?= 5005
ACTIONS_PORT ?= 5055
PROFILE ?= default
MODEL := models/assistant.tar.gz
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Everything the trained model depends on: data, config, domain and our Rasa components.
# (bot/tools, bot/channels and the stores run beside the model, not in it: editing them does not retrain.)
MODEL_INPUTS := config.yml domain.yml $(shell find data -type f 2>/dev/null) $(shell find bot -type f \( -name '*.yml' -o -name '*.py' \) \
  -not -path 'bot/tools/*' -not -path 'bot/channels/*' -not -name tracker_store.py -not -name profiles.py 2>/dev/null)

.PHONY: help install browser nginx run-replicas responses train run shell actions test test-unit validate test-conversations \
        test-model eval first-contact calibrate-risk bench soak delete-conversation purge clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-20s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt requirements-lock.txt requirements-nodeps.txt .python-version
	@command -v pyenv >/dev/null && PYENV_VERSION=$(PYTHON_VERSION) pyenv exec python --version >/dev/null 2>&1 \
	  || { echo "Python $(PYTHON_VERSION) is not available through pyenv: install it (pyenv install $(PYTHON_VERSION))." >&2; exit 1; }
	PYENV_VERSION=$(PYTHON_VERSION) pyenv exec python -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip==24.0" "setuptools<70" wheel
	$(PY) -m pip install --quiet -r requirements.txt -c requirements-lock.txt
	$(PY) -m pip install --quiet --no-deps -r requirements-nodeps.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed ## Create .venv (Python 3.10, pinned) and node_modules (widget)

browser: ## Install Debian's chromium for the browser tests (never a downloaded browser)
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

responses: $(VENV)/.installed ## Regenerate data/responses/ from the cited knowledge base and helpline table
	$(PY) -m bot.build_responses

$(MODEL): $(VENV)/.installed node_modules/.installed $(MODEL_INPUTS)
	$(RASA) train --force --fixed-model-name assistant --out models
	@touch $@

train: $(MODEL) ## Train the model if it is missing or older than data/config/components

actions: $(VENV)/.installed ## Run the action server alone (port $(ACTIONS_PORT))
	$(VENV)/bin/rasa run actions --actions actions --port $(ACTIONS_PORT)

run: $(MODEL) ## Install, train if stale, start the action server and Rasa on $(HOST):$(PORT) (PROFILE=default|scale)
	$(PY) -m bot.tools.serve --host $(HOST) --port $(PORT) --actions-port $(ACTIONS_PORT) --model $(MODEL) --profile $(PROFILE)

N ?= 2
run-replicas: $(MODEL) nginx ## N Rasa replicas (PostgreSQL + Redis) behind nginx on $(HOST):$(PORT), plus the action server
	$(PY) -m bot.tools.replicas --replicas $(N) --port $(PORT) --model $(MODEL)

nginx: ## Install Debian's nginx (the replicas' load balancer)
	@command -v nginx >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light; }

shell: $(MODEL) ## Chat in the terminal (starts the action server too)
	$(PY) -m bot.tools.serve --shell --actions-port $(ACTIONS_PORT) --model $(MODEL)

validate: $(VENV)/.installed ## rasa data validate --fail-on-warnings
	$(RASA) data validate --fail-on-warnings

test-unit: $(VENV)/.installed ## pytest: bot/, actions/, content integrity (no trained model needed)
	$(PY) -m pytest -q -m "not model" tests

test-conversations: $(MODEL) ## Conversation tests: rasa test core --e2e on tests/
	$(RASA) test core --model $(MODEL) --stories tests --e2e --fail-on-prediction-errors --out results/core

test-model: $(MODEL) browser nginx ## Through the trained model: safety suites, answers, bad input, faults + store outage + soak, security + fuzzing, widget in Chromium, Telegram, persistence, replicas
	$(PY) -m pytest -q -m model tests

test: validate test-unit test-conversations test-model ## Everything CI runs

eval: $(MODEL) ## NLU cross-validation, safety report, and every fresh round's first contact vs its regression half now
	$(PY) -m bot.tools.evaluate --out reports

first-contact: $(MODEL) ## Score a fresh set once, before changing anything for it: make first-contact SET=<folder> ROUND=<n>
	@test -n "$(SET)" -a -n "$(ROUND)" || { echo "usage: make first-contact SET=<folder> ROUND=<n>" >&2; exit 2; }
	$(PY) -m bot.tools.fresh_eval "$(SET)" --record reports/understanding/round$(ROUND)_first_contact.json \
	  --label "round $(ROUND) set, first contact"

calibrate-risk: $(VENV)/.installed ## Risk-model thresholds by cross-validation on its corpus (prints; config.yml holds them)
	$(PY) -m bot.tools.calibrate_risk

bench: $(MODEL) nginx ## Stock `rasa init` bot vs ours vs 2 replicas: c=1,16,64 and a 200-turn conversation → reports/bench.{json,png}
	$(PY) -m bot.tools.bench --model $(MODEL) --out reports

soak: $(MODEL) ## 3,000 mixed messages, action server restarted mid-run → reports/soak.json (also part of test-model)
	$(PY) -m bot.tools.soak

delete-conversation: $(VENV)/.installed ## Delete one conversation: make delete-conversation ID=<conversation id> [PROFILE=scale]
	@test -n "$(ID)" || { echo "usage: make delete-conversation ID=<conversation id>" >&2; exit 2; }
	$(PY) -m bot.tools.privacy --profile $(PROFILE) delete "$(ID)"

DAYS ?= 30
purge: $(VENV)/.installed ## Delete conversations with no message in the last DAYS days (default 30) [PROFILE=scale]
	$(PY) -m bot.tools.privacy --profile $(PROFILE) purge --days $(DAYS)

clean: ## Remove trained models, results and caches (keeps .venv)
	rm -rf models/*.tar.gz results .rasa .pytest_cache
