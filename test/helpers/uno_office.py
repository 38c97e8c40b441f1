"""A headless LibreOffice for the UNO scripts (test/helpers/uno_charts.py, bench/recalc.py).

office(profile) starts soffice with a fresh profile listening on a private pipe, connects through
the UNO bridge (python3-uno, Debian's system Python) and yields its Desktop; on leaving, the office
is terminated (killed if it does not end within 30 s). load_hidden(desktop, path) opens a file
without a window.
"""
import contextlib
import subprocess
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue

# A loaded machine may take a while to start an office with a fresh profile.
CONNECT_SECONDS = 120


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def _connect(pipe, proc):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + CONNECT_SECONDS
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            if proc.poll() is not None or time.time() > deadline:
                raise
            time.sleep(0.3)


@contextlib.contextmanager
def office(profile):
    pipe = f"pira_{uuid.uuid4().hex}"
    proc = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    desktop = None
    try:
        ctx = _connect(pipe, proc)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        yield desktop
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:
                pass  # the bridge goes down with the office
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def load_hidden(desktop, path):
    return desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (prop("Hidden", True),))
