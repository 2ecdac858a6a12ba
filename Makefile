# Thin wrapper over scripts/run.py (the real entry point, which also works on Windows).
PYTHON ?= python3

.PHONY: build test setup
build:
	$(PYTHON) scripts/run.py build
test:
	$(PYTHON) scripts/run.py test
setup:
	$(PYTHON) scripts/run.py setup
