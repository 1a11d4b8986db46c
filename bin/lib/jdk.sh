# Picks a JDK 21 or newer and exports JAVA_HOME, PATH and CAIRN_JAVA_MAJOR. Sourced by bin/cairn, bin/test and
# .ci/run.
# Order: $JAVA_HOME if it is 21+, else the newest 21+ JDK found in the usual places. Never trusts `java` on PATH.

cairn_java_major() {
  # prints the major version of the java binary $1, or 0
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  case "$v" in
    1.*) echo "${v#1.}" | cut -d. -f1 ;;
    "") echo 0 ;;
    *) echo "$v" | cut -d. -f1 ;;
  esac
}

cairn_pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    CAIRN_JAVA_MAJOR=$(cairn_java_major "$JAVA_HOME/bin/java")
    if [ "$CAIRN_JAVA_MAJOR" -ge 21 ]; then
      export CAIRN_JAVA_MAJOR
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] || continue
    major=$(cairn_java_major "$dir/bin/java")
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$dir"
      best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "cairn: no JDK 21 or newer found (looked at \$JAVA_HOME and /usr/lib/jvm, /opt/java, ~/.sdkman)." >&2
    echo "cairn: install one (e.g. Temurin 21 or 25) and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export CAIRN_JAVA_MAJOR="$best_major"
  export PATH="$JAVA_HOME/bin:$PATH"
}

# Maven 3.8's bundled Guava warns about sun.misc.Unsafe on JDK 23+; that noise is not ours to fix, so allow it.
cairn_quiet_maven() {
  if [ "$(cairn_java_major "$JAVA_HOME/bin/java")" -ge 23 ]; then
    case " ${MAVEN_OPTS:-} " in
      *sun-misc-unsafe-memory-access*) ;;
      *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
    esac
  fi
}

cairn_need_maven() {
  cairn_quiet_maven
  if command -v mvn >/dev/null 2>&1; then
    return 0
  fi
  echo "cairn: Maven not found; installing it with apt-get" >&2
  if command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && apt-get install -y -qq maven) >&2 || true
  fi
  command -v mvn >/dev/null 2>&1 || { echo "cairn: please install Apache Maven 3.8+" >&2; return 1; }
}
