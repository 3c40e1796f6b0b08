#!/usr/bin/env bash
# go-sql-driver/mysql without interpolateParams: arguments go through server-side prepared
# statements. The program is lib/go/suite.go (shared with go-sql-driver-interpolate.sh).
exec "$(dirname "$0")/../lib/go/run.sh" -name go-sql-driver
