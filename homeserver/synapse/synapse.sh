#!/usr/bin/env bash
# Gives a developer, a self-hoster trying Steward, or a test a running Synapse.
#
#   synapse.sh prepare                       build (or reuse) what a local Synapse needs
#   synapse.sh start --name N --port P [--server-name S] [--appservice FILE]...
#                                            start one; prints KEY=value lines (url, secret, pid, dir)
#   synapse.sh stop --name N                 stop it by its own PID
#
# An external Synapse (STEWARD_SYNAPSE_URL and STEWARD_SYNAPSE_SHARED_SECRET set) is used as it is: `start` only
# prints it. Otherwise the local one runs where a Docker engine answers, else (root on Debian or Ubuntu) from the
# Debian `matrix-synapse` package in a debootstrap chroot cached outside the repository.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cache=${STEWARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/steward}
root="$cache/synapse-sid"
image=${STEWARD_SYNAPSE_IMAGE:-matrixdotorg/synapse:latest}

die() { echo "synapse.sh: $*" >&2; exit 1; }
log() { echo "synapse.sh: $*" >&2; }

# Runs a long step with its output in a log, saying every 10 s how far it is (the log's last line), so that a first
# start shows progress rather than a minute of silence.
with_progress() {
  local label=$1 log_file=$2
  shift 2
  "$@" >"$log_file" 2>&1 &
  local pid=$! started
  started=$(date +%s)
  while kill -0 "$pid" 2>/dev/null; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null || break
    log "$label: $(($(date +%s) - started)) s, $(tail -1 "$log_file" 2>/dev/null | tr -d '\r' | cut -c1-70)"
  done
  wait "$pid"
}

docker_answers() { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }

# shellcheck source=debian-mirror.sh
. "$here/debian-mirror.sh"

prepare_chroot() {
  [ "$(id -u)" = 0 ] || die "a local Synapse without Docker needs root (debootstrap and chroot); or set STEWARD_SYNAPSE_URL"
  [ -f "$root/.steward-ready" ] && return 0
  mkdir -p "$cache"
  exec 9>"$cache/synapse-sid.lock"
  flock 9
  [ -f "$root/.steward-ready" ] && return 0
  command -v debootstrap >/dev/null 2>&1 || {
    log "installing debootstrap"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >&2 \
      || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >&2; }
  }
  local mirror started
  mirror=$(debian_mirror) || die "cannot build the Synapse chroot without a Debian mirror"
  started=$(date +%s)
  rm -rf "$root"
  log "preparing Synapse once (about a minute): debootstrap sid into $root"
  with_progress "debootstrap" "$cache/debootstrap.log" debootstrap --variant=minbase sid "$root" "$mirror" \
    || die "debootstrap failed; see $cache/debootstrap.log"
  # The mirror's sid index may carry an expired Valid-Until; services must not start inside the chroot.
  printf 'Acquire::Check-Valid-Until "false";\nAPT::Install-Recommends "false";\n' >"$root/etc/apt/apt.conf.d/99steward"
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod +x "$root/usr/sbin/policy-rc.d"
  printf '%s\n' 'matrix-synapse matrix-synapse/server-name string localhost' \
    'matrix-synapse matrix-synapse/report-stats boolean false' | chroot "$root" debconf-set-selections
  mount -t proc proc "$root/proc"
  local status=0
  log "installing the matrix-synapse package into the chroot"
  with_progress "installing matrix-synapse" "$cache/synapse-install.log" bash -c \
    'DEBIAN_FRONTEND=noninteractive chroot "$1" apt-get update -q \
      && DEBIAN_FRONTEND=noninteractive chroot "$1" apt-get install -y -q matrix-synapse' _ "$root" || status=$?
  umount "$root/proc"
  [ "$status" = 0 ] || die "installing matrix-synapse failed; see $cache/synapse-install.log"
  chroot "$root" apt-get clean
  touch "$root/.steward-ready"
  log "Synapse chroot ready in $(($(date +%s) - started)) s"
}

random_secret() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

# Writes homeserver.yaml for an instance whose files live in $2 as Synapse sees them.
write_config() {
  local host_dir=$1 dir=$2 port=$3 server_name=$4 secret=$5
  shift 5
  local services="[]"
  if [ $# -gt 0 ]; then
    services="[$(printf '"%s",' "$@" | sed 's/,$//')]"
  fi
  sed -e "s#@DIR@#$dir#g" -e "s#@PORT@#$port#g" -e "s#@SERVER_NAME@#$server_name#g" \
    -e "s#@SECRET@#$secret#g" -e "s#@APPSERVICES@#$services#g" \
    "$here/homeserver.yaml.in" >"$host_dir/homeserver.yaml"
}

# True when Synapse's client API answers 200 on the loopback port (bash's /dev/tcp: no curl needed).
answers() {
  local port=$1 status
  status=$( (exec 3<>"/dev/tcp/127.0.0.1/$port" \
    && printf 'GET /_matrix/client/versions HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 \
    && head -1 <&3) 2>/dev/null || true)
  case "$status" in *" 200 "*) return 0 ;; *) return 1 ;; esac
}

wait_ready() {
  local url=$1 pid_check=$2 log_file=$3
  for _ in $(seq 1 600); do
    if answers "${url##*:}"; then return 0; fi
    if ! eval "$pid_check"; then
      tail -40 "$log_file" >&2 || true
      die "Synapse exited during start-up; see $log_file"
    fi
    sleep 0.1
  done
  die "Synapse did not answer at $url within 60 s; see $log_file"
}

start() {
  local name="" port="" server_name=localhost
  local -a appservices=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --name) name=$2; shift 2 ;;
      --port) port=$2; shift 2 ;;
      --server-name) server_name=$2; shift 2 ;;
      --appservice) appservices+=("$2"); shift 2 ;;
      *) die "unknown option $1" ;;
    esac
  done
  if [ -n "${STEWARD_SYNAPSE_URL:-}" ]; then
    [ -n "${STEWARD_SYNAPSE_SHARED_SECRET:-}" ] || die "STEWARD_SYNAPSE_URL is set but STEWARD_SYNAPSE_SHARED_SECRET is not"
    echo "url=$STEWARD_SYNAPSE_URL"
    echo "shared_secret=$STEWARD_SYNAPSE_SHARED_SECRET"
    echo "mode=external"
    return 0
  fi
  [ -n "$name" ] && [ -n "$port" ] || die "start needs --name and --port"
  case "$name" in *[!A-Za-z0-9._-]*) die "--name may hold letters, digits, '.', '_' and '-' only" ;; esac
  local secret
  secret=$(random_secret)
  if docker_answers; then
    start_docker "$name" "$port" "$server_name" "$secret" "${appservices[@]}"
  else
    prepare_chroot
    start_chroot "$name" "$port" "$server_name" "$secret" "${appservices[@]}"
  fi
  echo "url=http://127.0.0.1:$port"
  echo "shared_secret=$secret"
  echo "server_name=$server_name"
}

# Copies the appservice registrations into the instance and prints their paths as Synapse sees them.
copy_appservices() {
  local host_dir=$1 dir=$2
  shift 2
  local i=0
  for file in "$@"; do
    [ -r "$file" ] || die "cannot read appservice registration $file"
    cp "$file" "$host_dir/appservice-$i.yaml"
    echo "$dir/appservice-$i.yaml"
    i=$((i + 1))
  done
}

start_chroot() {
  local name=$1 port=$2 server_name=$3 secret=$4
  shift 4
  local dir="/srv/steward/$name"
  local host_dir="$root$dir"
  stop_chroot "$name" 2>/dev/null || true
  rm -rf "$host_dir"
  mkdir -p "$host_dir"
  local -a inside=()
  mapfile -t inside < <(copy_appservices "$host_dir" "$dir" "$@")
  write_config "$host_dir" "$dir" "$port" "$server_name" "$secret" "${inside[@]}"
  local uid gid
  uid=$(awk -F: '$1 == "matrix-synapse" {print $3}' "$root/etc/passwd")
  gid=$(awk -F: '$1 == "matrix-synapse" {print $4}' "$root/etc/passwd")
  [ -n "$uid" ] || die "the chroot has no matrix-synapse user; remove $root and prepare again"
  chown -R "$uid:$gid" "$host_dir"
  local run=(chroot --userspec="$uid:$gid" "$root" env HOME="$dir" python3 -m synapse.app.homeserver -c "$dir/homeserver.yaml")
  "${run[@]}" --generate-keys >"$host_dir/generate-keys.log" 2>&1 || die "generating keys failed; see $host_dir/generate-keys.log"
  # setsid: the server must outlive the shell (and the JVM) that started it; it is stopped by its own PID.
  setsid "${run[@]}" >"$host_dir/homeserver.log" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$host_dir/steward.pid"
  wait_ready "http://127.0.0.1:$port" "kill -0 $pid 2>/dev/null" "$host_dir/homeserver.log"
  echo "pid=$pid"
  echo "dir=$host_dir"
  echo "mode=chroot"
}

start_docker() {
  local name=$1 port=$2 server_name=$3 secret=$4
  shift 4
  local host_dir="$cache/docker/$name"
  stop_docker "$name" 2>/dev/null || true
  rm -rf "$host_dir"
  mkdir -p "$host_dir"
  local -a inside=()
  mapfile -t inside < <(copy_appservices "$host_dir" /data "$@")
  write_config "$host_dir" /data "$port" "$server_name" "$secret" "${inside[@]}"
  chmod -R a+rwX "$host_dir"
  # Host networking: Synapse must reach Steward's appservice port on the host's loopback.
  local run=(docker run --rm --network host -v "$host_dir:/data" --entrypoint python "$image"
    -m synapse.app.homeserver -c /data/homeserver.yaml)
  "${run[@]}" --generate-keys >"$host_dir/generate-keys.log" 2>&1 || die "generating keys failed; see $host_dir/generate-keys.log"
  docker run -d --name "steward-synapse-$name" --network host -v "$host_dir:/data" --entrypoint python "$image" \
    -m synapse.app.homeserver -c /data/homeserver.yaml >/dev/null
  # The container logs to Docker; copy them where the chroot mode keeps its log, for the error message.
  wait_ready "http://127.0.0.1:$port" \
    "docker inspect -f '{{.State.Running}}' steward-synapse-$name | grep -q true || { docker logs steward-synapse-$name >'$host_dir/homeserver.log' 2>&1; false; }" \
    "$host_dir/homeserver.log"
  echo "dir=$host_dir"
  echo "mode=docker"
}

stop_chroot() {
  local pid_file="$root/srv/steward/$1/steward.pid"
  [ -f "$pid_file" ] || return 0
  local pid
  pid=$(cat "$pid_file")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file"
}

stop_docker() { docker rm -f "steward-synapse-$1" >/dev/null 2>&1 || true; }

stop() {
  [ "${1:-}" = --name ] && [ -n "${2:-}" ] || die "stop needs --name"
  [ -n "${STEWARD_SYNAPSE_URL:-}" ] && return 0
  if docker_answers; then stop_docker "$2"; else stop_chroot "$2"; fi
}

case "${1:-}" in
  prepare)
    if [ -n "${STEWARD_SYNAPSE_URL:-}" ]; then log "using the external Synapse at $STEWARD_SYNAPSE_URL"
    elif docker_answers; then docker pull -q "$image" >&2
    else prepare_chroot; fi ;;
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
