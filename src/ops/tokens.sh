#!/usr/bin/env bash
# Signing keys and tokens for the service's writes (SmallRye JWT verifies them with the public key).
#   tokens.sh keys [--dir DIR]          makes an RSA key pair DIR/private.pem, DIR/public.pem (once; default .keys/)
#   tokens.sh mint --user NAME --role editor|admin|reader [--days N] [--dir DIR] [--issuer ISS]
#                                       prints a signed JWT (RS256) for NAME with that role, valid N days (30;
#                                       a negative N makes one that expired N days ago, for tests)
# The service reads the public key from mp.jwt.verify.publickey.location and accepts tokens whose issuer is
# mp.jwt.verify.issuer (incidentmap by default). Keep private.pem private: whoever has it can mint any role.
set -euo pipefail

dir=.keys user="" role="" days=30 issuer=incidentmap
cmd=${1:-}; shift || true
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir=$2; shift 2 ;;
    --user) user=$2; shift 2 ;;
    --role) role=$2; shift 2 ;;
    --days) days=$2; shift 2 ;;
    --issuer) issuer=$2; shift 2 ;;
    *) echo "tokens.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# openssl signs; install it from the distribution's packages when it is missing (as root, or through sudo).
if ! command -v openssl >/dev/null; then
  as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  as_root apt-get update -qq && as_root apt-get install -y -qq openssl >/dev/null
fi

case "$cmd" in
  keys)
    mkdir -p "$dir"
    if [ ! -f "$dir/private.pem" ]; then
      (umask 077; openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/private.pem" 2>/dev/null)
      openssl pkey -in "$dir/private.pem" -pubout -out "$dir/public.pem"
      echo "tokens: made a key pair in $dir (public key: $dir/public.pem)" >&2
    fi
    ;;
  mint)
    case "$role" in editor|admin|reader) ;; *) echo "tokens.sh mint: --role must be editor, admin or reader" >&2; exit 2 ;; esac
    if ! [[ "$user" =~ ^[A-Za-z0-9._@-]{1,100}$ ]]; then
      echo "tokens.sh mint: --user must be 1-100 letters, digits or . _ @ -" >&2; exit 2
    fi
    [[ "$days" =~ ^-?[0-9]{1,4}$ ]] || { echo "tokens.sh mint: --days must be a whole number" >&2; exit 2; }
    [ -f "$dir/private.pem" ] || { echo "tokens.sh mint: no key in $dir; run tokens.sh keys first" >&2; exit 2; }
    now=$(date +%s)
    header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
    payload=$(printf '{"iss":"%s","sub":"%s","upn":"%s","groups":["%s"],"iat":%d,"exp":%d,"jti":"%s"}' \
      "$issuer" "$user" "$user" "$role" "$now" "$((now + days * 86400))" "$(openssl rand -hex 12)" | b64url)
    signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$dir/private.pem" -binary | b64url)
    printf '%s.%s.%s\n' "$header" "$payload" "$signature"
    ;;
  *)
    sed -n '2,8p' "$0" >&2; exit 2 ;;
esac
