# Sourced by ./mvnw, ./steward and .ci/run: finds a JDK 21 or newer and exports JAVA_HOME.
# Order: JAVA_HOME when it is new enough, then the usual install folders, newest first.

steward_java_version() { # prints the feature version of the JDK in $1, or nothing
  local home=$1 version=""
  [ -x "$home/bin/java" ] || return 0
  if [ -f "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "$version" ]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  fi
  echo "$version"
}

# $1: "jdk" when javac is needed (building), "jre" when java is enough (running).
steward_find_java() {
  local need=${1:-jre} best="" best_version=0 home version
  local -a candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for home in /usr/lib/jvm/* /opt/java/* /opt/*jdk* /usr/local/*jdk* "$HOME"/.sdkman/candidates/java/* \
    /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$home" ] && candidates+=("$home")
  done
  for home in "${candidates[@]}"; do
    [ "$need" = jdk ] && [ ! -x "$home/bin/javac" ] && continue
    version=$(steward_java_version "$home")
    [ -n "$version" ] && [ "$version" -ge 21 ] || continue
    if [ "$home" = "${JAVA_HOME:-}" ]; then best=$home; break; fi
    if [ "$version" -gt "$best_version" ]; then best=$home; best_version=$version; fi
  done
  if [ -z "$best" ]; then
    echo "Steward needs a JDK 21 or newer and found none (JAVA_HOME, /usr/lib/jvm, /opt/java, SDKMAN)." >&2
    echo "Install one, for example 'apt-get install openjdk-21-jdk-headless' or Temurin 21, or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}
