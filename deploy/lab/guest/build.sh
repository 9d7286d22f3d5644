#!/bin/bash
# build.sh OUT_DIR - builds the lab's counter VM: OUT_DIR/counter.img (a 1 MiB raw disk whose
# boot sector is counter.S) and OUT_DIR/counter.xml.in (libvirt domain; @DISK@ and @SERIAL@ are
# filled in by whoever defines it, because the paths differ between the lab host and tests).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: build.sh OUT_DIR}
mkdir -p "$out"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
gcc -m32 -c -o "$tmp/counter.o" "$here/counter.S"
ld -m elf_i386 -Ttext 0x7c00 -e _start --oformat binary -o "$tmp/counter.bin" "$tmp/counter.o"
size=$(stat -c %s "$tmp/counter.bin")
[ "$size" -eq 512 ] || { echo "build.sh: boot sector is $size bytes, expected 512" >&2; exit 1; }
cp "$tmp/counter.bin" "$out/counter.img"
truncate -s 1M "$out/counter.img"
cp "$here/counter.xml.in" "$out/counter.xml.in"
echo "guest: $out/counter.img (boot sector 512 bytes, disk 1 MiB)"
