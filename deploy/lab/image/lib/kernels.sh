# kernels.sh - fetch Debian cloud kernels into the cache (sourced by build.sh).
# Kernels are downloaded with apt-get download and unpacked with dpkg -x: nothing goes into /boot
# and no package is installed, so the build machine's own boot setup is never touched.

# fetch_kernel VERSION -> prints the unpacked tree ($cache/k/VERSION)
fetch_kernel() {
  local v=$1 tree=$cache/k/$1
  if [ ! -f "$tree/boot/vmlinuz-$v" ]; then
    mkdir -p "$cache/debs" "$tree.tmp"
    if ! ls "$cache"/debs/linux-image-"$v"-unsigned_*.deb >/dev/null 2>&1; then
      (cd "$cache/debs" && apt-get download -q "linux-image-$v-unsigned" 2>&1 | grep -v '^W:' >&2) ||
        { echo "build.sh: cannot download linux-image-$v-unsigned (apt-get update? version still in the archive?)" >&2; return 1; }
    fi
    dpkg -x "$cache"/debs/linux-image-"$v"-unsigned_*.deb "$tree.tmp"
    rm -rf "$tree"; mv "$tree.tmp" "$tree"
  fi
  echo "$tree"
}

# module_closure TREE VERSION NAME... -> prints the .ko paths of NAME and everything they depend on
module_closure() {
  local tree=$1 v=$2; shift 2
  local moddir=$tree/lib/modules/$v todo=("$@") seen=" " name ko dep
  while [ ${#todo[@]} -gt 0 ]; do
    name=${todo[0]}; todo=("${todo[@]:1}")
    name=${name//-/_}
    case "$seen" in *" $name "*) continue ;; esac
    seen+="$name "
    ko=$(find "$moddir" -name "$name.ko" -o -name "${name//_/-}.ko" | head -1)
    if [ -z "$ko" ]; then
      grep -q "/$name.ko$" "$moddir/modules.builtin" && continue
      echo "build.sh: module $name not found for $v" >&2; return 1
    fi
    echo "$ko"
    # the .modinfo section holds "depends=a,b" as a NUL-separated string
    for dep in $(tr '\0' '\n' <"$ko" | sed -n 's/^depends=//p' | head -1 | tr ',' ' '); do todo+=("$dep"); done
  done
}

# install_modules TREE VERSION ROOT NAME... -> copies the closure into ROOT/lib/modules/VERSION and runs depmod
install_modules() {
  local tree=$1 v=$2 root=$3; shift 3
  local dst=$root/lib/modules/$v ko rel
  mkdir -p "$dst"
  for ko in $(module_closure "$tree" "$v" "$@"); do
    rel=${ko#"$tree/lib/modules/$v/"}
    mkdir -p "$dst/$(dirname "$rel")"; cp "$ko" "$dst/$rel"
  done
  cp "$tree/lib/modules/$v/modules.builtin" "$tree/lib/modules/$v/modules.order" "$dst/"
  busybox depmod -b "$root" "$v"
}
