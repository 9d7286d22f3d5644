#!/bin/sh
# Default lab.run: the lab host as a hypervisor with the LiveUpdate agent. Starts libvirtd, then
# the agent copied in with build.sh --agent, in the foreground (it listens on 7443, which the runner
# forwards to 127.0.0.1:PORT). Agent hook, first match wins:
#   /opt/liveupdate/agent/lab-start      an executable that starts the agent however it needs
#   /opt/liveupdate/agent/LiveUpdate.Agent   the agent binary itself, started without arguments
# The agent finds the PMEM filesystem at /pmem and its state dir at /var/lib/liveupdate (virtio disk).
. /lab/lib.sh
t=$(up); start_libvirtd || { log "SERVICE libvirtd did not start"; exit 1; }
log "SERVICE libvirtd up t=$(elapsed "$t")"
export LIVEUPDATE_STATE_DIR=$STATE_DIR LIVEUPDATE_PMEM_DIR=$PMEM_DIR LIBVIRT_DEFAULT_URI=$LIBVIRT_URI
dir=/opt/liveupdate/agent
for cand in "$dir/lab-start" "$dir/LiveUpdate.Agent"; do
  if [ -x "$cand" ]; then
    log "SERVICE starting $cand"
    "$cand"
    log "SERVICE agent exited rc=$?"
    exit 0
  fi
done
log "SERVICE no agent in $dir (build.sh --agent DIR); idle"
[ "$(arg lab.keep)" = 1 ] || exit 0
