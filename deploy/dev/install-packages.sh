#!/usr/bin/env bash
# Installs the Debian packages the tests, the lab and the end-to-end run need. Idempotent: it asks
# apt only for what is missing, so a second run costs a dpkg query and nothing more.
set -euo pipefail

packages=(
  libvirt0 libvirt-clients            # our binding loads libvirt.so.0; virsh is the benchmark baseline
  libvirt-daemon libvirt-daemon-driver-qemu qemu-system-x86   # a real libvirtd driving QEMU (TCG)
  busybox-static cpio lz4 bc          # lab host images for the real-kernel end-to-end run
  openssl                             # lab certificate tooling
  chromium                            # the HTML rollout report is checked in a real (headless) browser
  etcd-server                         # the etcd rollout store is tested against a real etcd (started by the tests)
)
# Extra packages for a caller: LIVEUPDATE_EXTRA_PACKAGES="pkg ..."
read -r -a extra <<<"${LIVEUPDATE_EXTRA_PACKAGES:-}"
packages+=("${extra[@]}")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "install-packages: missing Debian packages: ${missing[*]} (run as root, or install them)" >&2
  exit 1
fi
echo "install-packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
