# Tenant Tracker. `make run` and `make test` set themselves up; see README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test test-embedded run-cluster infra-up infra-down infra-status infra-versions protos bench clean venv

$(STAMP): requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

venv: $(STAMP)

## Every service in one process on embedded defaults; gateway on http://127.0.0.1:8080.
run: $(STAMP)
	@$(PY) -m services.common.devrunner

## Every test tier, against embedded defaults and the real engines (started here if needed).
test: $(STAMP) infra-up
	@$(PY) tools/run_pytest.py tests

## Only what needs no engine (a quick loop while coding).
test-embedded: $(STAMP)
	@$(PY) tools/run_pytest.py tests -m "not engines"

## Each service as its own process against PostgreSQL, Kafka and Elasticsearch.
run-cluster: $(STAMP) infra-up
	@$(PY) deploy/local/run_cluster.py

infra-up:
	@deploy/local/infra.sh up

infra-down:
	@deploy/local/infra.sh down

infra-status:
	@deploy/local/infra.sh status

infra-versions:
	@deploy/local/infra.sh versions

## Regenerate services/gen/ from protos/.
protos: $(STAMP)
	@PYTHON=$(PY) tools/gen_protos.sh

## Benchmarks (figures, never assertions): embedded and local-cluster modes side by side, then people search
## on 2,000,000 generated people, then imports of 1,000,000-row feeds (var/bench/).
## BENCH_ONLY=slice, search, import, groups, drift or reporting runs one stage.
bench: $(STAMP) infra-up
	@$(PY) bench/run.py

clean:
	rm -rf $(VENV) var
