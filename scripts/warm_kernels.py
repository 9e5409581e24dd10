"""Kernels for the build that start with the book's libraries already imported.

    python scripts/warm_kernels.py serve SOCKET FOLDER  (scripts/build.py starts it)
    python scripts/warm_kernels.py kernel -f FILE    (the build's kernelspec runs this)

Every notebook runs in a fresh kernel, and a fresh kernel spends one to two seconds importing
IPython, pandas, altair, geopandas and the book's package before its first cell: twelve
times a build, on two cores. The server imports them once and forks a child for each kernel
the build asks for; the child is an ordinary ipykernel, in the caller's folder, environment
and standard streams, so its outputs are those of a kernel started cold.

The kernel command is what jupyter_client starts and watches: it hands its request to the
server, passes interrupts on to its kernel and exits with it. When it cannot reach the server
it becomes an ordinary `python -m ipykernel_launcher`. Nothing outside the build uses it:
scripts/build.py names its kernelspec in JUPYTER_PATH for the build's own processes only.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sys
import threading
from pathlib import Path

SERVER = "KZAZ_KERNEL_SERVER"  # the socket, for the kernel command
# What every chapter's kernel imports; a module that is not here is imported by the kernel itself.
PRELOAD = [
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "pandas",
    "altair",
    "geopandas",
    "frictionless",
    "vl_convert",
    "myst_nb",
    "kzaz",
    "kzaz.book",
    "kzaz.catalogue",
    "kzaz.changelog",
]


def kernelspec(folder: Path) -> Path:
    """Write the build's `python3` kernelspec (which runs `kernel` below) into folder/kernels."""
    spec = folder / "kernels" / "python3" / "kernel.json"
    spec.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(
        {
            "argv": [sys.executable, str(Path(__file__).resolve()), "kernel", "-f", "{connection_file}"],
            "display_name": "Python 3 (ipykernel)",
            "language": "python",
            "metadata": {"debugger": True},
        },
        indent=1,
    )
    if not spec.exists() or spec.read_text() != text:
        spec.write_text(text)
    return folder


# ---- the kernel command -------------------------------------------------------------------


def kernel(argv: list[str]) -> int:
    address = os.environ.get(SERVER)
    try:
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        conn.connect(address or "")
    except OSError:
        os.execv(sys.executable, [sys.executable, "-m", "ipykernel_launcher", *argv])
    socket.send_fds(conn, [b"F"], [0, 1, 2])
    request = json.dumps({"argv": argv, "cwd": os.getcwd(), "env": dict(os.environ)}).encode()
    conn.sendall(len(request).to_bytes(8, "big") + request)
    replies = conn.makefile("r")
    pid = int(replies.readline())
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda signum, _frame: os.kill(pid, signum))
    status = replies.readline()  # the kernel's exit status, when it ends
    return int(status) if status.strip() else 1


# ---- the server ---------------------------------------------------------------------------


def serve(address: str, folder: str) -> None:
    """Import the libraries, write the kernelspec into folder, then fork a kernel per request."""
    import importlib

    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
    for name in PRELOAD:
        importlib.import_module(name)
    kernelspec(Path(folder))
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(address)
    listener.listen()
    print("ready", flush=True)
    while True:
        conn, _ = listener.accept()
        _, fds, _, _ = socket.recv_fds(conn, 1, 3)
        size = int.from_bytes(_read(conn, 8), "big")
        request = json.loads(_read(conn, size))
        pid = os.fork()
        if pid == 0:
            for other in [listener, conn, *_OPEN]:  # the kernel keeps only its standard streams
                other.close()
            _become_kernel(request, fds)
        for fd in fds:
            os.close(fd)
        conn.sendall(f"{pid}\n".encode())
        _OPEN.add(conn)
        threading.Thread(target=_watch, args=(conn, pid), daemon=True).start()


_OPEN: set[socket.socket] = set()  # the connections of the kernels still running


def _read(conn: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            raise ConnectionError("the kernel command went away")
        data += chunk
    return data


def _watch(conn: socket.socket, pid: int) -> None:
    """Tell the kernel command when its kernel ends; end the kernel if the command is killed."""
    ended = threading.Event()

    def on_hangup():
        try:
            alive = conn.recv(1)
        except OSError:
            alive = b""
        if not alive and not ended.is_set():  # the command was killed (jupyter_client's last resort)
            os.kill(pid, signal.SIGKILL)  # not yet reaped, so the pid is still the kernel's

    threading.Thread(target=on_hangup, daemon=True).start()
    os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
    ended.set()
    _, status = os.waitpid(pid, 0)
    try:
        conn.sendall(f"{os.waitstatus_to_exitcode(status)}\n".encode())
    except OSError:
        pass
    _OPEN.discard(conn)
    conn.close()


def _become_kernel(request: dict, fds: list[int]) -> None:
    code = 1
    try:
        for fd, target in zip(fds, (0, 1, 2)):
            os.dup2(fd, target)
            os.close(fd)
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, signal.SIG_DFL if sig != signal.SIGINT else signal.default_int_handler)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        sys.argv = ["ipykernel_launcher", *request["argv"]]
        from ipykernel.kernelapp import IPKernelApp

        app = IPKernelApp.instance()  # what `python -m ipykernel_launcher` does, in three steps
        # ipykernel reads its client's pid from the environment when imported (the server's, without
        # it); with it, the kernel does not print its start-up notice over the build's output.
        app.parent_handle = int(os.environ.get("JPY_PARENT_PID") or 0)
        app.initialize(request["argv"])
        with app.shell.builtin_trap:  # as a cell runs: `get_ipython` is a builtin
            _as_if_imported_in_the_kernel()
        app.start()
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 0 if stop.code is None else 1
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _as_if_imported_in_the_kernel() -> None:
    """Settings a library chose at import from where it ran: the server, not a kernel.

    pandas picks `display.max_columns` when imported: 0 in a terminal, 20 in a kernel
    (pandas/core/config_init.py), and altair hashes a chart's printed data into its view names.
    Run as a cell runs, pandas' own test gives the kernel's value."""
    import pandas as pd
    from pandas.core.config_init import is_terminal

    pd.set_option("display.max_columns", 0 if is_terminal() else 20)


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        serve(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["kernel"]:
        sys.exit(kernel(sys.argv[2:]))
    else:
        sys.exit(__doc__)
