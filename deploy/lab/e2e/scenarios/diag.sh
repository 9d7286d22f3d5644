#!/bin/sh
# lab.run=diag: prints what the lab host offers and how long its tools take, for image debugging.
. /lab/lib.sh
log "DIAG kernel=$(uname -r) cpus=$(cat /sys/devices/system/cpu/online) mem=$(awk '/MemTotal/{print $2}' /proc/meminfo)kB pmem=${PMEM_MODE:-none}"
log "DIAG mounts: $(grep -E ' (/pmem|/var/lib/liveupdate) ' /proc/mounts | tr '\n' ';')"
log "DIAG /usr size: $(du -sk /usr | cut -f1) kB"
t=$(up); qemu-system-x86_64 -version | head -1; log "DIAG qemu -version t=$(elapsed "$t")"
t=$(up); start_libvirtd && log "DIAG libvirtd start+caps t=$(elapsed "$t")"
t=$(up); virsh -q -c $LIBVIRT_URI version >/dev/null && log "DIAG virsh version (cached caps) t=$(elapsed "$t")"
log "DIAG net: $(ip -4 -o addr | awk '{print $2, $4}' | tr '\n' ';') route: $(ip route | head -1)"
# lab.diag_hold=S: serve "labhost ok" on 7443 for S seconds, to check the runner's port forward
hold=$(arg lab.diag_hold || echo 0)
if [ "$hold" -gt 0 ]; then
  mkdir -p /run/www; echo "labhost ok $(uname -r)" > /run/www/index.html
  httpd -p 7443 -h /run/www && log "DIAG serving 7443 for ${hold}s"
  sleep "$hold"
fi
