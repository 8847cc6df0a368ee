#!/usr/bin/env bash
# The server configurations in docs/servers/, as a landlord would copy them: nginx, Apache and
# Caddy (Debian's) each serve the build's dist/ with theirs, and are asked for a page of the
# app, the wasm with and without brotli, a file that is not there, and the service worker;
# IIS's and Azure Static Web Apps' files are checked for form (neither server runs here).
# Needs `make build` first.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f dist/index.html ]] || { echo "dist/ is missing: run make build first" >&2; exit 1; }

work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
# A copy every server's user can read, at the path the configurations name.
root="$work/dist"
cp -r dist "$root"
chmod -R a+rX "$work"
failures=0

fail() { echo "  FAIL: $*"; failures=$((failures + 1)); }

# GET path [accept-encoding] -> "status type encoding", headers in $work/headers.
get() {
  local encoding=${2:-identity}
  curl -s -o "$work/body" -D "$work/headers" -H "Accept-Encoding: $encoding" \
    -w '%{http_code} %{content_type}' "http://127.0.0.1:$port$1" |
    sed 's/;.*//' | tr -d '\n'
  printf ' %s' "$(grep -i '^content-encoding:' "$work/headers" | awk '{print $2}' | tr -d '\r')"
}

expect() {
  local what=$1 got=$2 want=$3
  [[ "$got" == "$want" ]] && echo "  ok: $what ($got)" || fail "$what: got '$got', want '$want'"
}

# The same questions of every server.
check() {
  for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
  expect "a page of the app is index.html" "$(get /safety)" "200 text/html "
  grep -q 'resident-complaints:allowed-origins' "$work/body" || fail "/safety is not the app's index.html"
  grep -qi '^content-security-policy: default-src' "$work/headers" || fail "no Content-Security-Policy"
  grep -qi '^x-content-type-options: nosniff' "$work/headers" || fail "no nosniff"
  grep -qi '^cache-control: no-cache' "$work/headers" || fail "no Cache-Control: no-cache"
  expect "the wasm, plain" "$(get /resident-complaints_bg.wasm)" "200 application/wasm "
  cmp -s "$work/body" "$root/resident-complaints_bg.wasm" || fail "the plain wasm is not the file"
  expect "the wasm, brotli" "$(get /resident-complaints_bg.wasm 'gzip, deflate, br')" "200 application/wasm br"
  cmp -s "$work/body" "$root/resident-complaints_bg.wasm.br" || fail "the brotli wasm is not the build's copy"
  expect "a missing file" "$(get /no-such-file.js | cut -d' ' -f1)" "404"
  # The service worker: JavaScript (or browsers will not start it), checked on every visit.
  expect "the service worker" "$(get /sw.js 'gzip, deflate, br' | cut -d' ' -f1)" "200"
  grep -qiE '^content-type: (text|application)/javascript' "$work/headers" || fail "sw.js is not served as JavaScript"
  grep -qi '^cache-control: no-cache' "$work/headers" || fail "sw.js: no Cache-Control: no-cache"
  cmp -s "$work/body" "$root/sw.js" || fail "sw.js is not the build's (a stale compressed copy?)"
}

port=18181
echo "nginx"
sed -e "s|listen 80;|listen 127.0.0.1:$port;|" -e "s|/srv/resident-complaints/dist|$root|" \
  docs/servers/nginx.conf >"$work/site.conf"
cat >"$work/nginx.conf" <<CONF
$( [[ $(id -u) -eq 0 ]] && echo "user root;" )
pid $work/nginx.pid;
error_log stderr;
include /etc/nginx/modules-enabled/*.conf;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work;
  uwsgi_temp_path $work; scgi_temp_path $work;
  include $work/site.conf;
}
CONF
nginx -t -q -c "$work/nginx.conf" -p /usr/share/nginx
nginx -c "$work/nginx.conf" -p /usr/share/nginx -g 'daemon off;' &
check
kill %% 2>/dev/null; wait 2>/dev/null || true

port=18182
echo "Apache"
sed -e "s|<VirtualHost \*:80>|<VirtualHost 127.0.0.1:$port>|" -e "s|/srv/resident-complaints/dist|$root|g" \
  docs/servers/apache.conf >"$work/site-apache.conf"
modules=/usr/lib/apache2/modules
cat >"$work/httpd.conf" <<CONF
ServerRoot /etc/apache2
PidFile $work/httpd.pid
Listen 127.0.0.1:$port
ErrorLog /dev/stderr
LoadModule mpm_event_module $modules/mod_mpm_event.so
LoadModule authz_core_module $modules/mod_authz_core.so
LoadModule mime_module $modules/mod_mime.so
LoadModule dir_module $modules/mod_dir.so
LoadModule headers_module $modules/mod_headers.so
LoadModule rewrite_module $modules/mod_rewrite.so
TypesConfig /etc/mime.types
User www-data
Group www-data
ServerName localhost
Include $work/site-apache.conf
CONF
apache2 -t -f "$work/httpd.conf" 2>&1 | grep -v '^Syntax OK$' || true
apache2 -f "$work/httpd.conf" -DFOREGROUND &
check
kill %% 2>/dev/null; wait 2>/dev/null || true

port=18183
echo "Caddy"
{ printf '{\n\tadmin off\n\tauto_https off\n}\n'; sed -e "s|^complain.example.org {|http://127.0.0.1:$port {|" -e "s|/srv/resident-complaints/dist|$root|" docs/servers/Caddyfile; } >"$work/Caddyfile"
caddy validate --adapter caddyfile --config "$work/Caddyfile" >/dev/null 2>&1 || fail "caddy validate"
XDG_DATA_HOME=$work XDG_CONFIG_HOME=$work caddy run --adapter caddyfile --config "$work/Caddyfile" >/dev/null 2>&1 &
check
kill %% 2>/dev/null; wait 2>/dev/null || true

echo "IIS and Azure Static Web Apps (form only)"
python3 - <<'PY' || failures=$((failures + 1))
import json, xml.etree.ElementTree as ET
web = ET.parse("docs/servers/web.config").getroot()
assert web.find("./system.webServer/rewrite/rules/rule/action").get("url") == "/index.html"
assert any(m.get("fileExtension") == ".wasm" and m.get("mimeType") == "application/wasm"
           for m in web.iter("mimeMap"))
swa = json.load(open("docs/servers/staticwebapp.config.json"))
assert swa["navigationFallback"]["rewrite"] == "/index.html"
assert swa["mimeTypes"][".wasm"] == "application/wasm"
assert "wasm-unsafe-eval" in swa["globalHeaders"]["Content-Security-Policy"]
print("  ok: web.config and staticwebapp.config.json")
PY

if (( failures )); then echo "server configurations: $failures failed"; exit 1; fi
echo "server configurations: all pass"
