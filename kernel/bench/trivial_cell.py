"""The cell every kernel benchmark times: `1 + 1`, sent through a jupyter_client and waited for."""
import time


def round_trip(client):
    """Seconds from sending `1 + 1` until its reply; fails unless the cell ran."""
    sent = time.time()
    reply = client.execute_interactive("1 + 1", timeout=60, output_hook=lambda msg: None)
    if reply["content"]["status"] != "ok":
        raise RuntimeError("1 + 1 failed: %r" % reply["content"])
    return time.time() - sent
