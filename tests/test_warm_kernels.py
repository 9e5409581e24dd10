"""scripts/warm_kernels.py: the build's kernels, forked from a server with the libraries imported,
compute what a kernel started cold computes, and end when jupyter_client ends them."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from jupyter_client import KernelManager

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "warm_kernels.py"
pytestmark = pytest.mark.book

PROBE = """
import os, json, re
import pandas as pd
import kzaz
from kzaz.chapters import diplomacy
kzaz.setup()
chart = diplomacy.charts.timeline(diplomacy.inputs())
print(pd.get_option("display.max_columns"))
print(re.findall(r"view_[0-9a-f]+", json.dumps(chart.spec))[0])
print(os.getcwd(), os.environ.get("KZAZ_PROBE"))
from ipykernel.kernelapp import IPKernelApp
print(IPKernelApp.instance().parent_handle == int(os.environ["JPY_PARENT_PID"]))
print(os.getppid())
"""


@pytest.fixture
def server(tmp_path):
    folder = Path(f"/tmp/kzaz-test-{os.getpid()}")  # a socket's path is short
    folder.mkdir(exist_ok=True)
    address = folder / "s.sock"
    address.unlink(missing_ok=True)
    proc = subprocess.Popen(
        [sys.executable, str(SCRIPT), "serve", str(address), str(folder)],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert proc.stdout.readline().strip() == "ready"
    yield proc, folder, address
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    subprocess.run(["rm", "-rf", str(folder)])


def run(code: str, cwd: Path, env: dict) -> tuple[list[str], KernelManager]:
    km = KernelManager(kernel_name="python3")
    km.start_kernel(cwd=str(cwd), env=env)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        lines: list[str] = []

        def hook(msg):
            if msg["msg_type"] == "stream":
                lines.extend(msg["content"]["text"].splitlines())
            elif msg["msg_type"] == "error":
                lines.append("ERROR " + msg["content"]["ename"])

        kc.execute_interactive(code, output_hook=hook, timeout=120)
    finally:
        kc.stop_channels()
    return lines, km


def kernel_env(folder: Path | None, address: Path | None) -> dict:
    env = dict(os.environ, KZAZ_PROBE="passed on")
    env.pop("JUPYTER_PATH", None)
    if folder is not None:
        env.update(JUPYTER_PATH=str(folder), KZAZ_KERNEL_SERVER=str(address))
    return env


def test_a_warm_kernel_computes_what_a_cold_one_does(server, tmp_path, monkeypatch):
    proc, folder, address = server
    cold, km = run(PROBE, tmp_path, kernel_env(None, None))
    km.shutdown_kernel()
    monkeypatch.setenv("JUPYTER_PATH", str(folder))  # where jupyter_client finds the build's kernelspec
    warm, km = run(PROBE, tmp_path, kernel_env(folder, address))
    km.shutdown_kernel()
    assert int(warm[-1]) == proc.pid != int(cold[-1])  # forked by the server; the cold one was not
    assert warm[:-1] == cold[:-1]  # pandas' settings for a kernel, the chart's names, folder and environment
    assert warm[0] == "20" and str(tmp_path) in warm[2] and warm[2].endswith("passed on")
    assert warm[3] == "True"  # it knows its client, so it prints no start-up notice of its own


def test_a_kernel_killed_by_jupyter_client_ends(server, tmp_path, monkeypatch):
    _, folder, address = server
    monkeypatch.setenv("JUPYTER_PATH", str(folder))
    lines, km = run("import os; print(os.getpid())", tmp_path, kernel_env(folder, address))
    kernel_pid = int(lines[-1])
    km.shutdown_kernel(now=True)  # SIGKILL to the kernel command, which cannot pass that on
    for _ in range(50):
        try:
            os.kill(kernel_pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"the forked kernel {kernel_pid} outlived its command")


def test_without_the_server_the_kernel_starts_cold(server, tmp_path, monkeypatch):
    _, folder, _ = server
    monkeypatch.setenv("JUPYTER_PATH", str(folder))
    lines, km = run(
        "import os; print(os.getppid() == int(os.environ['JPY_PARENT_PID']))",
        tmp_path,
        kernel_env(folder, folder / "no-such.sock"),
    )
    km.shutdown_kernel()
    assert lines == ["True"]  # the command became an ordinary kernel, a child of jupyter_client
