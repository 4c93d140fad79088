#!/usr/bin/env bash
# README's test command: installs what the tests need on a fresh Debian machine (only what is missing),
# then runs every test. Extra arguments go to dotnet test (e.g. ./test.sh --filter Mail).
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests use. None today: the SMTP server of the mail tests runs in process
# (tests/Reclamations.Testing). Add them here, e.g. deps=(chromium) for browser tests.
deps=()
bash .ci/install-deps "${deps[@]}"

dotnet test ReclamationsWorkflow.sln "$@"
