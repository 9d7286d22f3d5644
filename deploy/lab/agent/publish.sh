#!/bin/bash
# publish.sh OUT_DIR - the agent as the lab host runs it, in OUT_DIR/liveupdate-agent.
#
# NativeAOT by default: one native file that needs only libc and libm, which starts in milliseconds
# even under TCG. When the AOT build fails (a trimming/AOT warning is an error here), it says why and
# falls back to a self-contained single-file ReadyToRun build, so the end-to-end run still shows whether
# the update works; OUT_DIR/publish-mode says which one was built ("aot" or "single-file").
# LAB_AGENT_PUBLISH=aot|single-file forces one (aot then fails instead of falling back).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
out=${1:?usage: publish.sh OUT_DIR}
want=${LAB_AGENT_PUBLISH:-auto}
project=$repo/Agents/LiveUpdate.Agent
mkdir -p "$(dirname "$out")"
log=$out.publish.log
rm -rf "$out.tmp"
t=$(date +%s)
if [ "$want" != single-file ] &&
   dotnet publish "$project" -c Release -r linux-x64 -p:PublishAot=true -o "$out.tmp" -nologo >"$log" 2>&1; then
  mode=aot
elif [ "$want" = aot ]; then
  echo "publish.sh: NativeAOT publish failed, see $log:" >&2; grep -E ': error ' "$log" | sort -u | head -10 >&2; exit 1
else
  if [ "$want" = auto ]; then
    echo "publish.sh: NativeAOT publish failed; falling back to self-contained single-file. First errors ($log):" >&2
    grep -E ': error ' "$log" | sort -u | head -5 | sed 's/^/  /' >&2
  fi
  rm -rf "$out.tmp"
  dotnet publish "$project" -c Release -r linux-x64 --self-contained -p:PublishSingleFile=true \
    -p:PublishReadyToRun=true -p:IncludeNativeLibrariesForSelfExtract=true -o "$out.tmp" -nologo >>"$log" 2>&1 ||
    { echo "publish.sh: single-file publish failed too, see $log" >&2; exit 1; }
  mode=single-file
fi
# debug symbols stay on the build machine: the image is an initramfs the kernel unpacks at every boot
rm -f "$out.tmp"/*.pdb "$out.tmp"/*.dbg
echo "$mode" > "$out.tmp/publish-mode"
cp "$here/lab-start" "$out.tmp/lab-start"; chmod +x "$out.tmp/lab-start"
rm -rf "$out"; mv "$out.tmp" "$out"
echo "publish.sh: $mode agent in $out ($(du -sh "$out" | cut -f1), $(( $(date +%s) - t )) s)" >&2
