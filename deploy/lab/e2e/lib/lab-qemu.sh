# lab-qemu.sh - boot the lab host image in QEMU (sourced by the e2e runners).
# TCG only: this machine's /dev/kvm (kvm-pvm) cannot run a stock kernel (see e2e-probe.md).

LAB_MEMMAP=${LAB_MEMMAP:-256M!1G}   # 256 MiB legacy PMEM at 1 GiB -> /dev/pmem0
# A small translation cache: QEMU keeps the old kernel's translated code across kexec (no machine
# reset), and every write into a page that still holds stale translations takes TCG's slow
# self-modifying-code path. With the 1 GiB default the new kernel unpacked its initramfs in 15-16 s
# instead of 1.5-2 s; 64 MiB gets flushed often enough and costs nothing measurable elsewhere.
LAB_ACCEL=${LAB_ACCEL:-tcg,tb-size=64}
LAB_STATE_SIZE=${LAB_STATE_SIZE:-64M}   # size of a state disk created by lab_boot
LAB_FOLLOW=${LAB_FOLLOW:-0}             # 1: also stream the timestamped serial lines on stdout
LAB_QEMU_PID=""

# free_port -> a TCP port on 127.0.0.1 that nothing listens on right now
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# lab_stop -> kill the lab's QEMU if it is still running (install as an EXIT trap)
lab_stop() {
  if [ -n "$LAB_QEMU_PID" ] && kill -0 "$LAB_QEMU_PID" 2>/dev/null; then kill "$LAB_QEMU_PID"; fi
  LAB_QEMU_PID=""
}

# lab_boot IMAGE_DIR LOG STATE_IMG PORT TIMEOUT_S APPEND... -> runs QEMU until the lab powers off.
# Every serial line in LOG is prefixed with seconds since QEMU start (host clock), like the probe.
# PORT forwards 127.0.0.1:PORT to the lab's 7443 (the agent's gRPC port); STATE_IMG is a raw disk
# that the lab mounts at /var/lib/liveupdate (formatted on first use).
lab_boot() {
  local img=$1 log=$2 state=$3 port=$4 limit=$5; shift 5
  local pidfile=$log.qemu.pid t0
  [ -f "$state" ] || truncate -s "$LAB_STATE_SIZE" "$state"
  rm -f "$pidfile"
  t0=$(date +%s.%N)
  timeout "$limit" qemu-system-x86_64 -accel "$LAB_ACCEL" -cpu max -smp 2 -m 2G \
    -nographic -no-reboot -nodefaults -serial stdio -pidfile "$pidfile" \
    -kernel "$img/vmlinuz" -initrd "$img/initrd.img" \
    -append "console=ttyS0 quiet memmap=$LAB_MEMMAP $*" \
    -netdev "user,id=n0,hostfwd=tcp:127.0.0.1:$port-:7443" -device virtio-net-pci,netdev=n0,romfile= \
    -drive "file=$state,if=virtio,format=raw" </dev/null 2>&1 |
    perl -MTime::HiRes=time -ne 'BEGIN { $| = 1 } s/\r//g; printf "%8.3f %s", time - '"$t0"', $_' |
    if [ "$LAB_FOLLOW" = 1 ]; then tee "$log"; else cat > "$log"; fi &
  local pipe=$!
  local i=0
  while [ ! -s "$pidfile" ] && [ $i -lt 100 ] && kill -0 $pipe 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
  LAB_QEMU_PID=$(cat "$pidfile" 2>/dev/null || true)
  # poll rather than a bare "wait": a TERM arriving during "wait" did not always run the caller's
  # trap, which left QEMU running after its runner was gone
  while kill -0 $pipe 2>/dev/null; do sleep 1; done
  wait $pipe
}

# lab_time LOG PATTERN -> host timestamp (s since QEMU start) of the first serial line matching PATTERN
lab_time() { grep -m1 -- "$2" "$1" | awk '{print $1}'; }
