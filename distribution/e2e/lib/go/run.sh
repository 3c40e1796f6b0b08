#!/usr/bin/env bash
# Builds and runs suite.go against Debian's go-sql-driver/mysql, offline: GOPATH mode
# (GO111MODULE=off) with GOPATH=/usr/share/gocode, where golang-github-go-sql-driver-mysql-dev
# installs the source; no module proxy is contacted. Arguments go to the program.
set -u
name=$2
if ! command -v go >/dev/null 2>&1 || [ ! -d /usr/share/gocode/src/github.com/go-sql-driver/mysql ]; then
  reason="go or go-sql-driver/mysql is not installed (apt-get install golang-go golang-github-go-sql-driver-mysql-dev)"
  if [ -n "${CI:-}" ]; then echo "FAIL $name library-installed: $reason"; else echo "skip $name: $reason"; fi
  exit 0
fi
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
export GO111MODULE=off GOPATH=/usr/share/gocode GOFLAGS= GOPROXY=off GOTOOLCHAIN=local
export GOCACHE=${GOCACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/porpoise-e2e-go}
if ! go build -o "$bin/suite" "$(dirname "$0")/suite.go" >&2; then
  echo "FAIL $name build: go build of lib/go/suite.go failed (see stderr)"
  exit 0
fi
"$bin/suite" "$@"
