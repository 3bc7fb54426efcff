#!/usr/bin/env bash
# Builds the base of Steward's container image from Debian packages (no container registry is needed): a minimal
# Debian with a Java runtime, made with debootstrap, written as an image tarball ("docker save" layout) that Jib
# builds on (from.image tar://...). Prints the tarball's path. Needs root (debootstrap, chroot, mount).
#
#   base.sh [--link FILE]      build (or reuse) the base, print its path, and link FILE to it (for the Maven build)
#   base.sh --print-path       only print where it is (or will be)
#
# Cached outside the repository (~/.cache/steward/image-base), keyed by its revision, suite and runtime, so the
# Maven build builds it once (about a minute) and reuses it after.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
cache=${STEWARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/steward}/image-base
suite=${STEWARD_IMAGE_SUITE:-trixie}
jre=${STEWARD_IMAGE_JRE:-openjdk-21-jre-headless}
# Bump when what the base holds changes: the cache is keyed by it, the suite and the runtime.
revision=1
key=$(printf '%s %s %s' "$revision" "$suite" "$jre" | sha256sum | cut -c1-12)
tarball="$cache/steward-base-$suite-$key.tar"

die() { echo "base.sh: $*" >&2; exit 1; }
log() { echo "base.sh: $*" >&2; }

link=""
case "${1:-}" in
  --print-path) echo "$tarball"; exit 0 ;;
  --link) link=${2:?--link needs a file} ;;
esac
finish() {
  if [ -n "$link" ]; then mkdir -p "$(dirname "$link")"; ln -sf "$tarball" "$link"; fi
  echo "$tarball"
  exit 0
}
[ -f "$tarball" ] && finish
[ "$(id -u)" = 0 ] || die "building the image's base needs root (debootstrap and chroot)"
command -v debootstrap >/dev/null 2>&1 || die "debootstrap is missing: apt-get install debootstrap"
mkdir -p "$cache"
exec 9>"$cache/build.lock"
flock 9
[ -f "$tarball" ] && finish

# shellcheck source=../../../homeserver/synapse/debian-mirror.sh
. "$top/homeserver/synapse/debian-mirror.sh"
mirror=$(debian_mirror) || die "no Debian mirror to build the base from"
root="$cache/rootfs"
work="$cache/work"
rm -rf "$root" "$work"
mkdir -p "$work"
started=$(date +%s)
log "debootstrap $suite into $root (about two minutes, once)"
debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$cache/debootstrap.log" 2>&1 \
  || die "debootstrap failed; see $cache/debootstrap.log"
printf 'APT::Install-Recommends "false";\n' >"$root/etc/apt/apt.conf.d/99steward"
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod +x "$root/usr/sbin/policy-rc.d"
mount -t proc proc "$root/proc"
status=0
{
  DEBIAN_FRONTEND=noninteractive chroot "$root" apt-get update -q \
    && DEBIAN_FRONTEND=noninteractive chroot "$root" apt-get install -y -q "$jre" ca-certificates \
    && chroot "$root" groupadd --system --gid 10001 steward \
    && chroot "$root" useradd --system --uid 10001 --gid steward --home-dir /data --no-create-home \
         --shell /usr/sbin/nologin steward
} >"$cache/install.log" 2>&1 || status=$?
umount "$root/proc"
[ "$status" = 0 ] || die "installing $jre failed; see $cache/install.log"
# What a container never uses: package lists and caches, documentation, manuals, other languages' messages.
chroot "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* \
  "$root"/usr/share/locale/* "$root"/var/log/* "$root"/var/cache/debconf/*-old "$root"/dev/* "$root/usr/sbin/policy-rc.d"
mkdir -p "$root/data"
chown 10001:10001 "$root/data"

# One layer, then the "docker save" layout Jib reads: manifest.json, the image config, the layer.
tar --numeric-owner --xattrs -C "$root" -cf "$work/layer.tar" .
diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
mkdir -p "$work/$diff_id"
mv "$work/layer.tar" "$work/$diff_id/layer.tar"
created=$(date -u +%Y-%m-%dT%H:%M:%SZ)
cat >"$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"$created",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"$created","created_by":"steward base.sh: debootstrap $suite, $jre"}]}
JSON
config_id=$(sha256sum "$work/config.json" | cut -d' ' -f1)
mv "$work/config.json" "$work/$config_id.json"
printf '[{"Config":"%s.json","RepoTags":["steward-base:%s"],"Layers":["%s/layer.tar"]}]\n' \
  "$config_id" "$key" "$diff_id" >"$work/manifest.json"
tar -C "$work" -cf "$tarball.part" manifest.json "$config_id.json" "$diff_id"
mv "$tarball.part" "$tarball"
rm -rf "$work" "$root"
log "base ready in $(($(date +%s) - started)) s: $tarball ($(du -h "$tarball" | cut -f1))"
finish
