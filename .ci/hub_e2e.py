"""Students on a JupyterHub: each gets a token with the password through the hub's REST API, starts a server,
starts the Java kernel through it, runs every code cell of a notebook over the kernel's websocket, and then
checks what it may and may not read and write. Usage (from .ci/hub-e2e.sh):

    hub_e2e.py HUB_URL NOTEBOOK KERNEL USER:PASSWORD:OTHER_USER...

Prints the time from login to the first kernel_info reply per student; exits 1 on the first failure.
"""
import json
import sys
import time
import uuid

import requests
import websocket

TIMEOUT = 240  # seconds for a server to start, a kernel to answer, or one cell to run


def fail(message):
    print(f"hub-e2e: {message}", file=sys.stderr)
    sys.exit(1)


class Kernel:
    """One kernel of one student's server, driven over the server's websocket channels."""

    def __init__(self, hub, user, token, kernel_name):
        self.api = f"{hub}/user/{user}/api"
        self.headers = {"Authorization": f"token {token}"}
        r = requests.post(f"{self.api}/kernels", headers=self.headers, json={"name": kernel_name}, timeout=60)
        if r.status_code != 201:
            fail(f"{user}'s server did not start kernel {kernel_name}: HTTP {r.status_code} {r.text[:300]}")
        self.id = r.json()["id"]
        self.session = uuid.uuid4().hex
        ws_url = self.api.replace("http", "ws", 1) + f"/kernels/{self.id}/channels?session_id={self.session}"
        self.ws = websocket.create_connection(ws_url, header=[f"Authorization: token {token}"], timeout=TIMEOUT)
        self.user = user

    def request(self, msg_type, content):
        """Sends a shell request and returns (reply content, output text) once the kernel is idle again."""
        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "msg_type": msg_type, "session": self.session, "username": self.user,
                  "version": "5.3", "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        self.ws.send(json.dumps({"header": header, "parent_header": {}, "metadata": {}, "content": content,
                                 "buffers": [], "channel": "shell"}))
        reply, idle, output = None, False, []
        deadline = time.monotonic() + TIMEOUT
        while reply is None or not idle:
            if time.monotonic() > deadline:
                fail(f"{self.user}'s kernel did not finish a {msg_type} within {TIMEOUT} s")
            msg = json.loads(self.ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, body = msg["header"]["msg_type"], msg["content"]
            if msg["channel"] == "shell":
                reply = body
            elif kind == "status" and body["execution_state"] == "idle":
                idle = True
            elif kind == "stream":
                output.append(body["text"])
            elif kind in ("execute_result", "display_data"):
                output.append(body["data"].get("text/plain", ""))
            elif kind == "error":
                output.append(f"{body['ename']}: {body['evalue']}")
        return reply, "".join(output)

    def run(self, code):
        reply, output = self.request("execute_request", {"code": code, "silent": False, "store_history": True,
                                                         "user_expressions": {}, "allow_stdin": False})
        return reply, output

    def must_run(self, code, expect=None):
        reply, output = self.run(code)
        if reply["status"] != "ok":
            fail(f"{self.user}: a cell failed: {reply.get('ename')}: {reply.get('evalue')}\n--- cell:\n{code}")
        if expect is not None and expect not in output:
            fail(f"{self.user}: a cell printed {output.strip()[:300]!r}, not {expect!r}\n--- cell:\n{code}")
        return output

    def must_fail(self, code, expect, what):
        reply, output = self.run(code)
        text = f"{reply.get('ename')}: {reply.get('evalue')} {output}"
        if reply["status"] != "error" or expect not in text:
            fail(f"{self.user}: {what} did not fail with {expect} (status {reply['status']}: {text.strip()[:300]})")
        print(f"ok: {self.user}: {what} fails ({expect})")


def start(hub, user, password):
    """Logs in with the password, starts the user's server and waits for it; returns the token."""
    r = requests.post(f"{hub}/hub/api/users/{user}/tokens", json={"auth": {"username": user, "password": password},
                                                                     "note": "hub-e2e"}, timeout=60)
    if r.status_code != 201:
        fail(f"{user} could not log in through the REST API: HTTP {r.status_code} {r.text[:300]}")
    token = r.json()["token"]
    headers = {"Authorization": f"token {token}"}
    r = requests.post(f"{hub}/hub/api/users/{user}/server", headers=headers, timeout=60)
    if r.status_code not in (201, 202):
        fail(f"the hub did not start {user}'s server: HTTP {r.status_code} {r.text[:300]}")
    deadline = time.monotonic() + TIMEOUT
    while True:
        model = requests.get(f"{hub}/hub/api/users/{user}", headers=headers, timeout=60).json()
        server = model.get("servers", {}).get("")
        if server and server.get("ready"):
            return token
        if server is None and not model.get("pending"):
            fail(f"{user}'s server stopped while starting; see the hub's log")
        if time.monotonic() > deadline:
            fail(f"{user}'s server was not ready within {TIMEOUT} s")
        time.sleep(0.5)


def main():
    hub, notebook, kernel_name, *students = sys.argv[1:]
    cells = ["".join(c["source"]) for c in json.load(open(notebook))["cells"] if c["cell_type"] == "code"]
    kernels, times = {}, {}
    for student in students:
        user, password, other = student.split(":")
        began = time.monotonic()
        token = start(hub, user, password)
        kernel = Kernel(hub, user, token, kernel_name)
        reply, _ = kernel.request("kernel_info_request", {})
        times[user] = time.monotonic() - began
        if reply.get("language_info", {}).get("name") != "java":
            fail(f"{user}'s kernel is not the Java kernel: {reply.get('language_info')}")
        print(f"ok: {user}: logged in, server started, Java kernel ready in {times[user]:.1f} s")
        kernels[user] = (kernel, other)

    for user, (kernel, other) in kernels.items():
        began = time.monotonic()
        for cell in cells:
            kernel.must_run(cell)
        print(f"ok: {user}: all {len(cells)} code cells of {notebook} ran without error ({time.monotonic() - began:.1f} s)")
        kernel.must_run('System.out.println(System.getProperty("user.name"))', user)
        kernel.must_fail(f'Files.readString(Path.of("/home/{other}/secret.txt"))', "AccessDenied",
                         f"reading /home/{other}/secret.txt")
        kernel.must_fail(f'Files.list(Path.of("/home/{other}")).count()', "AccessDenied", f"listing /home/{other}")
        kernel.must_run('try (var net = Models.mobilenet()) { System.out.println("mobilenet read: " + net.parameterCount()); }',
                        "mobilenet read: ")
        kernel.must_run('try (var s = Files.list(Path.of(System.getenv("COURSEKIT_DATA"), "cats_and_dogs_small", "train", "cats"))) '
                        '{ System.out.println("cats: " + s.count()); }', "cats: 1000")
        print(f"ok: {user}: reads MobileNet from COURSEKIT_WEIGHTS and 1000 training cats from COURSEKIT_DATA")
        for var in ("COURSEKIT_WEIGHTS", "COURSEKIT_DATA"):
            kernel.must_fail(f'Files.writeString(Path.of(System.getenv("{var}"), "{user}.txt"), "x")', "AccessDenied",
                             f"writing into {var}")
        kernel.ws.close()
        requests.delete(f"{kernel.api}/kernels/{kernel.id}", headers=kernel.headers, timeout=60)

    for user, seconds in times.items():
        print(f"login to a ready Java kernel (first kernel_info reply), {user}: {seconds:.1f} s")


if __name__ == "__main__":
    main()
