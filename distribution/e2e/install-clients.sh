#!/usr/bin/env bash
# Installs the client libraries the suites in distribution/e2e/suites/ use (idempotent):
#   Debian packages: mariadb-client (mariadb, mariadb-admin, mariadb-dump),
#                    python3-pymysql (PyMySQL), python3-mysqldb (mysqlclient / MySQLdb),
#                    php-cli + php-mysql (mysqli, PDO_mysql on mysqlnd),
#                    libdbd-mariadb-perl (DBD::MariaDB), ruby-mysql2 (mysql2),
#                    golang-go + golang-github-go-sql-driver-mysql-dev (go-sql-driver/mysql,
#                    built offline in GOPATH mode from /usr/share/gocode), sysbench;
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
command -v php >/dev/null 2>&1 || packages+=(php-cli)
{ command -v php >/dev/null 2>&1 && php -r 'exit(extension_loaded("mysqli") && extension_loaded("pdo_mysql") ? 0 : 1);'; } ||
  packages+=(php-mysql)
perl -MDBD::MariaDB -e 1 2>/dev/null || packages+=(libdbd-mariadb-perl)
ruby -e 'require "mysql2"' 2>/dev/null || packages+=(ruby-mysql2)
command -v go >/dev/null 2>&1 || packages+=(golang-go)
[ -d /usr/share/gocode/src/github.com/go-sql-driver/mysql ] || packages+=(golang-github-go-sql-driver-mysql-dev)
command -v sysbench >/dev/null 2>&1 || packages+=(sysbench)
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
  "php $(php -r 'echo PHP_VERSION;')," \
  "DBD::MariaDB $(perl -MDBD::MariaDB -e 'print $DBD::MariaDB::VERSION')," \
  "ruby mysql2 $(ruby -e 'require "mysql2"; print Mysql2::VERSION')," \
  "$(go version | cut -d' ' -f3) with go-sql-driver/mysql $(dpkg-query -W -f='${Version}' golang-github-go-sql-driver-mysql-dev 2>/dev/null)," \
  "$(sysbench --version)," \
  "node $(node --version)," \
  "$(cd node && node -p 'Object.keys(require("./package.json").dependencies).map((n) => n + " " + require(`./node_modules/${n}/package.json`).version).join(", ")')"
