#!/bin/bash
# build.sh OUT_DIR [--agent DIR] [--overlay DIR] [--from KVER] [--to KVER]
#
# Builds the QEMU lab host: a busybox initramfs with libvirtd, virsh, QEMU (TCG), the nvdimm and
# virtio modules of both kernels, mkfs.ext4, the kfl kexec helper, the counter VM and the
# scenarios of ../e2e/scenarios. --overlay copies a tree onto the root last (the agent's /etc and
# playbooks, see ../agent/prepare.sh); like --agent it is in both kernels' initramfs. The lab boots kernel --from; the image carries kernel --to and its
# own initramfs under /boot so the host can kexec into it.
#
# Output (OUT_DIR): vmlinuz (boot kernel), initrd.img (boot initramfs, includes /boot/*-next),
# vmlinuz-next + initrd-next.img (what /boot holds), manifest.txt.
# Kernels are cached in ${LIVEUPDATE_CACHE:-/var/cache/liveupdate-e2e} and reused between runs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
lab=$(dirname "$here")
usage() { echo "usage: build.sh OUT_DIR [--agent DIR] [--overlay DIR] [--from KVER] [--to KVER]" >&2; exit 2; }
[ $# -ge 1 ] || usage
out=$1; shift
agent="" overlay="" from=6.1.0-47-cloud-amd64 to=6.1.0-50-cloud-amd64
while [ $# -gt 0 ]; do
  case "$1" in
    --agent) agent=$(cd "${2:?}" && pwd); shift 2 ;;
    --overlay) overlay=$(cd "${2:?}" && pwd); shift 2 ;;
    --from) from=${2:?}; shift 2 ;;
    --to) to=${2:?}; shift 2 ;;
    *) usage ;;
  esac
done
cache=${LIVEUPDATE_CACHE:-/var/cache/liveupdate-e2e}
mkdir -p "$out" "$cache"; out=$(cd "$out" && pwd)
t_start=$(date +%s)
. "$here/lib/kernels.sh"
. "$here/lib/rootfs.sh"

need_packages() {
  local p missing=()
  for p in qemu-system-x86 libvirt-daemon libvirt-daemon-driver-qemu libvirt-clients busybox-static \
           cpio lz4 e2fsprogs gcc libc6-dev binutils xxd; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "build.sh: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

modules=(libnvdimm nd_btt nd_pmem nd_e820 virtio_pci virtio_net virtio_blk)
programs=(/usr/bin/qemu-system-x86_64 /usr/sbin/libvirtd /usr/bin/virsh /usr/sbin/mke2fs
          /usr/lib/libvirt/libvirt_iohelper
          /usr/lib/x86_64-linux-gnu/qemu/accel-tcg-x86_64.so   # Debian builds TCG as a loadable module
          /usr/lib/x86_64-linux-gnu/libvirt/connection-driver/libvirt_driver_qemu.so
          /usr/lib/x86_64-linux-gnu/libvirt/storage-file/libvirt_storage_file_fs.so)
# x86 firmware QEMU loads for a pc machine (Debian's QEMU searches share/qemu, share/seabios and
# lib/ipxe/qemu); the other architectures' blobs stay out
qemu_data=(/usr/share/qemu/{kvmvapic.bin,linuxboot.bin,linuxboot_dma.bin,multiboot.bin,multiboot_dma.bin,pvh.bin,trace-events-all}
           /usr/share/seabios/{bios-256k.bin,bios.bin,vgabios.bin,vgabios-stdvga.bin}
           /usr/lib/ipxe/qemu/{efi-virtio.rom,efi-e1000.rom})

need_packages
tree_from=$(fetch_kernel "$from")
tree_to=$(fetch_kernel "$to")

work=$out/work; root=$work/rootfs
rm -rf "$work"; mkdir -p "$work"
make_skeleton
cp -a "$here/rootfs/." "$root/"
copy_elf "${programs[@]}"
ln -s mke2fs "$root/usr/sbin/mkfs.ext4"
cp /etc/mke2fs.conf "$root/etc/"
copy_tree /usr/share/libvirt/cpu_map
for f in "${qemu_data[@]}"; do mkdir -p "$root$(dirname "$f")"; cp -L "$f" "$root$f"; done
gcc -O2 -static -Wall -o "$root/usr/bin/kfl" "$here/kfl/kfl.c"
install_modules "$tree_from" "$from" "$root" "${modules[@]}"
install_modules "$tree_to" "$to" "$root" "${modules[@]}"
mkdir -p "$root/lab/guest" "$root/lab/scenarios"
"$lab/guest/build.sh" "$root/lab/guest" >/dev/null
cp "$lab"/e2e/scenarios/*.sh "$root/lab/scenarios/"
chmod +x "$root"/lab/scenarios/*.sh
if [ -n "$agent" ]; then
  mkdir -p "$root/opt/liveupdate/agent"; cp -a "$agent/." "$root/opt/liveupdate/agent/"
  # .NET loads OpenSSL with dlopen (ldd cannot see it); a non-AOT agent also needs the C++ runtime and zlib
  copy_elf /usr/lib/x86_64-linux-gnu/{libssl.so.3,libcrypto.so.3,libz.so.1,libstdc++.so.6,libgcc_s.so.1}
  for f in "$agent"/*; do
    [ -f "$f" ] && [ -x "$f" ] && ldd "$f" >/dev/null 2>&1 || continue   # dynamic ELF files only
    for lib in $(ldd "$f" 2>/dev/null | awk '/=> \//{print $3} /^\t\/[^ ]+ \(/{print $1}'); do copy_file "$lib"; done
  done
fi
if [ -n "$overlay" ]; then cp -a "$overlay/." "$root/"; fi

# newc cpio, lz4 legacy frames (the cloud kernels have RD_LZ4): unpacks much faster than gzip under TCG
pack() { (cd "$1" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) | lz4 -l -q -9 > "$2"; }
pack "$root" "$out/initrd-next.img"
cp "$tree_to/boot/vmlinuz-$to" "$out/vmlinuz-next"
cp "$tree_from/boot/vmlinuz-$from" "$out/vmlinuz"
# the boot initramfs = the same root plus /boot/{vmlinuz,initrd}-next, appended as a second archive
mkdir -p "$work/bootdir/boot"
cp "$out/vmlinuz-next" "$work/bootdir/boot/vmlinuz-next"; cp "$out/initrd-next.img" "$work/bootdir/boot/initrd-next.img"
echo "$to" > "$work/bootdir/boot/next-release"
# (lz4 legacy frames have no end marker, so the second archive must be lz4 too: the kernel reads
# both as one stream; an uncompressed tail would be taken for a corrupt frame)
pack "$work/bootdir" "$work/boot.cpio.lz4"
cat "$out/initrd-next.img" "$work/boot.cpio.lz4" > "$out/initrd.img"
rm -rf "$work"

{
  echo "boot_kernel=$from"
  echo "next_kernel=$to"
  echo "agent=${agent:-none}"
  echo "overlay=${overlay:-none}"
  for f in vmlinuz initrd.img vmlinuz-next initrd-next.img; do echo "size.$f=$(stat -c %s "$out/$f")"; done
  echo "build_seconds=$(( $(date +%s) - t_start ))"
} > "$out/manifest.txt"
cat "$out/manifest.txt"
