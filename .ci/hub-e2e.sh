#!/usr/bin/env bash
# A class on JupyterHub: Debian's jupyterhub (PAM logins) and configurable-http-proxy on 127.0.0.1, the kit's
# kernel installed once for all users (./kit install-kernel --prefix DIR --shared), two student accounts that
# log in through the hub's REST API, start their servers and run notebook 00 in quick mode through them
# (.ci/hub_e2e.py); neither can read the other's home, and both read, but cannot write, a shared folder of
# weights and photos. Needs root (it creates the users); installs its apt packages; removes the users, the
# shared folder and the hub's files afterwards, also on failure. The hub's log goes to out/hub-e2e/hub.log.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(jupyterhub node-configurable-http-proxy jupyter-notebook python3-requests python3-websocket fonts-dejavu-core)
if [[ "$(id -u)" != 0 ]]; then
  echo "hub-e2e: creates Linux users and runs a hub, so it needs root (sudo .ci/hub-e2e.sh)" >&2; exit 2
fi
if ! /usr/bin/python3 -c "import jupyterhub, notebook, requests, websocket" 2>/dev/null || ! command -v configurable-http-proxy >/dev/null; then
  echo "== installing ${packages[*]}"
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

# The local copy of the downloads, found beside the repository as .ci/run finds it.
shared=""
origin="$(git config --get remote.origin.url || true)"
for dir in ../shared "${origin:+$origin/../shared}"; do
  if [[ -n "$dir" && -d "$dir/pretrained" && -d "$dir/data/cats_and_dogs_small" ]]; then shared="$(cd "$dir" && pwd)"; break; fi
done
[[ -n "$shared" ]] || { echo "hub-e2e: no local copy of the weights and photos (../shared/pretrained, ../shared/data) beside the repository" >&2; exit 1; }

users=(ck-student1 ck-student2)
for user in "${users[@]}"; do
  if id "$user" >/dev/null 2>&1; then echo "hub-e2e: user $user exists already; remove it first (userdel -r $user)" >&2; exit 1; fi
done
root="$(mktemp -d /srv/coursekit-hub.XXXXXX)"
hub=""
cleanup() {
  if [[ -n "$hub" ]]; then kill "$hub" 2>/dev/null && wait "$hub" 2>/dev/null || true; fi
  for user in "${users[@]}"; do
    if id "$user" >/dev/null 2>&1; then
      pkill -KILL -u "$user" 2>/dev/null || true
      userdel -r "$user" 2>/dev/null || true
    fi
  done
  rm -rf "$root"
}
trap cleanup EXIT
chmod 755 "$root"

echo "== the kit installed once for all users into $root/prefix"
./kit install-kernel --prefix "$root/prefix" --shared --heap 1g

echo "== a read-only shared folder: MobileNet in weights/, the lecture's photos in data/"
COURSEKIT_WEIGHTS="$root/shared/weights" COURSEKIT_MIRROR="file://$shared/pretrained/" ./kit fetch mobilenet >/dev/null
mkdir -p "$root/shared/data"
# Hard links where the file system allows (the photos are read-only already), a copy elsewhere.
cp -rl "$shared/data/cats_and_dogs_small" "$root/shared/data/" 2>/dev/null || cp -r "$shared/data/cats_and_dogs_small" "$root/shared/data/"
find "$root/shared" -type d -exec chmod 755 {} + && chmod -R a+r,go-w "$root/shared/weights"

echo "== two students with passwords; home folders only their own"
declare -A password
for user in "${users[@]}"; do
  useradd --create-home --shell /bin/bash "$user"
  password[$user]="$(/usr/bin/python3 -c 'import secrets; print(secrets.token_urlsafe(16))')"
  echo "$user:${password[$user]}" | chpasswd
  chmod 700 "/home/$user"
  echo "only for $user" > "/home/$user/secret.txt"
  chown "$user:$user" "/home/$user/secret.txt" && chmod 600 "/home/$user/secret.txt"
  test "$(stat -c %a "/home/$user")" = 700 || { echo "hub-e2e: /home/$user is not mode 700" >&2; exit 1; }
done
echo "ok: /home/ck-student1 and /home/ck-student2 are mode 700"

port() { /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
mkdir -m 700 "$root/hub"
cat > "$root/hub/jupyterhub_config.py" <<EOF
c = get_config()  # noqa
c.JupyterHub.bind_url = "http://127.0.0.1:$(port)"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:$(port)"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:$(port)"
c.ConfigurableHTTPProxy.command = ["/usr/bin/configurable-http-proxy"]
c.ConfigurableHTTPProxy.pid_file = "$root/hub/proxy.pid"
c.JupyterHub.db_url = "sqlite:///$root/hub/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "$root/hub/cookie_secret"
c.JupyterHub.authenticator_class = "jupyterhub.auth.PAMAuthenticator"
c.PAMAuthenticator.open_sessions = False
c.Authenticator.allowed_users = {"ck-student1", "ck-student2"}
c.Spawner.cmd = ["/usr/bin/jupyterhub-singleuser"]
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
c.Spawner.environment = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "JUPYTER_PATH": "$root/prefix/share/jupyter",
    "COURSEKIT_WEIGHTS": "$root/shared/weights",
    "COURSEKIT_DATA": "$root/shared/data",
    "COURSEKIT_OFFLINE": "1",
    "COURSEKIT_QUICK": "1",
}
EOF
url="$(sed -n 's/^c.JupyterHub.bind_url = "\(.*\)"$/\1/p' "$root/hub/jupyterhub_config.py")"
rm -rf out/hub-e2e && mkdir -p out/hub-e2e
echo "== JupyterHub $(/usr/bin/python3 -c 'import jupyterhub; print(jupyterhub.__version__)') on $url"
# Debian's configurable-http-proxy takes its modules from /usr/share/nodejs, which a Node.js from elsewhere
# (NodeSource's, say) does not search.
(cd "$root/hub" && NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}" exec /usr/bin/python3 /usr/bin/jupyterhub -f jupyterhub_config.py) >out/hub-e2e/hub.log 2>&1 &
hub=$!
for _ in $(seq 120); do
  curl -fs "$url/hub/api" >/dev/null 2>&1 && break
  kill -0 "$hub" 2>/dev/null || { echo "hub-e2e: the hub exited; see out/hub-e2e/hub.log" >&2; tail -20 out/hub-e2e/hub.log >&2; exit 1; }
  sleep 0.5
done

/usr/bin/python3 .ci/hub_e2e.py "$url" notebooks/lectures/00-java-notebooks-tour.ipynb coursekit-java \
  "ck-student1:${password[ck-student1]}:ck-student2" "ck-student2:${password[ck-student2]}:ck-student1" \
  || { echo "hub-e2e: failed; the hub's log ends:" >&2; tail -30 out/hub-e2e/hub.log >&2; exit 1; }
# The kernels found PyTorch's libraries in the install's shared cache instead of unpacking ~440 MB per student.
for user in "${users[@]}"; do
  if [[ -e "/home/$user/.djl.ai/pytorch" ]]; then echo "hub-e2e: $user's kernel unpacked PyTorch into its home" >&2; exit 1; fi
done
echo "ok: no student unpacked PyTorch's libraries into their home (homes: $(du -sh /home/ck-student1 /home/ck-student2 | cut -f1 | tr '\n' ' '))"
echo "hub e2e passed."
