# LiveUpdate — build, test, demo. Every target works on a fresh Debian 12 machine with the .NET SDK.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
DOTNET ?= dotnet
CONFIG ?= Release
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE := 1

.PHONY: all build test demo bench e2e publish deps clean generated

all: build

deps:
	deploy/dev/install-packages.sh

build:
	$(DOTNET) build LiveUpdate.sln -c $(CONFIG) -nologo -v:q

## Installs what the tests need, then runs every test (unit, integration, lab, real-kernel end-to-end).
test: deps
	$(DOTNET) build LiveUpdate.sln -c $(CONFIG) -nologo -v:q
	deploy/dev/run-tests.sh $(CONFIG)

## The main job on its embedded default: a rolling live update of a local lab fleet.
demo: deps publish
	artifacts/bin/liveupdate demo

## Each figure on its own line: "bench: <name> <value> <unit> target <op> <value>".
## The agent is measured as hosts run it: the NativeAOT build (deploy/lab/agent/publish.sh).
bench: deps
	deploy/lab/agent/publish.sh $(CURDIR)/artifacts/aot
	$(DOTNET) build tests/LiveUpdate.Benchmarks -c Release -nologo -v:q
	LIVEUPDATE_AGENT=$(CURDIR)/artifacts/aot/liveupdate-agent tests/LiveUpdate.Benchmarks/bin/Release/net10.0/LiveUpdate.Benchmarks

## The real-kernel end-to-end run in QEMU (also part of `make test`): the lab image with the NativeAOT agent
## (deploy/lab/agent/prepare.sh, cached in $${LIVEUPDATE_CACHE:-/var/cache/liveupdate-e2e}), a kernel switch and a rollback.
e2e: deps
	$(DOTNET) test tests/LiveUpdate.E2E.Tests -c $(CONFIG) -nologo --filter "Category=e2e" --logger "console;verbosity=detailed"

## Puts the executables `liveupdate` and `liveupdate-agent` into artifacts/bin/.
# ReadyToRun: precompiled, so an agent starting in a freshly switched kernel does not spend the VMs'
# blackout compiling itself (the QEMU end-to-end run publishes the agent with NativeAOT instead).
PUBLISH_FLAGS = -c $(CONFIG) -r linux-x64 --self-contained false -p:PublishReadyToRun=true -nologo -v:q
publish:
	$(DOTNET) publish Orchestrator/LiveUpdate.Cli $(PUBLISH_FLAGS) -o artifacts/bin
	$(DOTNET) publish Agents/LiveUpdate.Agent $(PUBLISH_FLAGS) -o artifacts/bin

## Rewrites the generated files (state-machine diagrams, JSON schemas) from the code.
generated:
	LIVEUPDATE_WRITE_GENERATED=1 $(DOTNET) test LiveUpdate.sln -c $(CONFIG) --filter "Category=generated" -nologo

clean:
	rm -rf artifacts
	$(DOTNET) clean LiveUpdate.sln -nologo -v:q
