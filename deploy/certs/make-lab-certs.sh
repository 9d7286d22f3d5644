#!/usr/bin/env bash
# Makes a lab certificate authority, one orchestrator client certificate and one server certificate
# per host, for the mutual TLS between the orchestrator and the agents.
#
#   deploy/certs/make-lab-certs.sh OUT_DIR [--orchestrator NAME] HOST[=ADDRESS] ...
#
# OUT_DIR/ca.pem, ca.key            the CA (keep ca.key off the hosts)
# OUT_DIR/orchestrator.pem, .key    client certificate, CN and DNS SAN = NAME (default: liveupdate-orchestrator)
# OUT_DIR/hosts/HOST.pem, .key      server certificate, CN = HOST, SANs: DNS:HOST and, if given, IP/DNS:ADDRESS
#
# Existing files are kept, so rerunning adds hosts without re-keying the fleet. Keys are EC P-256.
set -euo pipefail

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 1 ] || usage
out=$1; shift
orch=liveupdate-orchestrator
hosts=()
while [ $# -gt 0 ]; do
  case $1 in
    --orchestrator) orch=${2:?--orchestrator needs a name}; shift 2;;
    -h|--help) usage;;
    -*) echo "make-lab-certs: unknown option $1" >&2; usage;;
    *) hosts+=("$1"); shift;;
  esac
done
command -v openssl >/dev/null || { echo "make-lab-certs: openssl is required (apt-get install openssl)" >&2; exit 1; }
mkdir -p "$out/hosts"
umask 077

if [ ! -f "$out/ca.pem" ]; then
  openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
    -subj "/CN=LiveUpdate lab CA" -keyout "$out/ca.key" -out "$out/ca.pem" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
fi

issue() { # name san usage out-prefix
  local name=$1 san=$2 eku=$3 prefix=$4
  [ -f "$prefix.pem" ] && return 0
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$name" \
    -keyout "$prefix.key" -out "$prefix.csr" 2>/dev/null
  openssl x509 -req -in "$prefix.csr" -CA "$out/ca.pem" -CAkey "$out/ca.key" -CAcreateserial -days 825 \
    -out "$prefix.pem" -extfile <(printf 'subjectAltName=%s\nextendedKeyUsage=%s\nkeyUsage=critical,digitalSignature\nbasicConstraints=CA:FALSE\n' "$san" "$eku") 2>/dev/null
  rm -f "$prefix.csr"
}

issue "$orch" "DNS:$orch" clientAuth "$out/orchestrator"
for h in "${hosts[@]}"; do
  name=${h%%=*}; addr=${h#*=}; san="DNS:$name"
  if [ "$addr" != "$h" ]; then
    if [[ $addr =~ ^[0-9.]+$ || $addr == *:* ]]; then san+=",IP:$addr"; else san+=",DNS:$addr"; fi
  fi
  issue "$name" "$san" serverAuth "$out/hosts/$name"
done
chmod 0644 "$out"/*.pem "$out"/hosts/*.pem 2>/dev/null || true
echo "make-lab-certs: CA, orchestrator '$orch' and ${#hosts[@]} host certificate(s) in $out"
