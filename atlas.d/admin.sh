# shellcheck shell=bash
# `./atlas admin add|list|remove`: the service's admins, as `admin` rows of account_role (V13).
# An address of ATLAS_ADMIN_EMAILS is an admin too, without a row. Sourced by ./atlas.

# psql as the owner on the service's database, tuples only; SQL on stdin, values as -v NAME=VALUE
# (quoted by psql with :'NAME', never pasted into the SQL).
admin_sql() {
  if [[ $EXTERNAL_DB == true ]]; then
    PGUSER=$ATLAS_DB_USER PGPASSWORD=$ATLAS_DB_PASSWORD psql -X -q -At -v ON_ERROR_STOP=1 "${ATLAS_DB_URL#jdbc:}" "$@"
  else
    PGPASSWORD=$ATLAS_DB_PASSWORD PGOPTIONS='-c client_min_messages=warning' \
      "$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U atlas -d atlas "$@"
  fi
}

# The accounts' tables exist once the schema is migrated: migrate it first on a new database.
admin_schema() {
  if [[ $(echo "SELECT to_regclass('account_role') IS NOT NULL" | admin_sql) != t ]]; then
    build_if_stale
    importer migrate || die "admin: the schema could not be migrated (see above)."
  fi
}

admin_email() {
  local email
  email=$(printf %s "${1:-}" | tr '[:upper:]' '[:lower:]' | sed 's/^[[:space:]]*//; s/[[:space:]]*$//')
  [[ $email =~ ^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$ && ${#email} -le 254 ]] ||
    die "admin: '${1:-}' is not an email address (./atlas admin add EMAIL)."
  printf %s "$email"
}

cmd_admin() {
  local email
  ensure_db
  case ${1:-list} in
    add)
      (( $# == 2 )) || die "admin add: give one email address (./atlas admin add EMAIL)."
      email=$(admin_email "$2")
      admin_schema
      admin_sql -v email="$email" <<'SQL' >/dev/null
WITH a AS (
  INSERT INTO account (email) VALUES (:'email')
  ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email
  RETURNING id
)
INSERT INTO account_role (account_id, role) SELECT id, 'admin' FROM a ON CONFLICT DO NOTHING;
SQL
      say "$email is an admin: they sign in at /connexion.html with a link sent to that address."
      ;;
    list)
      (( $# <= 1 )) || die "admin list: no argument expected."
      admin_schema
      local rows
      rows=$(admin_sql <<'SQL'
SELECT a.email || coalesce('  (last sign-in ' || to_char(a.last_seen_at, 'YYYY-MM-DD HH24:MI') || ')', '  (never signed in)')
FROM account_role r JOIN account a ON a.id = r.account_id
WHERE r.role = 'admin' ORDER BY a.email;
SQL
)
      if [[ -z $rows ]]; then say "No admin in the database (ATLAS_ADMIN_EMAILS: ${ATLAS_ADMIN_EMAILS:-none})."; else printf '%s\n' "$rows"; fi
      ;;
    remove)
      (( $# == 2 )) || die "admin remove: give one email address (./atlas admin remove EMAIL)."
      email=$(admin_email "$2")
      admin_schema
      local removed
      removed=$(admin_sql -v email="$email" <<'SQL'
WITH d AS (
  DELETE FROM account_role r USING account a
  WHERE a.id = r.account_id AND a.email = :'email' AND r.role = 'admin'
  RETURNING r.id
) SELECT count(*) FROM d;
SQL
)
      if [[ $removed == 0 ]]; then
        die "admin remove: $email is not an admin in the database."
      fi
      say "$email is no longer an admin (an address of ATLAS_ADMIN_EMAILS stays one)."
      ;;
    *) die "admin: unknown command '$1' (./atlas admin add EMAIL | list | remove EMAIL)." ;;
  esac
}
