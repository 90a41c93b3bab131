# Quick start: `make run` opens the app, `make test` runs the whole test suite.
# Each sets everything up on first use: system packages (Debian/Ubuntu), then .venv.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Other Pythons the GUI and audio tests run on too (skipped when not installed).
EXTRA_PYTHONS ?= 3.12 3.13
# simpleaudio, the fallback sound output, ships no wheels: on Linux it is built here, where
# scripts/install-system-deps.sh installs the compiler and the ALSA headers, and its real-audio
# test must then run (it fails instead of skipping if the extra is missing).
ifeq ($(shell uname -s),Linux)
EXTRAS := test,simpleaudio
export TEMPO_TRAINER_EXPECT_SIMPLEAUDIO := 1
else
EXTRAS := test
endif

.PHONY: run test lint check-pythons bench screenshots wheel clean

run: $(STAMP)
	$(BIN)/tempo-trainer

$(STAMP): pyproject.toml Makefile scripts/install-system-deps.sh
	sh scripts/install-system-deps.sh
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[$(EXTRAS)]'
	touch $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	$(BIN)/python -m pytest
	$(MAKE) check-pythons

# The GUI and audio tests on every other Python 3 this machine has (3.12 and 3.13).
check-pythons:
	@for version in $(EXTRA_PYTHONS); do \
		py=$$(sh scripts/find-python.sh $$version); \
		if [ -z "$$py" ]; then echo "== Python $$version is not installed: skipped"; continue; fi; \
		venv=.venv-$$version; echo "== Python $$version ($$py, $$venv)"; \
		test -x $$venv/bin/python || $$py -m venv $$venv || exit 1; \
		$$venv/bin/python -m pip install --quiet -e '.[$(EXTRAS)]' || exit 1; \
		$$venv/bin/python -m pytest -p no:cacheprovider tests/gui tests/unit/audio tests/integration || exit 1; \
	done

# Speed figures for the README (the audio bench takes minutes: see its --minutes option).
bench: $(STAMP)
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/progress.py
	$(BIN)/python bench/audio_timing.py --minutes 2

screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots.py

wheel: $(STAMP)
	$(BIN)/python -m build --wheel --outdir dist .

clean:
	rm -rf $(VENV) .venv-* dist build .mypy_cache .pytest_cache .ruff_cache
