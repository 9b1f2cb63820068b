#!/usr/bin/env bash
# Installs and runs the three real engines of the "local cluster" mode on loopback:
# PostgreSQL (Debian packages), Apache Kafka in KRaft mode and Elasticsearch (both from Maven Central).
#
#   deploy/local/infra.sh up        install what is missing, start what is not running, wait until healthy
#   deploy/local/infra.sh down      stop the engines this script started (SIGTERM, then wait)
#   deploy/local/infra.sh status    one line per engine: up/down and port
#   deploy/local/infra.sh versions  the version each running engine reports
#
# Environment:
#   TRACKER_CACHE_DIR   downloads cache           (default $HOME/.cache/tenant-tracker; Maven also uses ~/.m2)
#   TRACKER_INFRA_DIR   data, logs and pid files  (default <repo root>/var/infra)
#   TRACKER_PG_PORT (5432)  TRACKER_KAFKA_PORT (9092)  TRACKER_KAFKA_CONTROLLER_PORT (9093)
#   TRACKER_ES_PORT (9200)  TRACKER_ES_TRANSPORT_PORT (9300)
#   TRACKER_KAFKA_JAVA_HOME (JDK 17)  TRACKER_ES_JAVA_HOME (first JDK that Elasticsearch accepts)
#   TRACKER_START_TIMEOUT  seconds to wait for each engine to become healthy (120)
set -euo pipefail
umask 022
# NB: with pipefail, never end a pipeline in an early-exiting reader (grep -q, head): the writer's SIGPIPE
# would fail the whole pipeline. Use grep -c >/dev/null and sed -n 1p instead.

# ---------------------------------------------------------------------------------------------
# The PostgreSQL databases of the services (each owned by tracker_owner). Add new services here.
PG_DATABASES="tracker_gateway tracker_profiles tracker_reporting tracker_import tracker_households tracker_groups tracker_messaging tracker_referrals"
# ---------------------------------------------------------------------------------------------

KAFKA_VERSION=4.3.1
KAFKA_SCALA_VERSION=2.13
LOG4J_VERSION=2.24.3
SLF4J_VERSION=2.0.17
ES_VERSION=8.19.21
ES_ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip"
ES_USER=tracker-search

HOST=127.0.0.1
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TEMPLATES="$SCRIPT_DIR/templates"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
CACHE_DIR="${TRACKER_CACHE_DIR:-$HOME/.cache/tenant-tracker}"
INFRA_DIR="${TRACKER_INFRA_DIR:-$REPO_ROOT/var/infra}"
PG_PORT="${TRACKER_PG_PORT:-5432}"
KAFKA_PORT="${TRACKER_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${TRACKER_KAFKA_CONTROLLER_PORT:-9093}"
ES_PORT="${TRACKER_ES_PORT:-9200}"
ES_TRANSPORT_PORT="${TRACKER_ES_TRANSPORT_PORT:-9300}"
START_TIMEOUT="${TRACKER_START_TIMEOUT:-120}"
KAFKA_JAVA_HOME="${TRACKER_KAFKA_JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
ES_JAVA_CANDIDATES="${TRACKER_ES_JAVA_HOME:-} /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64"

PG_DIR="$INFRA_DIR/postgres"
PG_DATA="$PG_DIR/data"
PG_RUN="$PG_DIR/run"
PG_LOG="$PG_DIR/log/postgresql.log"

KAFKA_HOME="$CACHE_DIR/kafka/$KAFKA_VERSION"
KAFKA_LIB="$KAFKA_HOME/lib"
KAFKA_DIR="$INFRA_DIR/kafka"
KAFKA_PID="$KAFKA_DIR/kafka.pid"
KAFKA_LOGS="$KAFKA_DIR/logs"

ES_DIST="$CACHE_DIR/elasticsearch/$ES_VERSION/dist/elasticsearch-$ES_VERSION"
ES_DIR="$INFRA_DIR/elasticsearch"
ES_HOME="$ES_DIR/home"
ES_CONF="$ES_DIR/config"
ES_PID="$ES_DIR/elasticsearch.pid"
ES_LOGS="$ES_DIR/logs"

log()  { printf '[infra] %s\n' "$*"; }
warn() { printf '[infra] WARNING: %s\n' "$*" >&2; }
# fail ENGINE REASON [LOGFILE...]: say which engine failed and why, show the end of its logs, exit 1
fail() {
  local engine="$1" reason="$2"; shift 2
  printf '\n[infra] ERROR: %s could not be started: %s\n' "$engine" "$reason" >&2
  local f
  for f in "$@"; do
    if [[ -s "$f" ]]; then
      printf '[infra] ---- last 30 lines of %s ----\n' "$f" >&2
      tail -n 30 "$f" >&2
      printf '[infra] ---- end of %s ----\n' "$f" >&2
    fi
  done
  exit 1
}

# run a command as another OS user from / (the caller's cwd may be unreadable for that user)
as_user() { local u="$1"; shift; ( cd / && runuser -u "$u" -- "$@" ); }
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null; }
pid_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }
read_pid() { [[ -s "$1" ]] && sed -n 1p "$1" | tr -d '[:space:]' || true; }
# render TEMPLATE OUT KEY=VALUE...: replace @KEY@ with VALUE
render() {
  local tmpl="$1" out="$2"; shift 2
  local content kv
  content="$(cat "$tmpl")"
  for kv in "$@"; do content="${content//@${kv%%=*}@/${kv#*=}}"; done
  printf '%s\n' "$content" > "$out.tmp.$$" && mv -f "$out.tmp.$$" "$out"
}
# can USER traverse every directory down to DIR (DIR need not exist yet)
check_traversable() {
  local user="$1" dir="$2" d=""
  local part
  IFS='/' read -r -a parts <<< "${dir#/}"
  for part in "${parts[@]}"; do
    d="$d/$part"
    [[ -d "$d" ]] || break
    if ! as_user "$user" test -x "$d"; then
      return 1
    fi
  done
}
elapsed() { echo "$(( $(date +%s) - $1 ))s"; }

mkdir -p "$INFRA_DIR"
INFRA_DIR="$(cd "$INFRA_DIR" && pwd)"

# =============================================================================================
# PostgreSQL
# =============================================================================================
pg_bindir() {
  local p
  p="$(ls -d /usr/lib/postgresql/*/bin/postgres 2>/dev/null | sort -V | tail -n1 || true)"
  [[ -n "$p" ]] && dirname "$p"
}

pg_install() {
  if [[ -n "$(pg_bindir)" ]]; then return 0; fi
  log "postgresql: installing Debian packages"
  # no default cluster: this script runs its own cluster under $TRACKER_INFRA_DIR
  mkdir -p /etc/postgresql-common
  local cc=/etc/postgresql-common/createcluster.conf
  if [[ -f "$cc" ]] && grep -qE '^[#[:space:]]*create_main_cluster' "$cc"; then
    sed -i -E 's/^[#[:space:]]*create_main_cluster.*/create_main_cluster = false/' "$cc"
  else
    echo 'create_main_cluster = false' >> "$cc"
  fi
  export DEBIAN_FRONTEND=noninteractive
  local apt_opts=(-y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  if ! apt-cache show postgresql >/dev/null 2>&1 || ! apt-get install "${apt_opts[@]}" postgresql; then
    apt-get update -q
    apt-get install "${apt_opts[@]}" postgresql || fail PostgreSQL "apt-get install postgresql failed"
  fi
  [[ -n "$(pg_bindir)" ]] || fail PostgreSQL "postgres binary not found under /usr/lib/postgresql/*/bin after install"
}

pg_ours_running() {
  [[ -f "$PG_DATA/postmaster.pid" ]] && pid_alive "$(read_pid "$PG_DATA/postmaster.pid")"
}

# psql as the superuser: via our own unix socket (peer auth) if it is our cluster, else over TCP
pg_psql() {
  local db="$1"; shift
  if [[ -S "$PG_RUN/.s.PGSQL.$PG_PORT" ]]; then
    as_user postgres "$(pg_bindir)/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_RUN" -p "$PG_PORT" -U postgres -d "$db" "$@"
  else
    PGPASSWORD="${PGPASSWORD:-postgres}" "$(pg_bindir)/psql" -X -q -v ON_ERROR_STOP=1 \
      -h "$HOST" -p "$PG_PORT" -U postgres -d "$db" "$@"
  fi
}

pg_provision() {
  local db
  pg_psql postgres <<'SQL'
ALTER ROLE postgres PASSWORD 'postgres';
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tracker_owner') THEN
    CREATE ROLE tracker_owner LOGIN PASSWORD 'tracker_owner';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tracker_app') THEN
    CREATE ROLE tracker_app LOGIN PASSWORD 'tracker_app';
  END IF;
END
$$;
ALTER ROLE tracker_owner LOGIN PASSWORD 'tracker_owner' NOSUPERUSER NOCREATEROLE NOBYPASSRLS;
ALTER ROLE tracker_app LOGIN PASSWORD 'tracker_app' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION;
SQL
  for db in $PG_DATABASES; do
    pg_psql postgres -v db="$db" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER tracker_owner', :'db')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SELECT format('ALTER DATABASE %I OWNER TO tracker_owner', :'db') \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO tracker_app', :'db') \gexec
SQL
    pg_psql "$db" <<'SQL'
ALTER SCHEMA public OWNER TO tracker_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO tracker_app;
ALTER DEFAULT PRIVILEGES FOR ROLE tracker_owner IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tracker_app;
ALTER DEFAULT PRIVILEGES FOR ROLE tracker_owner IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO tracker_app;
SQL
  done
}

pg_up() {
  local t0; t0=$(date +%s)
  if port_open "$PG_PORT"; then
    if pg_ours_running; then
      log "postgresql: already running on $HOST:$PG_PORT (pid $(read_pid "$PG_DATA/postmaster.pid")), leaving it"
    else
      log "postgresql: something already answers on $HOST:$PG_PORT (not started by this script), leaving it"
    fi
    pg_provision >/dev/null || fail PostgreSQL "the server on port $PG_PORT answers but roles/databases could not be provisioned (is it ours? superuser postgres/postgres needed)"
    return 0
  fi
  pg_install
  local bin; bin="$(pg_bindir)"
  id postgres >/dev/null 2>&1 || fail PostgreSQL "OS user 'postgres' missing (the Debian package creates it)"
  mkdir -p "$PG_DIR" "$PG_RUN" "$(dirname "$PG_LOG")"
  chown postgres:postgres "$PG_DIR" "$PG_RUN" "$(dirname "$PG_LOG")"
  chmod 0700 "$PG_RUN"
  check_traversable postgres "$PG_DIR" || fail PostgreSQL "OS user postgres cannot traverse the path to $PG_DIR (set TRACKER_INFRA_DIR elsewhere or chmod o+x its parents)"
  if (( ${#PG_RUN} > 100 )); then
    fail PostgreSQL "unix socket directory path is too long (${#PG_RUN} chars): $PG_RUN; use a shorter TRACKER_INFRA_DIR"
  fi

  if [[ ! -s "$PG_DATA/PG_VERSION" ]]; then
    if [[ -d "$PG_DATA" ]] && [[ -n "$(ls -A "$PG_DATA")" ]]; then
      fail PostgreSQL "$PG_DATA exists, is not empty and has no PG_VERSION (a failed initdb?); remove it and retry"
    fi
    log "postgresql: initdb into $PG_DATA"
    local pwfile="$PG_DIR/.initdb-pw"
    install -m 0600 -o postgres -g postgres /dev/null "$pwfile"
    echo postgres > "$pwfile"
    as_user postgres "$bin/initdb" -D "$PG_DATA" -U postgres --pwfile="$pwfile" \
      --auth-local=peer --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 \
      > "$PG_DIR/log/initdb.log" 2>&1 || { rm -f "$pwfile"; fail PostgreSQL "initdb failed" "$PG_DIR/log/initdb.log"; }
    rm -f "$pwfile"
    echo "include_if_exists = 'tracker.conf'" >> "$PG_DATA/postgresql.conf"
  fi
  install -m 0600 -o postgres -g postgres "$TEMPLATES/pg_hba.conf" "$PG_DATA/pg_hba.conf"
  render "$TEMPLATES/postgresql.conf.in" "$PG_DATA/tracker.conf" HOST="$HOST" PORT="$PG_PORT" SOCKET_DIR="$PG_RUN"
  chown postgres:postgres "$PG_DATA/tracker.conf"

  log "postgresql: starting on $HOST:$PG_PORT (log $PG_LOG)"
  touch "$PG_LOG"; chown postgres:postgres "$PG_LOG"
  if ! as_user postgres "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$START_TIMEOUT" start >/dev/null; then
    fail PostgreSQL "pg_ctl start failed or timed out after ${START_TIMEOUT}s" "$PG_LOG"
  fi
  "$bin/pg_isready" -q -h "$HOST" -p "$PG_PORT" || fail PostgreSQL "not accepting TCP connections on $HOST:$PG_PORT" "$PG_LOG"
  pg_provision || fail PostgreSQL "provisioning roles/databases failed" "$PG_LOG"
  log "postgresql: up on $HOST:$PG_PORT (databases: $PG_DATABASES) in $(elapsed "$t0")"
}

pg_down() {
  if pg_ours_running; then
    log "postgresql: stopping (pid $(read_pid "$PG_DATA/postmaster.pid"))"
    as_user postgres "$(pg_bindir)/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null \
      || { warn "postgresql: pg_ctl stop failed"; return 1; }
    log "postgresql: stopped"
  else
    log "postgresql: not running (not started by this script)"
  fi
}

pg_version() {
  local v
  v="$(PGPASSWORD=postgres "$(pg_bindir)/psql" -X -At -h "$HOST" -p "$PG_PORT" -U postgres -d postgres \
        -c 'SHOW server_version' 2>/dev/null)" || return 1
  echo "PostgreSQL $v"
}

# =============================================================================================
# Kafka (KRaft, combined broker+controller)
# =============================================================================================
kafka_java() { echo "$KAFKA_JAVA_HOME/bin/java"; }

kafka_install() {
  if [[ -f "$KAFKA_LIB/.complete" ]]; then return 0; fi
  command -v mvn >/dev/null || fail Kafka "mvn not found (needed to fetch the Kafka jars from Maven Central)"
  log "kafka: resolving org.apache.kafka:kafka_$KAFKA_SCALA_VERSION:$KAFKA_VERSION and its runtime jars with Maven"
  mkdir -p "$KAFKA_HOME"
  render "$TEMPLATES/kafka-pom.xml.in" "$KAFKA_HOME/pom.xml" \
    KAFKA_VERSION="$KAFKA_VERSION" SCALA_VERSION="$KAFKA_SCALA_VERSION" \
    SLF4J_VERSION="$SLF4J_VERSION" LOG4J_VERSION="$LOG4J_VERSION"
  rm -rf "$KAFKA_LIB.tmp"
  if ! mvn -B -q -f "$KAFKA_HOME/pom.xml" dependency:copy-dependencies \
        -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIB.tmp" > "$KAFKA_HOME/mvn.log" 2>&1; then
    fail Kafka "Maven could not resolve the Kafka jars" "$KAFKA_HOME/mvn.log"
  fi
  [[ -f "$KAFKA_LIB.tmp/kafka_${KAFKA_SCALA_VERSION}-${KAFKA_VERSION}.jar" ]] \
    || fail Kafka "kafka_$KAFKA_SCALA_VERSION-$KAFKA_VERSION.jar missing after Maven resolution" "$KAFKA_HOME/mvn.log"
  rm -rf "$KAFKA_LIB"
  mv "$KAFKA_LIB.tmp" "$KAFKA_LIB"
  touch "$KAFKA_LIB/.complete"
}

# kafka_tool CLASS ARGS...: run a Kafka command-line class with the cached jars
kafka_tool() {
  "$(kafka_java)" -Xmx256m -Dlog4j2.configurationFile="$TEMPLATES/kafka-tools-log4j2.properties" \
    -cp "$KAFKA_LIB/*" "$@"
}

kafka_ours_pid() {
  local pid; pid="$(read_pid "$KAFKA_PID")"
  if pid_alive "$pid"; then echo "$pid"; fi
}

kafka_up() {
  local t0; t0=$(date +%s)
  if port_open "$KAFKA_PORT"; then
    local pid; pid="$(kafka_ours_pid)"
    if [[ -n "$pid" ]]; then
      log "kafka: already running on $HOST:$KAFKA_PORT (pid $pid), leaving it"
    else
      log "kafka: something already answers on $HOST:$KAFKA_PORT (not started by this script), leaving it"
    fi
    return 0
  fi
  local stale; stale="$(kafka_ours_pid)"
  if [[ -n "$stale" ]]; then
    fail Kafka "its process (pid $stale) is alive but $HOST:$KAFKA_PORT does not answer; run '$0 down' and retry" "$KAFKA_LOGS/server.log"
  fi
  [[ -x "$(kafka_java)" ]] || fail Kafka "no java at $(kafka_java) (set TRACKER_KAFKA_JAVA_HOME to a JDK 17+)"
  kafka_install
  mkdir -p "$KAFKA_DIR/config" "$KAFKA_DIR/data" "$KAFKA_LOGS"
  render "$TEMPLATES/kafka-server.properties.in" "$KAFKA_DIR/config/server.properties" \
    HOST="$HOST" PORT="$KAFKA_PORT" CONTROLLER_PORT="$KAFKA_CONTROLLER_PORT" DATA_DIR="$KAFKA_DIR/data"
  cp -f "$TEMPLATES/kafka-log4j2.properties" "$KAFKA_DIR/config/log4j2.properties"

  if [[ ! -s "$KAFKA_DIR/data/meta.properties" ]]; then
    if [[ ! -s "$KAFKA_DIR/cluster.id" ]]; then
      kafka_tool kafka.tools.StorageTool random-uuid > "$KAFKA_DIR/cluster.id.tmp" 2> "$KAFKA_LOGS/storage-format.log" \
        || fail Kafka "kafka-storage random-uuid failed" "$KAFKA_LOGS/storage-format.log"
      mv "$KAFKA_DIR/cluster.id.tmp" "$KAFKA_DIR/cluster.id"
    fi
    log "kafka: formatting storage in $KAFKA_DIR/data (cluster id $(cat "$KAFKA_DIR/cluster.id"))"
    kafka_tool kafka.tools.StorageTool format --ignore-formatted \
        -t "$(cat "$KAFKA_DIR/cluster.id")" -c "$KAFKA_DIR/config/server.properties" \
        >> "$KAFKA_LOGS/storage-format.log" 2>&1 \
      || fail Kafka "kafka-storage format failed" "$KAFKA_LOGS/storage-format.log"
  fi

  log "kafka: starting on $HOST:$KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT, log $KAFKA_LOGS/server.log)"
  local offset=0
  [[ -f "$KAFKA_LOGS/server.log" ]] && offset=$(stat -c %s "$KAFKA_LOGS/server.log")
  # setsid: own session, survives this script; the inner bash writes its pid and execs java (same pid)
  # (the & must apply to setsid alone: a backgrounded `cd && ...` list would leave a waiting subshell
  # holding this script's stdout)
  ( cd "$KAFKA_DIR" || exit 1
    setsid bash -c 'echo $$ > "$0"; exec "$@"' "$KAFKA_PID" \
      "$(kafka_java)" -server -Xms512m -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
      -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true -Djava.net.preferIPv4Stack=true \
      -Dkafka.logs.dir="$KAFKA_LOGS" -Dlog4j2.configurationFile="$KAFKA_DIR/config/log4j2.properties" \
      -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_DIR/config/server.properties" \
      > "$KAFKA_LOGS/kafkaServer.out" 2>&1 < /dev/null &
  )

  local deadline=$(( $(date +%s) + START_TIMEOUT )) pid=""
  while :; do
    sleep 1
    pid="$(read_pid "$KAFKA_PID")"
    if [[ -n "$pid" ]] && ! pid_alive "$pid"; then
      fail Kafka "the broker process (pid $pid) exited during startup" "$KAFKA_LOGS/server.log" "$KAFKA_LOGS/kafkaServer.out"
    fi
    if port_open "$KAFKA_PORT" && [[ -f "$KAFKA_LOGS/server.log" ]] \
       && tail -c +$((offset + 1)) "$KAFKA_LOGS/server.log" | grep -c 'Kafka Server started' >/dev/null; then
      break
    fi
    if (( $(date +%s) >= deadline )); then
      fail Kafka "not healthy after ${START_TIMEOUT}s (no 'Kafka Server started' / port $KAFKA_PORT closed)" \
        "$KAFKA_LOGS/server.log" "$KAFKA_LOGS/kafkaServer.out"
    fi
  done
  # a real protocol round trip: ApiVersions through the broker's PLAINTEXT listener
  kafka_tool org.apache.kafka.tools.BrokerApiVersionsCommand --bootstrap-server "$HOST:$KAFKA_PORT" \
      > "$KAFKA_LOGS/healthcheck.out" 2>&1 \
    || fail Kafka "broker started but does not answer ApiVersions on $HOST:$KAFKA_PORT" \
         "$KAFKA_LOGS/healthcheck.out" "$KAFKA_LOGS/server.log"
  log "kafka: up on $HOST:$KAFKA_PORT (pid $pid) in $(elapsed "$t0")"
}

stop_pid() { # stop_pid NAME PIDFILE TIMEOUT
  local name="$1" pidfile="$2" timeout="$3" pid
  pid="$(read_pid "$pidfile")"
  if ! pid_alive "$pid"; then
    log "$name: not running (not started by this script)"
    rm -f "$pidfile"
    return 0
  fi
  log "$name: stopping (pid $pid, SIGTERM)"
  kill -TERM "$pid" 2>/dev/null || true
  local i
  for (( i = 0; i < timeout * 2; i++ )); do
    pid_alive "$pid" || { rm -f "$pidfile"; log "$name: stopped"; return 0; }
    sleep 0.5
  done
  warn "$name: still running after ${timeout}s, sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  sleep 1
  rm -f "$pidfile"
}

kafka_down() { stop_pid kafka "$KAFKA_PID" 60; }

kafka_version() {
  port_open "$KAFKA_PORT" || return 1
  [[ -f "$KAFKA_LIB/.complete" ]] || return 1
  # the broker must answer a real ApiVersions request ...
  kafka_tool org.apache.kafka.tools.BrokerApiVersionsCommand --bootstrap-server "$HOST:$KAFKA_PORT" >/dev/null 2>&1 \
    || return 1
  # ... and the version is the one the running broker logged at startup (AppInfoParser "Kafka version: X"),
  # else the version of the kafka jar on the running broker's class path.
  local v="" pid
  pid="$(kafka_ours_pid)"
  if [[ -n "$pid" ]]; then
    v="$(cat "$KAFKA_LOGS"/server.log.* "$KAFKA_LOGS/server.log" 2>/dev/null \
          | grep -o 'Kafka version: [^ ]*' | tail -n1 | sed 's/Kafka version: //')"
  fi
  if [[ -z "$v" ]]; then
    local jar
    for jar in "$KAFKA_LIB"/kafka_"${KAFKA_SCALA_VERSION}"-*.jar; do
      [[ -f "$jar" && "$jar" != *-test* ]] || continue
      jar="${jar##*/kafka_${KAFKA_SCALA_VERSION}-}"
      v="${jar%.jar} (jar)"
      break
    done
  fi
  echo "Kafka $v"
}

# =============================================================================================
# Elasticsearch
# =============================================================================================
es_install() {
  local cache="$CACHE_DIR/elasticsearch/$ES_VERSION"
  local zip="$cache/elasticsearch-$ES_VERSION.zip"
  if [[ ! -f "$ES_DIST/.complete" ]]; then
    mkdir -p "$cache"
    if [[ ! -s "$zip" ]]; then
      command -v mvn >/dev/null || fail Elasticsearch "mvn not found (needed to fetch $ES_ARTIFACT)"
      log "elasticsearch: fetching $ES_ARTIFACT with Maven"
      mvn -B -q dependency:copy -Dartifact="$ES_ARTIFACT" -DoutputDirectory="$cache" \
          > "$cache/mvn.log" 2>&1 || fail Elasticsearch "Maven could not fetch $ES_ARTIFACT" "$cache/mvn.log"
    fi
    log "elasticsearch: unpacking into $cache/dist"
    rm -rf "$cache/dist.tmp"; mkdir -p "$cache/dist.tmp"
    unzip -q "$zip" -d "$cache/dist.tmp" || fail Elasticsearch "cannot unzip $zip"
    rm -rf "$cache/dist"; mv "$cache/dist.tmp" "$cache/dist"
    touch "$ES_DIST/.complete"
  fi
  # the unprivileged user that runs Elasticsearch (it refuses to run as root)
  if ! id "$ES_USER" >/dev/null 2>&1; then
    log "elasticsearch: creating system user $ES_USER"
    useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$ES_USER"
  fi
  # an installed copy owned by that user (the cache may sit under a private home directory)
  if [[ "$(cat "$ES_HOME/.installed-version" 2>/dev/null || true)" != "$ES_VERSION" ]]; then
    log "elasticsearch: installing $ES_VERSION into $ES_HOME"
    rm -rf "$ES_HOME"
    mkdir -p "$ES_DIR"
    cp -a "$ES_DIST" "$ES_HOME"
    rm -f "$ES_HOME/.complete"
    echo "$ES_VERSION" > "$ES_HOME/.installed-version"
    # config lives outside the install (ES_PATH_CONF); refresh it from the distribution on upgrade
    rm -rf "$ES_CONF"
  fi
  if [[ ! -d "$ES_CONF" ]]; then
    cp -a "$ES_HOME/config" "$ES_CONF"
  fi
  mkdir -p "$ES_DIR/data" "$ES_LOGS" "$ES_DIR/tmp"
  chown -R "$ES_USER:$ES_USER" "$ES_DIR"
}

es_java_home() {
  local j
  for j in $ES_JAVA_CANDIDATES; do
    [[ -x "$j/bin/java" ]] || continue
    if "$j/bin/java" -cp "$ES_HOME/lib/java-version-checker/*" \
         org.elasticsearch.tools.java_version_checker.JavaVersionChecker >/dev/null 2>&1; then
      echo "$j"; return 0
    fi
  done
  return 1
}

es_ours_pid() {
  local pid; pid="$(read_pid "$ES_PID")"
  if pid_alive "$pid"; then echo "$pid"; fi
}

es_healthy() {
  curl -fsS --max-time "${1:-5}" "http://$HOST:$ES_PORT/_cluster/health?wait_for_status=yellow&timeout=${2:-1s}" \
    >/dev/null 2>&1
}

es_up() {
  local t0; t0=$(date +%s)
  if port_open "$ES_PORT"; then
    local pid; pid="$(es_ours_pid)"
    if [[ -n "$pid" ]]; then
      log "elasticsearch: already running on $HOST:$ES_PORT (pid $pid), leaving it"
    else
      log "elasticsearch: something already answers on $HOST:$ES_PORT (not started by this script), leaving it"
    fi
    return 0
  fi
  local stale; stale="$(es_ours_pid)"
  if [[ -n "$stale" ]]; then
    fail Elasticsearch "its process (pid $stale) is alive but $HOST:$ES_PORT does not answer; run '$0 down' and retry" \
      "$ES_LOGS/tenant-tracker-local.log"
  fi
  es_install
  check_traversable "$ES_USER" "$ES_DIR/data" \
    || fail Elasticsearch "user $ES_USER cannot traverse the path to $ES_DIR (set TRACKER_INFRA_DIR elsewhere or chmod o+x its parents)"
  local jh; jh="$(es_java_home)" || fail Elasticsearch "no JDK accepted by Elasticsearch among: $ES_JAVA_CANDIDATES"
  render "$TEMPLATES/elasticsearch.yml.in" "$ES_CONF/elasticsearch.yml" \
    HOST="$HOST" PORT="$ES_PORT" TRANSPORT_PORT="$ES_TRANSPORT_PORT" DATA_DIR="$ES_DIR/data" LOGS_DIR="$ES_LOGS"
  chown "$ES_USER:$ES_USER" "$ES_CONF/elasticsearch.yml"
  rm -f "$ES_PID"

  log "elasticsearch: starting on $HOST:$ES_PORT with $jh (logs $ES_LOGS)"
  # -d: daemonise (the launcher returns once the node has started), -p: pid file
  if ! ( cd "$ES_DIR" && runuser -u "$ES_USER" -- env -i PATH=/usr/bin:/bin HOME="$ES_DIR" \
           ES_JAVA_HOME="$jh" ES_PATH_CONF="$ES_CONF" ES_TMPDIR="$ES_DIR/tmp" \
           ES_JAVA_OPTS="-Xms1g -Xmx1g -Djava.net.preferIPv4Stack=true" \
           "$ES_HOME/bin/elasticsearch" -d -p "$ES_PID" > "$ES_LOGS/launcher.out" 2>&1 < /dev/null ); then
    fail Elasticsearch "bin/elasticsearch -d failed" "$ES_LOGS/launcher.out" "$ES_LOGS/tenant-tracker-local.log"
  fi
  local deadline=$(( $(date +%s) + START_TIMEOUT )) pid=""
  until es_healthy 65 60s; do
    pid="$(read_pid "$ES_PID")"
    if [[ -n "$pid" ]] && ! pid_alive "$pid"; then
      fail Elasticsearch "the node process (pid $pid) exited during startup" "$ES_LOGS/tenant-tracker-local.log" "$ES_LOGS/launcher.out"
    fi
    if (( $(date +%s) >= deadline )); then
      fail Elasticsearch "cluster health not yellow after ${START_TIMEOUT}s" "$ES_LOGS/tenant-tracker-local.log" "$ES_LOGS/launcher.out"
    fi
    sleep 1
  done
  log "elasticsearch: up on $HOST:$ES_PORT (pid $(read_pid "$ES_PID")) in $(elapsed "$t0")"
}

es_down() { stop_pid elasticsearch "$ES_PID" 90; }

es_version() {
  # GET / (version.number) needs the rest-root module, which the integ-test-zip build lacks (it answers
  # 405); then ask the node itself through the nodes info API.
  local body v=""
  if body="$(curl -fsS --max-time 5 "http://$HOST:$ES_PORT/" 2>/dev/null)"; then
    v="$(printf '%s' "$body" | tr -d '\n' | grep -o '"number"[[:space:]]*:[[:space:]]*"[^"]*"' | sed -n 1p \
          | sed -E 's/.*"([^"]*)"$/\1/')"
  fi
  if [[ -z "$v" ]]; then
    body="$(curl -fsS --max-time 5 "http://$HOST:$ES_PORT/_nodes/_local?filter_path=nodes.*.version" 2>/dev/null)" \
      || return 1
    v="$(printf '%s' "$body" | grep -o '"version"[[:space:]]*:[[:space:]]*"[^"]*"' | sed -n 1p \
          | sed -E 's/.*"([^"]*)"$/\1/')"
  fi
  [[ -n "$v" ]] || return 1
  echo "Elasticsearch $v"
}

# =============================================================================================
status_line() { # status_line NAME PORT OURS_PID
  local name="$1" port="$2" pid="${3:-}" state=down extra=""
  port_open "$port" && state=up
  if [[ -n "$pid" ]]; then extra=" pid $pid"; elif [[ $state == up ]]; then extra=" (not started by infra.sh)"; fi
  printf '%-14s %-4s %s:%s%s\n' "$name" "$state" "$HOST" "$port" "$extra"
}

require_root() {
  [[ $(id -u) -eq 0 ]] || { echo "infra.sh $1 must run as root (it installs packages and runs engines as their own users)" >&2; exit 1; }
}

main() {
  local cmd="${1:-}"
  case "$cmd" in
    up)
      require_root up
      local t0; t0=$(date +%s)
      log "infra dir $INFRA_DIR, cache $CACHE_DIR"
      pg_up
      kafka_up
      es_up
      log "all engines up in $(elapsed "$t0")"
      ;;
    down)
      require_root down
      local rc=0
      es_down || rc=1
      kafka_down || rc=1
      pg_down || rc=1
      exit "$rc"
      ;;
    status)
      local pgpid=""
      pg_ours_running && pgpid="$(read_pid "$PG_DATA/postmaster.pid")"
      status_line postgresql "$PG_PORT" "$pgpid"
      status_line kafka "$KAFKA_PORT" "$(kafka_ours_pid)"
      status_line elasticsearch "$ES_PORT" "$(es_ours_pid)"
      ;;
    versions)
      local rc=0
      pg_version || { echo "PostgreSQL: not running on $HOST:$PG_PORT" >&2; rc=1; }
      kafka_version || { echo "Kafka: not running on $HOST:$KAFKA_PORT" >&2; rc=1; }
      es_version || { echo "Elasticsearch: not running on $HOST:$ES_PORT" >&2; rc=1; }
      exit "$rc"
      ;;
    *)
      echo "usage: $0 {up|down|status|versions}" >&2
      exit 2
      ;;
  esac
}

main "$@"
