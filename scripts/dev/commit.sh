#!/usr/bin/env bash
# Team helper: commit only the given paths, serialised with the other developers working in this tree.
# Usage: scripts/dev/commit.sh "message" path [path...]
set -euo pipefail
msg="$1"; shift
cd "$(git rev-parse --show-toplevel)"
exec 9>.git/dlrn-commit.lock
flock 9
git add -- "$@"
git commit -q -m "$msg" -- "$@"
git log --oneline -1
