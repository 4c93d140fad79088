#!/usr/bin/env bash
# README's test command: installs what the tests need on a fresh Debian machine (only what is missing),
# then runs every test. Extra arguments go to dotnet test (e.g. ./test.sh --filter Mail).
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests use: chromium (with a font) for the browser tests (Playwright drives
# /usr/bin/chromium; its own browser download does not work here). The SMTP server of the mail tests
# runs in process (tests/Reclamations.Testing). npm packages are restored by the Web project's build.
deps=(chromium fonts-dejavu-core)
bash .ci/install-deps "${deps[@]}"

dotnet test ReclamationsWorkflow.sln "$@"
