#!/usr/bin/env bash
# Fuzzes the parsers of untrusted text with Jazzer: each target of ParsersFuzzTest (geometry, feature, datetime,
# bbox, cursor, cql2) in turn, for the @FuzzTest maxDuration of each (30 s; raise it there for a longer run).
#   fuzz.sh [TARGET...]
# An input that makes a target throw anything but a 4xx problem fails it and is kept by Jazzer under
# src/test/resources/org/incidentmap/fuzz/ParsersFuzzTestInputs/<target>/; commit it once fixed: every plain test
# run replays those inputs. CI runs this after the tests. The corpus it grows goes to .cifuzz-corpus/ (git-ignored);
# copy what is new into the inputs folder (as corpus-<name>) to keep it as regressions too.
set -euo pipefail
cd "$(dirname "$0")/../.."
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(geometry feature datetime bbox cursor cql2)
for target in "${targets[@]}"; do
  echo "fuzz: ParsersFuzzTest#$target" >&2
  JAZZER_FUZZ=1 ./mvnw -q -B test -Dtest="ParsersFuzzTest#$target" -Dsurefire.failIfNoSpecifiedTests=false
done
