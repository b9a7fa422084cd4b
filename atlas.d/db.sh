# shellcheck shell=bash disable=SC2016  # (sh -c '... "$1"' is intended)
# The database of ./atlas: either an external one (ATLAS_DB_URL set by the user)
# or a private PostgreSQL + PostGIS cluster under .atlas/pg. Sourced by ./atlas.

PG_DIR=$STATE_DIR/pg        # port and password files; normally also data/, run/, server.log
PG_FIRST_PORT=54320
PG_OS_USER=postgres         # PostgreSQL refuses to run as root: as root, the cluster is this user's
DB_EXTENSIONS=(postgis pg_trgm unaccent)

private_db_url() { echo "jdbc:postgresql://127.0.0.1:$(cat "$PG_DIR/port" 2>/dev/null)/atlas"; }

# ATLAS_DB_URL also gets set by `eval "$(./atlas db env)"`: then it carries our
# password and names our own cluster (maybe at a port since changed), which we
# keep managing.
exported_by_us() {
  local password
  password=$(cat "$PG_DIR/password" 2>/dev/null) && [[ -n $password &&
    ${ATLAS_DB_PASSWORD:-} == "$password" && $ATLAS_DB_URL == jdbc:postgresql://127.0.0.1:*/atlas ]]
}
EXTERNAL_DB=false
if [[ -n ${ATLAS_DB_URL:-} ]] && ! exported_by_us; then EXTERNAL_DB=true; fi

# --- PostgreSQL server ---------------------------------------------------------

# Runs a command as the owner of the cluster; from / because the caller's cwd may
# be unreadable for the postgres user.
as_pg_user() {
  if (( EUID == 0 )); then (cd / && runuser -u "$PG_OS_USER" -- "$@"); else "$@"; fi
}

pg_major() { "$1/initdb" --version | grep -oE '[0-9]+' | head -n 1; }

# Prints the bin directory of the newest installed server, or of version $1.
pg_bindir() {
  local want=${1:-} dir candidates
  candidates=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -rV)
  if command -v pg_config >/dev/null; then candidates+=$'\n'$(pg_config --bindir); fi
  for dir in $candidates; do
    if [[ -x $dir/initdb && ( -z $want || $(pg_major "$dir") == "$want" ) ]]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

has_postgis() {
  local share
  share=$("$PG_BIN/pg_config" --sharedir 2>/dev/null) || share=/usr/share/postgresql/$PG_VERSION
  [[ -f $share/extension/postgis.control || -f /usr/share/postgresql/$PG_VERSION/extension/postgis.control ]]
}

# Sets PG_BIN and PG_VERSION, the server of the existing cluster, else the newest one, and
# PG_MISSING, the Debian packages it still needs for PostGIS (empty when nothing is missing).
probe_pg_server() {
  local cluster_version=''
  PG_MISSING=()
  if [[ -f $DATA_DIR/PG_VERSION ]]; then cluster_version=$(<"$DATA_DIR/PG_VERSION"); fi
  if PG_BIN=$(pg_bindir "$cluster_version"); then
    PG_VERSION=$(pg_major "$PG_BIN")
    if has_postgis; then return; fi
  else
    PG_VERSION=${cluster_version:-15}
    PG_MISSING=("postgresql-$PG_VERSION")
  fi
  PG_MISSING+=("postgresql-$PG_VERSION-postgis-3")
}

# probe_pg_server, then installs what is missing when it can.
find_pg_server() {
  probe_pg_server
  (( ${#PG_MISSING[@]} )) || return 0
  if ! can_apt; then
    die "PostgreSQL $PG_VERSION with PostGIS is needed: install it (Debian/Ubuntu: sudo apt-get install postgresql-$PG_VERSION-postgis-3; macOS: brew install postgresql@$PG_VERSION postgis) or set ATLAS_DB_URL to an existing PostGIS database."
  fi
  apt_install "${PG_MISSING[@]}"
  if ! PG_BIN=$(pg_bindir "$PG_VERSION") || ! has_postgis; then
    die "PostgreSQL $PG_VERSION with PostGIS is still missing after apt-get install: install it yourself, or set ATLAS_DB_URL to an existing PostGIS database."
  fi
}

# --- cluster layout ------------------------------------------------------------

# Sets PG_HOME, DATA_DIR, LOG_FILE and SOCKET_DIR for a cluster living in $1.
set_cluster_paths() {
  PG_HOME=$1
  DATA_DIR=$PG_HOME/data
  LOG_FILE=$PG_HOME/server.log
  SOCKET_DIR=$PG_HOME/run
  # A Unix socket path (dir + "/.s.PGSQL.NNNNN") must fit in 107 bytes.
  if (( ${#SOCKET_DIR} > 85 )); then SOCKET_DIR=/tmp/atlas-pg-$(root_id); fi
}

root_id() { printf %s "$ROOT" | cksum | cut -d ' ' -f 1; }

# The cluster lives in .atlas/pg, or where its symlink .atlas/pg/data points
# (see init_cluster).
resolve_cluster_layout() {
  if [[ -L $PG_DIR/data ]]; then
    set_cluster_paths "$(dirname "$(readlink "$PG_DIR/data")")"
  else
    set_cluster_paths "$PG_DIR"
  fi
}

# A private directory owned by the cluster's OS user.
make_pg_dir() {
  mkdir -p "$1"
  chmod 700 "$1"
  if (( EUID == 0 )); then chown "$PG_OS_USER:" "$1"; fi
}

ensure_pg_os_user() {
  if (( EUID == 0 )) && ! id "$PG_OS_USER" >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home --shell /usr/sbin/nologin "$PG_OS_USER"
  fi
}

new_secret() { (umask 077 && od -An -vtx1 -N 24 /dev/urandom | tr -d ' \n' >"$1"); }

init_cluster() {
  local pwfile output locale=(--locale=C.UTF-8)
  ensure_pg_os_user
  (umask 077 && mkdir -p "$PG_DIR")
  # Run as root with the checkout in a private home, the postgres user cannot
  # reach .atlas/pg: keep the cluster in /var/tmp, symlinked from .atlas/pg.
  if ! as_pg_user test -x "$STATE_DIR"; then set_cluster_paths "/var/tmp/atlas-pg-$(root_id)"; fi
  say "Creating a PostgreSQL $PG_VERSION cluster in $DATA_DIR..."
  make_pg_dir "$PG_HOME"
  if [[ $PG_HOME != "$PG_DIR" ]]; then
    ln -sfn "$DATA_DIR" "$PG_DIR/data"
    ln -sfn "$LOG_FILE" "$PG_DIR/server.log"
  fi
  new_secret "$PG_DIR/password"
  new_secret "$PG_DIR/reader-password"
  locale -a 2>/dev/null | grep -qixE 'c\.utf-?8' || locale=(--no-locale)
  # initdb runs as the postgres user, who cannot read our password file: hand it a copy.
  pwfile=$PG_HOME/.initdb-password
  as_pg_user sh -c 'umask 077 && cat >"$1"' sh "$pwfile" <"$PG_DIR/password"
  if ! output=$(as_pg_user "$PG_BIN/initdb" -D "$DATA_DIR" -U atlas --pwfile="$pwfile" \
      --auth-host=scram-sha-256 --auth-local=scram-sha-256 -E UTF8 "${locale[@]}" 2>&1); then
    rm -f "$pwfile"
    printf '%s\n' "$output" >&2
    die "initdb failed."
  fi
  rm -f "$pwfile"
  # Our settings go to atlas.conf, rewritten at every start (port, socket dir may change).
  as_pg_user sh -c 'echo "include_if_exists = '\''atlas.conf'\''" >>"$1"' sh "$DATA_DIR/postgresql.conf"
}

# --- running the server --------------------------------------------------------

cluster_is_running() { as_pg_user "$PG_BIN/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1; }

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Sets PG_PORT: the stored port if still free, else the first free one from 54320.
choose_port() {
  local port
  PG_PORT=$(cat "$PG_DIR/port" 2>/dev/null || true)
  if [[ -n $PG_PORT ]] && port_is_free "$PG_PORT"; then return; fi
  for (( port = PG_FIRST_PORT; port < PG_FIRST_PORT + 100; port++ )); do
    if port_is_free "$port"; then
      if [[ -n $PG_PORT ]]; then say "Port $PG_PORT is now used by another program; moving to $port."; fi
      PG_PORT=$port
      echo "$PG_PORT" >"$PG_DIR/port"
      return
    fi
  done
  die "No free TCP port on 127.0.0.1 between $PG_FIRST_PORT and $(( PG_FIRST_PORT + 99 ))."
}

write_server_config() {
  as_pg_user sh -c 'cat >"$1"' sh "$DATA_DIR/atlas.conf" <<CONF
# Written by ./atlas at every start (see atlas.d/db.sh): edits here are lost.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$SOCKET_DIR'
jit = off                     # JIT compilation adds 100-250 ms to PostGIS queries
shared_buffers = 512MB
work_mem = 32MB
maintenance_work_mem = 512MB
max_wal_size = 2GB
max_connections = 200          # the test suite holds several service contexts, each with two pools
CONF
}

start_cluster() {
  choose_port
  make_pg_dir "$SOCKET_DIR"
  write_server_config
  say "Starting PostgreSQL $PG_VERSION on 127.0.0.1:$PG_PORT..."
  # 9>&-: the server must not inherit the lock, or it would hold it forever.
  if ! as_pg_user "$PG_BIN/pg_ctl" -D "$DATA_DIR" -l "$LOG_FILE" -w -t 60 start >/dev/null 9>&-; then
    tail -n 20 "$LOG_FILE" >&2
    die "PostgreSQL did not start; full log: $LOG_FILE"
  fi
}

# psql as the cluster superuser `atlas` on database $1, over TCP.
run_sql() {
  local db=$1
  shift
  PGPASSWORD=$(<"$PG_DIR/password") PGOPTIONS='-c client_min_messages=warning' \
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U atlas -d "$db" "$@"
}

# Idempotent: database `atlas`, its extensions and the read-only login role.
ensure_db_objects() {
  run_sql postgres -v reader_password="$(<"$PG_DIR/reader-password")" <<'SQL'
SELECT 'CREATE DATABASE atlas OWNER atlas'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'atlas') \gexec
SELECT format('CREATE ROLE atlas_reader LOGIN PASSWORD %L', :'reader_password')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'atlas_reader') \gexec
SQL
  # Sessions on `atlas` get no NOTICEs, such as "extension already exists, skipping" when the
  # first migration creates the extensions made here: they would show as warnings of the importer.
  run_sql postgres -c 'ALTER DATABASE atlas SET client_min_messages = warning'
  printf 'CREATE EXTENSION IF NOT EXISTS %s;\n' "${DB_EXTENSIONS[@]}" | run_sql atlas
}

export_db_env() {
  if [[ $EXTERNAL_DB == true ]]; then
    export ATLAS_DB_URL ATLAS_DB_USER=${ATLAS_DB_USER:-} ATLAS_DB_PASSWORD=${ATLAS_DB_PASSWORD:-}
    export ATLAS_DB_READER_USER=${ATLAS_DB_READER_USER:-$ATLAS_DB_USER}
    export ATLAS_DB_READER_PASSWORD=${ATLAS_DB_READER_PASSWORD:-$ATLAS_DB_PASSWORD}
  else
    ATLAS_DB_PASSWORD=$(<"$PG_DIR/password")
    ATLAS_DB_READER_PASSWORD=$(<"$PG_DIR/reader-password")
    export ATLAS_DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/atlas ATLAS_DB_USER=atlas ATLAS_DB_PASSWORD
    export ATLAS_DB_READER_USER=atlas_reader ATLAS_DB_READER_PASSWORD
  fi
}

# Makes the database usable and exports ATLAS_DB_* for the Java programs.
ensure_db() {
  if [[ $EXTERNAL_DB == false ]]; then
    take_lock db
    resolve_cluster_layout
    find_pg_server
    if [[ ! -f $DATA_DIR/PG_VERSION ]]; then init_cluster; fi
    if cluster_is_running; then PG_PORT=$(<"$PG_DIR/port"); else start_cluster; fi
    ensure_db_objects
    release_lock
  fi
  export_db_env
}

# --- ./atlas db ... ------------------------------------------------------------

say_external() { say "An external database is configured (ATLAS_DB_URL=$ATLAS_DB_URL): nothing to $1."; }

db_status() {
  if [[ $EXTERNAL_DB == true ]]; then
    echo "External database: $ATLAS_DB_URL (user ${ATLAS_DB_USER:-unset})"
    return
  fi
  resolve_cluster_layout
  if [[ ! -f $DATA_DIR/PG_VERSION ]]; then
    echo "Private cluster: not created yet (./atlas db start creates it in $PG_DIR)"
    return 3
  fi
  PG_BIN=$(pg_bindir "$(<"$DATA_DIR/PG_VERSION")") || die "The PostgreSQL $(<"$DATA_DIR/PG_VERSION") server is not installed."
  local state=stopped
  if cluster_is_running; then state=running; fi
  echo "Private PostgreSQL $(<"$DATA_DIR/PG_VERSION") cluster: $state"
  echo "  url:  $(private_db_url)"
  echo "  data: $DATA_DIR"
  echo "  log:  $LOG_FILE"
  [[ $state == running ]] || return 3
}

db_stop() {
  if [[ $EXTERNAL_DB == true ]]; then say_external stop; return; fi
  take_lock db
  resolve_cluster_layout
  if [[ -f $DATA_DIR/PG_VERSION ]] && PG_BIN=$(pg_bindir "$(<"$DATA_DIR/PG_VERSION")") && cluster_is_running; then
    as_pg_user "$PG_BIN/pg_ctl" -D "$DATA_DIR" -m fast -w stop >/dev/null
    say "PostgreSQL stopped."
  else
    say "PostgreSQL is not running."
  fi
  release_lock
}

db_reset() {
  if [[ $EXTERNAL_DB == true ]]; then say_external reset; return; fi
  ensure_db
  say "This drops database 'atlas' at $ATLAS_DB_URL with all its data (open connections are closed),"
  say "then recreates it empty with extensions ${DB_EXTENSIONS[*]}."
  if [[ -t 0 ]]; then
    local answer
    read -r -p "Continue? [y/N] " answer
    [[ $answer == [yY]* ]] || die "Cancelled."
  fi
  take_lock db
  run_sql postgres -c 'DROP DATABASE IF EXISTS atlas WITH (FORCE)'
  ensure_db_objects
  release_lock
  say "Database 'atlas' recreated."
}

db_psql() {
  ensure_db
  if [[ $EXTERNAL_DB == true ]]; then
    PGUSER=$ATLAS_DB_USER PGPASSWORD=$ATLAS_DB_PASSWORD exec psql "${ATLAS_DB_URL#jdbc:}" "$@"
  fi
  PGPASSWORD=$ATLAS_DB_PASSWORD exec "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U atlas -d atlas "$@"
}

cmd_db() {
  local sub=${1:-}
  shift $(( $# > 0 ))
  case $sub in
    start)
      if [[ $EXTERNAL_DB == true ]]; then say_external start; return; fi
      ensure_db
      say "PostgreSQL is running: $ATLAS_DB_URL" ;;
    stop) db_stop ;;
    status) db_status ;;
    psql) db_psql "$@" ;;
    reset) db_reset ;;
    url) ensure_db; echo "$ATLAS_DB_URL" ;;
    env)
      ensure_db
      local var
      for var in ATLAS_DB_URL ATLAS_DB_USER ATLAS_DB_PASSWORD ATLAS_DB_READER_USER ATLAS_DB_READER_PASSWORD; do
        printf 'export %s=%q\n' "$var" "${!var}"
      done ;;
    *) usage >&2; exit 2 ;;
  esac
}
