# Zendo: the two commands are `make up` and `make test`; the rest help around them.
.DEFAULT_GOAL := help
SHELL := /bin/bash

.PHONY: help up down status logs test build infra-up infra-down contracts-baseline bench images compose-up compose-down

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-20s %s\n", $$1, $$2}'

up: ## run the whole platform locally and print its URLs
	@bash scripts/up.sh

down: ## stop what make up started
	@bash scripts/down.sh

status: ## one line per local process
	@bash scripts/status.sh

logs: ## follow logs: make logs SERVICE=identity (or gateway, postgres, redis, kafka; all services without)
	@bash scripts/logs.sh $(SERVICE)

test: ## every suite against fresh test servers (ZENDO_PORT_BASE=… moves their ports as a block)
	@bash scripts/test.sh

build: ## build every service jar without tests
	@./mvnw -q -B -DskipTests package

images: ## every container image, offline with podman where Docker is missing (see docs/containers.md)
	@bash scripts/images.sh

compose-up: ## run docker-compose.yml from those images (podman-compose adds docker-compose.airgap.yml)
	@bash scripts/compose.sh up

compose-down: ## stop the compose stack, removing its containers, network and volumes
	@bash scripts/compose.sh down

infra-up: ## only PostgreSQL, Redis and Kafka (ZENDO_ENV=test for the test ones)
	@bash scripts/infra.sh ensure >/dev/null

infra-down: ## stop only PostgreSQL, Redis and Kafka
	@bash scripts/infra.sh stop

contracts-baseline: ## record the event contracts after adding fields or messages
	@./mvnw -q -B -pl proto-events -am test -Dcontracts.update=true

bench: ## every benchmark, report in bench/results/ (make bench SCENARIO=fanout runs one; see bench/README.md)
	@bash bench/run.sh $(SCENARIO)
