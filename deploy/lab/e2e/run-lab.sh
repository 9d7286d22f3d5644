#!/bin/bash
# run-lab.sh IMAGE_DIR WORK_DIR [--port N] [--timeout S] [--state-size SIZE] [--follow] [-- KERNEL_ARGS...]
#
# Boots the lab host in the foreground until it powers off (or TIMEOUT, default 1800 s) - the
# building block for end-to-end tests that drive the agent from outside. Prints "LAB_PORT=N" (the
# host port forwarded to the lab's 7443) before booting; the serial log with host timestamps is
# WORK_DIR/serial.log and the agent's state disk WORK_DIR/state.img (kept between runs).
# --follow also streams the serial lines on stdout, after LAB_PORT=N, for a driver that waits on them.
# --state-size sizes a state disk created by this run (default 64M; an agent staging bundles needs more).
# Default kernel args: lab.run=service (libvirtd + agent). Example for a shell-free debug run:
#   run-lab.sh out/image /var/tmp/lab -- lab.run=diag
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/lab-qemu.sh"
[ $# -ge 2 ] || { echo "usage: run-lab.sh IMAGE_DIR WORK_DIR [--port N] [--timeout S] [--state-size SIZE] [--follow] [-- KERNEL_ARGS...]" >&2; exit 2; }
img=$(cd "$1" && pwd); work=$2; shift 2
port="" limit=1800
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=${2:?}; shift 2 ;;
    --timeout) limit=${2:?}; shift 2 ;;
    --state-size) LAB_STATE_SIZE=${2:?}; shift 2 ;;
    --follow) LAB_FOLLOW=1; shift ;;
    --) shift; break ;;
    *) echo "run-lab.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ $# -gt 0 ] || set -- lab.run=service
mkdir -p "$work"
port=${port:-$(free_port)}
trap lab_stop EXIT; trap 'lab_stop; exit 143' INT TERM
echo "LAB_PORT=$port"
lab_boot "$img" "$work/serial.log" "$work/state.img" "$port" "$limit" "$@"
