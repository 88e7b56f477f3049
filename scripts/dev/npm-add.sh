#!/usr/bin/env bash
# Team helper: `npm install` packages, serialised with the other developers, then commit package.json + lock.
# Usage: scripts/dev/npm-add.sh [--save-dev] pkg[@version] ...
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
exec 9>.git/dlrn-npm.lock
flock 9
npm install "$@"
exec 8>.git/dlrn-commit.lock
flock 8
git add package.json package-lock.json
git commit -q -m "deps: npm install $*" -- package.json package-lock.json || true
