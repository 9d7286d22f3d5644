#!/usr/bin/env bash
# Runs every test project of the solution and ends with one summary line, "N passed, N failed",
# summed over all projects. Exits non-zero when any test failed or any project did not run.
set -uo pipefail
config=${1:-Release}
log=$(mktemp)
rm -f artifacts/e2e-blackout.txt
trap 'rm -f "$log"' EXIT
dotnet test LiveUpdate.sln -c "$config" --no-build -nologo 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if [ -f artifacts/e2e-blackout.txt ]; then
  echo
  echo "Real-kernel end-to-end (QEMU): VM blackout breakdown"
  cat artifacts/e2e-blackout.txt
fi
echo
echo "tests: $passed passed, $failed failed"
if [ "$passed" -eq 0 ]; then
  echo "run-tests: no test ran" >&2
  exit 1
fi
exit "$rc"
