# shellcheck shell=bash
# Building the Maven project only when its inputs changed. Sourced by ./atlas.

BUILD_STAMP=$STATE_DIR/build.stamp   # touched after each successful build
MAP_SERVICE_JAR=$ROOT/map-service/target/atlas-map-service.jar
IMPORTERS_JAR=$ROOT/importers/target/atlas-importers.jar
BENCH_CLASSPATH_FILE=$ROOT/map-service/target/test-classpath.txt

ensure_java_tools() {
  if command -v java >/dev/null && command -v mvn >/dev/null; then return; fi
  if ! can_apt; then
    die "Java 17 and Maven are needed: install them (Debian/Ubuntu: sudo apt-get install openjdk-17-jdk-headless maven; macOS: brew install openjdk@17 maven)."
  fi
  apt_install maven openjdk-17-jdk-headless
}

# Everything ./atlas test needs, installed in one go when it can (as root, with apt-get), else
# named: the browser tests run /usr/bin/chromium and /usr/bin/chromedriver, the OGC API tests
# GDAL's ogrinfo and ogr2ogr.
ensure_test_tools() {
  local missing=()
  command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null || missing+=(maven)
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  [[ -x /usr/bin/chromedriver ]] || missing+=(chromium-driver)
  command -v ogr2ogr >/dev/null || missing+=(gdal-bin)
  if [[ $EXTERNAL_DB == false ]]; then
    resolve_cluster_layout
    probe_pg_server
    missing+=(${PG_MISSING[@]+"${PG_MISSING[@]}"})
  fi
  (( ${#missing[@]} )) || return 0
  if ! can_apt; then
    die "The tests need these Debian packages: ${missing[*]}; install them (sudo apt-get install ${missing[*]}) and run ./atlas test again."
  fi
  apt_install "${missing[@]}"
}

build_is_stale() {
  [[ -f $BUILD_STAMP && -f $MAP_SERVICE_JAR && -f $IMPORTERS_JAR ]] || return 0
  local inputs=() path
  for path in "$ROOT"/pom.xml "$ROOT"/*/pom.xml "$ROOT"/{importers,map-service,web}/src "$ROOT"/data; do
    if [[ -e $path ]]; then inputs+=("$path"); fi
  done
  [[ -n $(find "${inputs[@]}" -newer "$BUILD_STAMP" -print -quit) ]]
}

build_if_stale() {
  ensure_java_tools
  take_lock build
  if build_is_stale; then
    say "Building (first time takes a few minutes)..."
    # The stamp takes the time the build started: files edited during the build
    # are newer than it, so the next command builds again.
    touch "$BUILD_STAMP.next"
    (cd "$ROOT" && mvn -B --color "$(mvn_color)" -q -DskipTests install) || die "The build failed (Maven's errors above): fix them and run the command again."
    mv "$BUILD_STAMP.next" "$BUILD_STAMP"
  fi
  release_lock
}

# Test classpath of map-service, computed once per build. Sibling modules come
# from ~/.m2, where the build installed them.
bench_classpath() {
  if [[ ! $BENCH_CLASSPATH_FILE -nt $BUILD_STAMP ]]; then
    (cd "$ROOT" && mvn -B --color "$(mvn_color)" -q -pl map-service dependency:build-classpath \
        -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >&2) ||
      die "Could not compute the map-service test classpath."
  fi
  echo "$ROOT/map-service/target/test-classes:$ROOT/map-service/target/classes:$(<"$BENCH_CLASSPATH_FILE")"
}
