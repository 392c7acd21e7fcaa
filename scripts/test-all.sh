#!/usr/bin/env bash
# Every test: `npm test` (type check, unit, language server, CLI), then the editor-hosted suite in a real VS Code
# (`npm run test:e2e`: code-server from npm, cached in ~/.cache/ecs-security-lint). Ends with one combined
# `N passed, N failed` line over both suites; a suite that dies before its summary line counts as a failure.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
status=0
npm test 2>&1 | tee "$log/unit.txt" || status=1
npm run test:e2e 2>&1 | tee "$log/e2e.txt" || status=1
passed=0
failed=0
for suite in unit e2e; do
  line=$(grep -hE '^[0-9]+ passed, [0-9]+ failed' "$log/$suite.txt" | tail -n 1 || true)
  if [ -z "$line" ]; then
    failed=$((failed + 1)); status=1; continue
  fi
  set -- $(echo "$line" | tr -c '0-9\n' ' ')
  passed=$((passed + $1)); failed=$((failed + $2))
done
echo
echo "unit, LSP and CLI: $(grep -hE '^[0-9]+ passed' "$log/unit.txt" | tail -n 1)"
echo "editor-hosted: $(grep -hE '^[0-9]+ passed' "$log/e2e.txt" | tail -n 1)"
echo "$passed passed, $failed failed"
exit $status
