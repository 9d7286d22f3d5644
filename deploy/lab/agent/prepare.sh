#!/bin/bash
# prepare.sh - everything the agent end-to-end run needs on the test machine, built or reused from
# ${LIVEUPDATE_CACHE:-/var/cache/liveupdate-e2e}/agent-lab:
#   certs/          lab CA, orchestrator client certificate, server certificate of host "lab-host"
#                   (SANs lab-host and 127.0.0.1: the agent is reached through QEMU's port forward)
#   bundle-key.pem  ECDSA P-256 key that signs bundles; its public half is in the image
#   agent/          the published agent (publish.sh; LAB_AGENT_DIR=DIR uses an agent built elsewhere)
#   image-HASH/     the lab image with the agent, its /etc/liveupdate and the shipped playbooks, in both
#                   kernels' initramfs; rebuilt only when the agent, the certificates or deploy/lab change
# Prints KEY=VALUE lines for the caller: IMAGE, CERTS, BUNDLE_KEY, AGENT_MODE.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
lab=$(dirname "$here")
repo=$(cd "$lab/../.." && pwd)
cache=${LIVEUPDATE_CACHE:-/var/cache/liveupdate-e2e}/agent-lab
mkdir -p "$cache"

bash "$repo/deploy/certs/make-lab-certs.sh" "$cache/certs" lab-host=127.0.0.1 >/dev/null
if [ ! -f "$cache/bundle-key.pem" ]; then
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$cache/bundle-key.pem" 2>/dev/null
  openssl pkey -in "$cache/bundle-key.pem" -pubout -out "$cache/bundle-key.pub.pem"
fi

if [ -n "${LAB_AGENT_DIR:-}" ]; then
  agent=$(cd "$LAB_AGENT_DIR" && pwd)
  [ -f "$agent/publish-mode" ] || echo prebuilt > "$agent/publish-mode"
  cp "$here/lab-start" "$agent/lab-start"
else
  agent=$cache/agent
  "$here/publish.sh" "$agent"
fi

overlay=$cache/overlay
rm -rf "$overlay"
mkdir -p "$overlay/etc/liveupdate/tls" "$overlay/usr/share/liveupdate/playbooks"
cp "$here/agent.json" "$overlay/etc/liveupdate/agent.json"
cp "$cache/certs/hosts/lab-host.pem" "$overlay/etc/liveupdate/tls/host.pem"
cp "$cache/certs/hosts/lab-host.key" "$overlay/etc/liveupdate/tls/host.key"
cp "$cache/certs/ca.pem" "$overlay/etc/liveupdate/tls/ca.pem"
cp "$cache/bundle-key.pub.pem" "$overlay/etc/liveupdate/bundle-key.pub.pem"
cp "$repo"/Playbooks/shipped/*.yaml "$overlay/usr/share/liveupdate/playbooks/"

# the image is a function of these inputs: same hash, same image
hash=$( (cd "$agent" && find . -type f | LC_ALL=C sort | xargs sha256sum
         cd "$overlay" && find . -type f | LC_ALL=C sort | xargs sha256sum
         cd "$lab" && find image e2e/scenarios guest -type f | LC_ALL=C sort | xargs sha256sum) | sha256sum | cut -c1-16)
image=$cache/image-$hash
if [ ! -f "$image/manifest.txt" ]; then
  find "$cache" -maxdepth 1 -name 'image-*' -exec rm -rf {} +
  t=$(date +%s)
  "$lab/image/build.sh" "$image.tmp" --agent "$agent" --overlay "$overlay" >/dev/null
  mv "$image.tmp" "$image"
  echo "prepare.sh: image built in $(( $(date +%s) - t )) s" >&2
fi
echo "IMAGE=$image"
echo "CERTS=$cache/certs"
echo "BUNDLE_KEY=$cache/bundle-key.pem"
echo "AGENT_MODE=$(cat "$agent/publish-mode")"
