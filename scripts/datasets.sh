#!/usr/bin/env bash
# Prints the folder of the real datasets (never copied into the repository): $FLYWHEEL_DATASETS,
# by default `shared/datasets` beside the repository's folder. The one place scripts take it
# from (docs/development.md, "Real datasets"; Tests/FlywheelTestSupport/Repository.swift is the
# tests' side of the same rule).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
echo "${FLYWHEEL_DATASETS:-$repo/../shared/datasets}"
