#!/usr/bin/env bash
# The Lint step of action.yml: turns the action's inputs (INPUT_* variables) into an ecs-lint command line, runs it
# in the caller's workspace and records the SARIF path and exit status as step outputs. Exits with ecs-lint's status.
set -uo pipefail
set -f # paths are taken literally: no glob expansion of the input

format=${INPUT_FORMAT:-sarif}
output=${INPUT_OUTPUT:-}
if [ -z "$output" ] && [ "$format" = sarif ]; then output=ecs-lint.sarif; fi

args=(--format "$format" --fail-on "${INPUT_FAIL_ON:-error}")
if [ -n "$output" ]; then args+=(--output "$output"); fi
if [ -n "${INPUT_BASELINE:-}" ]; then args+=(--baseline "$INPUT_BASELINE"); fi
read -r -d '' -a paths <<< "${INPUT_PATHS:-.}" || true
if [ ${#paths[@]} -eq 0 ]; then paths=(.); fi

node "${ECS_LINT_CLI:?path of dist/cli.js}" "${args[@]}" -- "${paths[@]}"
status=$?

out=${GITHUB_OUTPUT:-/dev/null}
echo "exit-code=$status" >> "$out"
if [ "$format" = sarif ] && [ -f "$output" ]; then echo "sarif-file=$output" >> "$out"; fi
exit $status
