#!/usr/bin/env bash
# Installs the client libraries the suites in distribution/e2e/suites/ use (idempotent):
#   Debian packages: mariadb-client (mariadb, mariadb-admin, mariadb-dump),
#                    python3-pymysql (PyMySQL), python3-mysqldb (mysqlclient / MySQLdb);
#                    nodejs and npm only when there is no node/npm at all (the machine's own
#                    Node.js, 20 or newer, is used as it is; mariadb 3.5 wants Node >= 20);
#   npm packages:    mysql2, mysql, mariadb at the versions pinned in node/package-lock.json,
#                    into distribution/e2e/node/node_modules (npm ci).
# Needs root for apt-get (CI and the development machines run as root).
set -euo pipefail
cd "$(dirname "$0")"

python_has() { [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import $1" 2>/dev/null; }

packages=()
for tool in mariadb mariadb-admin mariadb-dump; do
  command -v "$tool" >/dev/null 2>&1 || { packages+=(mariadb-client); break; }
done
python_has pymysql || packages+=(python3-pymysql)
python_has MySQLdb || packages+=(python3-mysqldb)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

if [ ${#packages[@]} -gt 0 ]; then
  echo "install-clients: apt-get install ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

# npm ci only when node_modules does not hold exactly the pinned versions.
if ! (cd node && node -e '
  const deps = require("./package.json").dependencies;
  for (const [name, version] of Object.entries(deps)) {
    if (require(`./node_modules/${name}/package.json`).version !== version) process.exit(1);
  }' 2>/dev/null); then
  echo "install-clients: npm ci in $(pwd)/node"
  (cd node && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "install-clients: mariadb $(mariadb --version | sed -n 's/.*Distrib \([^,]*\),.*/\1/p')," \
  "PyMySQL $(/usr/bin/python3 -c 'import pymysql; print(pymysql.__version__)')," \
  "mysqlclient $(/usr/bin/python3 -c 'import MySQLdb; print(MySQLdb.__version__)')," \
  "node $(node --version)," \
  "$(cd node && node -p 'Object.keys(require("./package.json").dependencies).map((n) => n + " " + require(`./node_modules/${n}/package.json`).version).join(", ")')"
