# lib.sh - shared shell functions of the lab host (sourced by /init and by the scenarios).
# Log lines start with "LAB[uptime]" so the runner can pair them with its own timestamps.

# where a hypervisor host mounts its PMEM filesystem (the shipped pmem-kexec playbook saves VMs below it)
PMEM_DIR=/mnt/pmem0
STATE_DIR=/var/lib/liveupdate
LIBVIRT_URI=qemu:///system

up() { cut -d' ' -f1 /proc/uptime; }
log() { echo "LAB[$(up)] $*"; }
# elapsed T0 -> seconds since T0 (an earlier $(up))
elapsed() { awk -v a="$1" -v b="$(up)" 'BEGIN { printf "%.2f", b - a }'; }
# arg NAME -> value of NAME=value on the kernel command line; fails when absent
arg() {
  local a
  for a in $(cat /proc/cmdline); do
    case "$a" in "$1"=*) echo "${a#*=}"; return 0 ;; esac
  done
  return 1
}

load_modules() {
  local m
  for m in libnvdimm nd_btt nd_pmem nd_e820 virtio_pci virtio_net virtio_blk; do
    modprobe "$m" || log "MODPROBE_FAILED $m"
  done
}

wait_for() { # wait_for TENTHS TEST-ARGS... -> polls a [ ] test for up to TENTHS x 0.1 s
  local n=$1 i=0; shift
  while ! [ "$@" ] && [ $i -lt "$n" ]; do sleep 0.1; i=$((i + 1)); done
  [ "$@" ]
}

# has_ext4 DEV -> the ext4 superblock magic 0xEF53 sits at byte 1080 (little endian)
has_ext4() { [ "$(dd if="$1" bs=1 skip=1080 count=2 2>/dev/null | xxd -p)" = 53ef ]; }

# format_once DEV LABEL -> mkfs.ext4 only on a device with no filesystem: a filesystem that does
# not mount is an error to look at, never something to format over (it may hold saved VMs).
format_once() {
  has_ext4 "$1" && return 0
  log "MKFS $1"
  mkfs.ext4 -q -F -b 4096 -L "$2" "$1" >/dev/null
}

# mount_pmem -> ext4 on /dev/pmem0 at $PMEM_DIR, DAX when the namespace supports it
mount_pmem() {
  wait_for 50 -b /dev/pmem0 || return 1
  format_once /dev/pmem0 lu-pmem || return 1
  mkdir -p $PMEM_DIR
  if mount -t ext4 -o dax=always /dev/pmem0 $PMEM_DIR 2>/dev/null; then
    PMEM_MODE=dax
  else
    mount -t ext4 /dev/pmem0 $PMEM_DIR || return 1
    PMEM_MODE=nodax
  fi
  export PMEM_MODE
  log "PMEM_MOUNTED mode=$PMEM_MODE bytes=$(($(cat /sys/block/pmem0/size) * 512)) queue_dax=$(cat /sys/block/pmem0/queue/dax 2>/dev/null) iomem='$(grep -i 'persistent' /proc/iomem | head -1 | tr -s ' ')'"
}

# mount_state -> ext4 on the first virtio disk at /var/lib/liveupdate (the agent's state dir)
mount_state() {
  wait_for 20 -b /dev/vda || return 1
  format_once /dev/vda lu-state || return 1
  mkdir -p $STATE_DIR
  mount -t ext4 /dev/vda $STATE_DIR && log "STATE_MOUNTED dev=/dev/vda dir=$STATE_DIR"
}

net_up() {
  ip link set lo up
  local dev
  dev=$(ls /sys/class/net | grep -v '^lo$' | head -1)
  [ -n "$dev" ] || { log "NET none"; return 0; }
  ip link set "$dev" up
  if ! udhcpc -i "$dev" -n -q -t 5 -T 1 -s /etc/udhcpc.script >/dev/null 2>&1; then
    # QEMU user networking always hands out this address; use it when DHCP is slow to answer
    ip addr add 10.0.2.15/24 dev "$dev"; ip route add default via 10.0.2.2
  fi
  log "NET $dev $(ip -4 -o addr show dev "$dev" | awk '{print $4}')"
}

# start_libvirtd -> libvirtd running, and its QEMU capabilities probed (the first call pays for that)
start_libvirtd() {
  mkdir -p /run/libvirt /var/lib/libvirt/qemu /var/log/libvirt /var/cache/libvirt
  libvirtd -d -p /run/libvirtd.pid || return 1
  wait_for 300 -S /run/libvirt/libvirt-sock || { log "LIBVIRTD_NO_SOCKET"; return 1; }
  virsh -q -c $LIBVIRT_URI version >/dev/null || { log "LIBVIRTD_NOT_ANSWERING"; tail -20 /var/log/libvirt/libvirtd.log; return 1; }
}

# counter DOMAIN -> the counter VM's 64-bit counter (guest-physical 0x6000), in decimal
counter() {
  local hex
  hex=$(virsh -c $LIBVIRT_URI qemu-monitor-command --hmp "$1" 'xp /1gx 0x6000' | awk '/: /{print $2}')
  [ -n "$hex" ] && printf '%d\n' "$hex"
}

# next_cmdline KEY=VALUE... -> this kernel's command line with lab.* overrides, so the next kernel
# gets exactly the same memmap= (the PMEM layout) as this one
next_cmdline() {
  local a keep="" o
  for a in $(cat /proc/cmdline); do
    for o in "$@"; do [ "${a%%=*}" = "${o%%=*}" ] && continue 2; done
    case "$a" in BOOT_IMAGE=*|initrd=*) continue ;; esac
    keep="$keep $a"
  done
  echo "${keep# } $*"
}
