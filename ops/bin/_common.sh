# Shared by the ops/bin scripts: paths, the build-if-missing step and small helpers.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
UNDERSIGN_HOME=${UNDERSIGN_HOME:-$HOME/.undersign}
export UNDERSIGN_HOME
SERVER_JAR=$ROOT/control-plane/server/target/quarkus-app/quarkus-run.jar
RUNTIME_JAR=$ROOT/tenant-runtime/app/target/tenant-runtime.jar
CLI_JAR=$ROOT/control-plane/cli/target/undersign-cli.jar
SIMULATOR_JAR=$ROOT/ops/evidence-simulator/target/undersign-evidence-simulator-0.1.0-SNAPSHOT-all.jar
SIMULATOR_PID_FILE=$UNDERSIGN_HOME/evidence-simulator.pid
PID_FILE=$UNDERSIGN_HOME/control-plane.pid
LOG_DIR=$UNDERSIGN_HOME/logs

die() { echo "error: $*" >&2; exit 1; }

# Builds the platform when any of its artifacts is missing or older than the sources.
build_if_needed() {
  local stale=0 jar
  for jar in "$SERVER_JAR" "$RUNTIME_JAR" "$CLI_JAR" "$SIMULATOR_JAR"; do
    [ -f "$jar" ] || stale=1
  done
  if [ $stale = 0 ] && [ -n "$(find "$ROOT" -path '*/src/main/*' -newer "$SERVER_JAR" -print -quit 2>/dev/null)" ]; then
    stale=1
  fi
  if [ $stale = 1 ]; then
    echo "Building Undersign (first time takes a few minutes)..." >&2
    (cd "$ROOT" && ./mvnw -B -q install -DskipTests) >&2 || die "build failed"
  fi
}

control_plane_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid; pid=$(cat "$PID_FILE")
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}
