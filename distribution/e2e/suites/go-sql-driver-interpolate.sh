#!/usr/bin/env bash
# go-sql-driver/mysql with interpolateParams=true: the driver escapes arguments into the SQL
# text (COM_QUERY only). The program is lib/go/suite.go (shared with go-sql-driver.sh).
exec "$(dirname "$0")/../lib/go/run.sh" -name go-sql-driver-interpolate -interpolate
