# shellcheck shell=bash
# `./atlas mail`: the outbox of the map service, where its mails go when no SMTP server is set
# (spring.mail.host): one RFC 5322 .eml file per mail, named by the time it was written.
# Sourced by ./atlas.

MAIL_OUTBOX=${ATLAS_MAIL_OUTBOX:-$STATE_DIR/mail}

# The outbox's mails, newest first (their names start with the UTC time).
mail_files() {
  [[ -d $MAIL_OUTBOX ]] || return 0
  find "$MAIL_OUTBOX" -maxdepth 1 -name '*.eml' -type f -printf '%f\n' | sort -r
}

# Date, To and Subject of one .eml (headers unfolded), tab-separated.
mail_summary() {
  awk '
    /^$/ { exit }
    /^[ \t]/ { value[last] = value[last] " " substr($0, 2); next }
    { i = index($0, ":"); last = tolower(substr($0, 1, i - 1)); value[last] = substr($0, i + 2) }
    END { printf "%s\t%s\t%s\n", value["date"], value["to"], value["subject"] }
  ' "$1"
}

# The links of one .eml, each once, in the order they come (the text part comes first): what a
# newcomer follows to confirm a contribution or sign in on their own machine.
mail_links() {
  # A mail without a link is not an error (grep's status 1 would stop the listing under pipefail).
  { grep -oE 'https?://[^][:space:]<>"'"'"']+' "$1" || true; } | sed -E 's/[).,;:!?]+$//' | awk '!seen[$0]++'
}

cmd_mail() {
  local files=() n=0 file
  mapfile -t files < <(mail_files)
  case ${1:-list} in
    list)
      (( $# <= 1 )) || die "mail: unexpected argument '$2' (./atlas mail [show N])."
      if (( ${#files[@]} == 0 )); then
        say "No mail in the outbox ($MAIL_OUTBOX)."
        return 0
      fi
      for file in "${files[@]}"; do
        n=$(( n + 1 ))
        IFS=$'\t' read -r date to subject < <(mail_summary "$MAIL_OUTBOX/$file")
        printf '%3d  %s\n     to: %s\n     %s\n' "$n" "$date" "$to" "$subject"
        mail_links "$MAIL_OUTBOX/$file" | sed 's/^/     link: /'
      done
      ;;
    show)
      n=${2:-}
      [[ $n =~ ^[0-9]+$ ]] && (( n >= 1 )) || die "mail show: give the number of a mail in ./atlas mail (1 is the newest)."
      (( n <= ${#files[@]} )) || die "mail show: there are ${#files[@]} mail(s) in the outbox, not $n."
      cat "$MAIL_OUTBOX/${files[n - 1]}"
      ;;
    *) die "mail: unknown command '$1' (./atlas mail [show N])." ;;
  esac
}
