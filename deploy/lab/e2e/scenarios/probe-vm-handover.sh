#!/bin/sh
# In-lab half of probe-vm-handover (run by /init as lab.run=probe-vm-handover).
# Stage 1 (boot kernel): start the counter VM, pause it, save it into the PMEM filesystem, offline
# cpu1, kexec the next kernel with the same memmap=. Stage 2 (next kernel): restore the VM from
# PMEM and check that its counter continues from the saved value instead of restarting.
# Every result line is "PROBE <KEY> ..." so the runner can grep it; durations are "t=seconds".
. /lab/lib.sh
DOM=counter
VMDIR=$PMEM_DIR/vm
fail() { log "PROBE FAIL $*"; tail -15 /var/log/libvirt/libvirtd.log 2>/dev/null; tail -c 300 /run/counter.serial.log 2>/dev/null; exit 1; }
wait_counter_above() { # DOMAIN MIN TENTHS -> prints the first value > MIN
  local i=0 c
  while [ $i -lt "$3" ]; do
    c=$(counter "$1") && [ "$c" -gt "$2" ] && { echo "$c"; return 0; }
    sleep 0.1; i=$((i + 1))
  done
  return 1
}

stage1() {
  [ "$PMEM_MODE" ] || fail "no PMEM filesystem"
  t=$(up); start_libvirtd || fail "libvirtd did not start"; log "PROBE T libvirtd_start t=$(elapsed "$t")"
  mkdir -p $VMDIR
  cp /lab/guest/counter.img $VMDIR/counter.img
  sed -e "s|@DISK@|$VMDIR/counter.img|" -e "s|@SERIAL@|/run/counter.serial.log|" /lab/guest/counter.xml.in > /run/counter.xml
  t=$(up); virsh -q -c $LIBVIRT_URI create /run/counter.xml >/dev/null || fail "virsh create"
  log "PROBE T vm_start t=$(elapsed "$t")"
  c1=$(wait_counter_above $DOM 100 600) || fail "counter did not reach 100 (booting?)"
  c2=$(wait_counter_above $DOM "$c1" 100) || fail "counter stuck at $c1"
  log "PROBE RUNNING counter=$c1 then $c2"
  t=$(up); virsh -q -c $LIBVIRT_URI suspend $DOM >/dev/null || fail "suspend"; log "PROBE T suspend t=$(elapsed "$t")"
  saved=$(counter $DOM) || fail "read paused counter"
  t=$(up); virsh -q -c $LIBVIRT_URI save $DOM $VMDIR/counter.sav >/dev/null || fail "virsh save"
  sync; log "PROBE T save t=$(elapsed "$t") bytes=$(stat -c %s $VMDIR/counter.sav) pmem_mode=$PMEM_MODE"
  echo "$saved" > $VMDIR/counter.saved-value; sync
  log "PROBE SAVED counter=$saved"
  kill "$(cat /run/libvirtd.pid)" 2>/dev/null
  t=$(up); echo 0 > /sys/devices/system/cpu/cpu1/online || fail "offline cpu1"
  log "PROBE T cpu1_offline t=$(elapsed "$t") online=$(cat /sys/devices/system/cpu/online)"
  cmd=$(next_cmdline lab.stage=2)
  t=$(up); kfl load /boot/vmlinuz-next /boot/initrd-next.img "$cmd" || fail "kexec_file_load"
  log "PROBE T kexec_load t=$(elapsed "$t") next=$(cat /boot/next-release) cmdline='$cmd'"
  log "PROBE KEXEC_NOW"
  kfl exec
  fail "reboot(KEXEC) returned"
}

stage2() {
  log "PROBE NEW_KERNEL $(uname -r) online=$(cat /sys/devices/system/cpu/online)"
  [ "$PMEM_MODE" ] || fail "no PMEM filesystem after kexec"
  [ -f $VMDIR/counter.sav ] || fail "save file missing from PMEM after kexec"
  saved=$(cat $VMDIR/counter.saved-value)
  if [ "$(cat /sys/devices/system/cpu/cpu1/online)" = 0 ]; then
    t=$(up); echo 1 > /sys/devices/system/cpu/cpu1/online; log "PROBE T cpu1_online t=$(elapsed "$t")"
  fi
  t=$(up); start_libvirtd || fail "libvirtd did not start"; log "PROBE T libvirtd_start t=$(elapsed "$t")"
  t=$(up); virsh -q -c $LIBVIRT_URI restore $VMDIR/counter.sav >/dev/null || fail "virsh restore"
  log "PROBE T restore t=$(elapsed "$t") state=$(virsh -q -c $LIBVIRT_URI domstate $DOM)"
  r0=$(counter $DOM) || fail "read restored counter"
  t=$(up); virsh -q -c $LIBVIRT_URI resume $DOM >/dev/null || fail "resume"; log "PROBE T resume t=$(elapsed "$t")"
  r1=$(wait_counter_above $DOM "$r0" 100) || fail "counter stuck at $r0 after resume"
  r2=$(wait_counter_above $DOM "$r1" 100) || fail "counter stuck at $r1 after resume"
  log "PROBE RESTORED saved=$saved paused=$r0 then $r1 $r2"
  if [ "$r0" -eq "$saved" ] && [ "$r1" -gt "$saved" ] && [ "$r2" -gt "$r1" ]; then
    log "PROBE PASS counter continued from $saved (restored paused at $r0, then $r1, $r2) on $(uname -r)"
  else
    fail "counter did not continue: saved=$saved restored=$r0 then $r1 $r2"
  fi
  virsh -q -c $LIBVIRT_URI destroy $DOM >/dev/null
}

case "$(arg lab.stage || echo 1)" in
  1) stage1 ;;
  2) stage2 ;;
  *) fail "unknown lab.stage" ;;
esac
