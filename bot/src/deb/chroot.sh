#!/usr/bin/env bash
# A fresh Debian to install Steward's .deb into, as a self-hoster's machine would be: debootstrap (minbase) once,
# cached as a tarball under ~/.cache/steward/deb-test, unpacked anew for every use. Needs root.
#
#   chroot.sh prepare DIR        unpack a fresh Debian into DIR
#   chroot.sh install DIR DEB    apt-get install the package there (its Java comes from the Debian mirror)
#   chroot.sh remove DIR         unmount and delete DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
cache=${STEWARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/steward}/deb-test
suite=${STEWARD_DEB_TEST_SUITE:-trixie}
pristine="$cache/$suite-minbase.tar"

die() { echo "chroot.sh: $*" >&2; exit 1; }
log() { echo "chroot.sh: $*" >&2; }

build_pristine() {
  [ -f "$pristine" ] && return 0
  [ "$(id -u)" = 0 ] || die "needs root (debootstrap and chroot)"
  mkdir -p "$cache"
  exec 9>"$cache/build.lock"
  flock 9
  [ -f "$pristine" ] && return 0
  # shellcheck source=../../../homeserver/synapse/debian-mirror.sh
  . "$top/homeserver/synapse/debian-mirror.sh"
  local mirror root="$cache/rootfs"
  mirror=$(debian_mirror) || die "no Debian mirror"
  rm -rf "$root"
  log "debootstrap $suite into $root (once)"
  debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$cache/debootstrap.log" 2>&1 \
    || die "debootstrap failed; see $cache/debootstrap.log"
  printf 'APT::Install-Recommends "false";\n' >"$root/etc/apt/apt.conf.d/99steward"
  # A chroot has no init: packages must not try to start services.
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod +x "$root/usr/sbin/policy-rc.d"
  tar --numeric-owner -C "$root" -cf "$pristine.part" .
  mv "$pristine.part" "$pristine"
  rm -rf "$root"
}

prepare() {
  local dir=${1:?prepare needs DIR}
  build_pristine
  remove "$dir"
  mkdir -p "$dir"
  tar --numeric-owner -C "$dir" -xf "$pristine"
}

install() {
  local dir=${1:?install needs DIR} deb=${2:?install needs DEB}
  [ -f "$deb" ] || die "no package at $deb"
  mkdir -p "$cache/archives/partial"
  mount -t proc proc "$dir/proc"
  # Downloaded packages are kept for the next fresh chroot; the system itself starts fresh each time.
  mount --bind "$cache/archives" "$dir/var/cache/apt/archives"
  cp "$deb" "$dir/tmp/steward.deb"
  local status=0
  {
    chroot "$dir" apt-get update -q \
      && DEBIAN_FRONTEND=noninteractive chroot "$dir" apt-get install -y -q /tmp/steward.deb
  } >"$dir/install.log" 2>&1 || status=$?
  umount "$dir/var/cache/apt/archives"
  [ "$status" = 0 ] || { tail -30 "$dir/install.log" >&2; die "installing $deb failed; see $dir/install.log"; }
  cat "$dir/install.log"
}

remove() {
  local dir=${1:?remove needs DIR}
  [ -d "$dir" ] || return 0
  for mount_point in "$dir/var/cache/apt/archives" "$dir/proc"; do
    if mountpoint -q "$mount_point" 2>/dev/null; then umount -l "$mount_point"; fi
  done
  rm -rf "$dir"
}

case "${1:-}" in
  prepare) prepare "${2:-}" ;;
  install) install "${2:-}" "${3:-}" ;;
  remove) remove "${2:-}" ;;
  *) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
