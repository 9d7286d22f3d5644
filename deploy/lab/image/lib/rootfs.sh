# rootfs.sh - copy host programs with their shared-library closure into the image (sourced by build.sh).
# The image is usr-merged like the build host (/lib -> usr/lib), so paths printed by ldd are valid
# inside it unchanged.

# copy_file SRC -> same absolute path under $root; symlinks are copied as links plus their target
copy_file() {
  local src=$1 dst=$root$1 target
  [ -e "$dst" ] || [ -L "$dst" ] && return 0
  mkdir -p "$(dirname "$dst")"
  if [ -L "$src" ]; then
    target=$(readlink "$src")
    ln -s "$target" "$dst"
    case "$target" in /*) copy_file "$target" ;; *) copy_file "$(dirname "$src")/$target" ;; esac
  else
    cp -p "$src" "$dst"
  fi
}

# copy_elf FILE... -> each file and every library ldd resolves for it
copy_elf() {
  local f lib missing
  for f in "$@"; do
    copy_file "$f"
    missing=$(ldd "$f" 2>/dev/null | grep 'not found' || true)
    [ -z "$missing" ] || { echo "build.sh: $f has unresolved libraries: $missing" >&2; return 1; }
    for lib in $(ldd "$f" 2>/dev/null | awk '/=> \//{print $3} /^\t\/[^ ]+ \(/{print $1}'); do
      copy_file "$lib"
    done
  done
}

# copy_tree DIR -> a whole directory (data files), links dereferenced so no dangling targets
copy_tree() {
  mkdir -p "$root$1"
  cp -rL "$1/." "$root$1/"
}

make_skeleton() {
  mkdir -p "$root"/{usr/bin,usr/sbin,usr/lib/x86_64-linux-gnu,usr/lib64,bin,proc,sys,dev,run,tmp,var,etc,boot,pmem,mnt}
  ln -s usr/lib "$root/lib"; ln -s usr/lib64 "$root/lib64"; ln -s usr/sbin "$root/sbin"
  ln -s /run "$root/var/run"; mkdir -p "$root"/var/{lib,log,cache}
  cp /bin/busybox "$root/bin/busybox"
  local a
  for a in $(/bin/busybox --list); do
    [ "$a" = busybox ] || [ -e "$root/bin/$a" ] || ln -s busybox "$root/bin/$a"
  done
}
