#!/bin/bash
# probe-vm-handover.sh [--image DIR] [--work DIR] [--port N]
#
# Plain-script end-to-end proof of the VM handover on real kernels: boots the lab host (TCG QEMU),
# which starts a counter VM under libvirt, saves it into the ext4 filesystem on /dev/pmem0, offlines
# cpu1 and kexecs into the other kernel with the same memmap=; the new kernel restores the VM and
# checks that its counter continues from the saved value. Prints a PASS/FAIL line and a timing
# breakdown; exit status 0 only on PASS. Without --image it builds one (../image/build.sh).
# LAB_APPEND adds kernel arguments (passed on to the next kernel too), e.g. LAB_APPEND=lab.dmesg=1.
# Nothing here touches this machine's kernel: kexec, CPU offlining and PMEM writes happen inside QEMU.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/lab-qemu.sh"
img="" work="" port=""
while [ $# -gt 0 ]; do
  case "$1" in
    --image) img=${2:?}; shift 2 ;;
    --work) work=${2:?}; shift 2 ;;
    --port) port=${2:?}; shift 2 ;;
    *) echo "usage: probe-vm-handover.sh [--image DIR] [--work DIR] [--port N]" >&2; exit 2 ;;
  esac
done
work=${work:-$(mktemp -d /var/tmp/lab-probe.XXXXXX)}
mkdir -p "$work"; work=$(cd "$work" && pwd)
trap lab_stop EXIT; trap 'lab_stop; exit 143' INT TERM
if [ -z "$img" ]; then
  img=$work/image
  t=$(date +%s); "$here/../image/build.sh" "$img" >/dev/null; echo "image built in $(( $(date +%s) - t )) s: $img"
fi
port=${port:-$(free_port)}
log=$work/serial.log
rm -f "$work/state.img"
echo "booting lab host (log: $log, agent port 127.0.0.1:$port)"
lab_boot "$img" "$log" "$work/state.img" "$port" "${LAB_TIMEOUT:-600}" lab.run=probe-vm-handover lab.stage=1 ${LAB_APPEND:-} || true

# durations measured inside the lab: "PROBE T <name> t=<s>"; first value = old kernel, second = new
inlab() { grep -- "PROBE T $1 " "$log" | sed -n "${2:-1}p" | sed 's/.* t=\([0-9.]*\).*/\1/'; }
span() { local a b; a=$(lab_time "$log" "$1"); b=$(lab_time "$log" "$2"); [ -n "$a" ] && [ -n "$b" ] && awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b - a }'; }
result=$(grep -m1 -oE 'PROBE (PASS|FAIL).*' "$log" || echo "FAIL no result line (see $log)")
echo "$result"
cat <<REPORT
timing (s)          old kernel $(grep -m1 -o 'INIT_START kernel=[^ ]*' "$log" | cut -d= -f2) -> new kernel $(grep -m1 -o 'PROBE NEW_KERNEL [^ ]*' "$log" | cut -d' ' -f3)
  qemu start -> init       $(lab_time "$log" 'INIT_START')
  init -> ready (modules, pmem, net)  $(span 'INIT_START' 'INIT_READY')
  libvirtd start (old)     $(inlab libvirtd_start 1)
  vm start                 $(inlab vm_start)
  suspend                  $(inlab suspend)
  save to pmem             $(inlab save)    [$(grep -m1 -o 'bytes=[0-9]* pmem_mode=[a-z]*' "$log" || true)]
  cpu1 offline             $(inlab cpu1_offline)
  kexec load               $(inlab kexec_load)
  kexec -> new init        $(span 'PROBE KEXEC_NOW' 'INIT_START kernel=.* stage=2')
  new init -> ready        $(span 'INIT_START kernel=.* stage=2' 'PROBE NEW_KERNEL')
  libvirtd start (new)     $(inlab libvirtd_start 2)
  restore (paused)         $(inlab restore)
  resume                   $(inlab resume)
  save -> resumed (blackout) $(span 'PROBE T suspend' 'PROBE T resume')
  total run                $(tail -1 "$log" | awk '{print $1}')
REPORT
case "$result" in PROBE\ PASS*) exit 0 ;; *) echo "serial log: $log"; exit 1 ;; esac
