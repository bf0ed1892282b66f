# Kelas Cantik: the two commands are `make start` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip install --disable-pip-version-check -q -c constraints.txt

NODE   := .cantik/node

.PHONY: start test bootstrap bootstrap-test system-deps node-deps lint lock clean

## start: set up .venv (first run only) and serve the learning environment (JupyterLab, id_ID)
start: bootstrap
	$(BIN)/cantik mulai

## test: set up .venv and the Debian packages the tests need, then run the whole test suite
test: bootstrap-test system-deps node-deps
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bootstrap: $(VENV)/.installed-base
bootstrap-test: $(VENV)/.installed-test

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-base: $(VENV)/bin/python pyproject.toml constraints.txt
	$(PIP) -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed-base
	$(PIP) -e '.[test]'
	touch $@

## system-deps: Debian packages for the browser, sandbox, class-server and replica tests (apt-get as root, else a message)
system-deps:
	scripts/ensure-debian-packages chromium bubblewrap postgresql haproxy

## node-deps: JupyterHub's proxy (configurable-http-proxy) from the npm registry, pinned by server/package-lock.json
node-deps: $(NODE)/node_modules/.bin/configurable-http-proxy

$(NODE)/node_modules/.bin/configurable-http-proxy: server/package.json server/package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js) belum terpasang: pasang Node.js 18+ beserta npm."; exit 1; }
	mkdir -p $(NODE)
	cp server/package.json server/package-lock.json $(NODE)/
	cd $(NODE) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

lint: bootstrap-test
	$(BIN)/ruff check src tests benchmarks

## lock: re-pin constraints.txt from a fresh resolve (developers only)
lock:
	rm -rf /tmp/cantik-lock && $(PYTHON) -m venv /tmp/cantik-lock
	/tmp/cantik-lock/bin/pip install -q -e '.[test]'
	{ echo "# Exact versions tested together (pip freeze of a fresh .venv). Used by 'make' as a pip constraints file."; \
	  echo "# Regenerate with: make lock"; /tmp/cantik-lock/bin/pip freeze --exclude-editable | grep -vi '^cantik'; } > constraints.txt

clean:
	rm -rf $(VENV) .cantik
