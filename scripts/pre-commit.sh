#!/bin/sh
# Git pre-commit hook: lints the staged candidates (*.json, *.jsonc, *.yaml, *.yml, *.tf, *.sh, *.bash, ecs.config,
# *.ecs.config) with ecs-lint and blocks the commit when it exits non-zero. Install: cp scripts/pre-commit.sh .git/hooks/pre-commit
# ECS_LINT overrides the command, split on spaces (default `ecs-lint`; e.g. ECS_LINT="node ../ecs-security-lint/dist/cli.js").
# It lints the files as they are in the working tree (stage what you lint).
# NUL-separated names survive spaces; with no staged candidate the inner sh exits 0 without running the linter.
git diff --cached --name-only --diff-filter=ACMR -z -- '*.json' '*.jsonc' '*.yaml' '*.yml' '*.tf' '*.sh' '*.bash' '*ecs.config' \
  | xargs -0 sh -c '[ "$#" -eq 0 ] || exec ${ECS_LINT:-ecs-lint} -- "$@"' ecs-lint-pre-commit
