"""Headless Chromium driven through its DevTools protocol over a pipe
(--remote-debugging-pipe: JSON messages ended by NUL on fds 3 and 4), so the
tests need nothing but python3 and Debian's chromium.

    with Browser(tmp) as browser:
        page = browser.open("file:///.../t.html")
        page.wait("window.datelineRendered !== undefined")
        page.eval("document.title")
        page.screenshot()          # PNG bytes
        page.errors                # console errors and uncaught exceptions
        page.requests              # every URL the page asked for
"""

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import time

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--hide-scrollbars",
    "--remote-debugging-pipe",
]


def find():
    """The Chromium program, or None."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class ProtocolError(Exception):
    pass


class Browser:
    def __init__(self, tmp, width=1200, height=800, timeout=60):
        self.timeout = timeout
        self.events = []
        self.next_id = 0
        self.buffer = b""
        to_child, self.send_fd = os.pipe()
        self.recv_fd, from_child = os.pipe()
        # Above 4 (so that moving them to 3 and 4 cannot close one) and
        # below 10 (the shell's redirections take one digit).
        to_child = self._above_four(to_child)
        from_child = self._above_four(from_child)
        profile = os.path.join(tmp, "chromium-profile")
        os.makedirs(profile, exist_ok=True)
        argv = [find()] + FLAGS + [
            "--user-data-dir=" + profile,
            "--window-size=%d,%d" % (width, height), "about:blank"]
        # The child's fds 3 and 4 are the pipe's ends, whatever their
        # numbers here: the shell moves them, so no preexec_fn is needed.
        self.process = subprocess.Popen(
            ["sh", "-c", 'exec "$@" 3<&%d 4>&%d %d<&- %d>&-'
             % (to_child, from_child, to_child, from_child), "sh"] + argv,
            pass_fds=(to_child, from_child), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=open(os.path.join(tmp, "chromium.log"), "wb"))
        os.close(to_child)
        os.close(from_child)

    @staticmethod
    def _above_four(fd):
        high = fcntl.fcntl(fd, fcntl.F_DUPFD, 5)
        os.close(fd)
        if high > 9:
            raise OSError("no free file descriptor below 10")
        return high

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self.process.poll() is None:
            try:
                self.call("Browser.close", timeout=5)
            except (ProtocolError, OSError):
                pass
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for fd in (self.send_fd, self.recv_fd):
            try:
                os.close(fd)
            except OSError:
                pass

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise ProtocolError("no answer from Chromium in time")
            ready, _, _ = select.select([self.recv_fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.recv_fd, 1 << 20)
            if not chunk:
                raise ProtocolError("Chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=None, timeout=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method,
                   "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.send_fd, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise ProtocolError("%s: %s" % (method, reply["error"]))
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def pump(self, seconds):
        """Reads events for a while."""
        deadline = time.monotonic() + seconds
        try:
            while True:
                self.events.append(self._read_message(deadline))
        except ProtocolError as error:
            if "in time" not in str(error):
                raise

    def open(self, url, width=1200, height=800):
        target = self.call("Target.createTarget", {"url": "about:blank"})
        session = self.call("Target.attachToTarget", {
            "targetId": target["targetId"], "flatten": True})["sessionId"]
        page = Page(self, session)
        for domain in ("Page", "Runtime", "Log", "Network"):
            page.call(domain + ".enable")
        page.call("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1,
            "mobile": False})
        page.call("Page.navigate", {"url": url})
        return page


class Page:
    def __init__(self, browser, session):
        self.browser = browser
        self.session = session

    def call(self, method, params=None, timeout=None):
        return self.browser.call(method, params, self.session, timeout)

    def _events(self, method):
        return [e["params"] for e in self.browser.events
                if e.get("sessionId") == self.session
                and e.get("method") == method]

    def eval(self, expression, timeout=None):
        result = self.call("Runtime.evaluate", {
            "expression": expression, "returnByValue": True,
            "awaitPromise": True}, timeout)
        if "exceptionDetails" in result:
            raise ProtocolError("%s: %s" % (
                expression, result["exceptionDetails"].get("text")))
        return result["result"].get("value")

    def wait(self, expression, timeout=30):
        """Waits until expression is true; False if it never is."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if self.eval(expression):
                    return True
            except ProtocolError:
                pass
            self.browser.pump(0.1)
        return False

    def screenshot(self, height=None):
        """The page as PNG: the window, or its top height pixels."""
        params = {"format": "png"}
        if height:
            width = self.eval("document.documentElement.clientWidth")
            params["clip"] = {"x": 0, "y": 0, "width": width,
                              "height": height, "scale": 1}
            params["captureBeyondViewport"] = True
        data = self.call("Page.captureScreenshot", params)["data"]
        return base64.b64decode(data)

    @property
    def errors(self):
        """Console errors, uncaught exceptions and logged errors."""
        out = []
        for e in self._events("Runtime.consoleAPICalled"):
            if e.get("type") in ("error", "assert"):
                out.append(" ".join(str(a.get("value", a.get("description")))
                                    for a in e.get("args", [])))
        for e in self._events("Runtime.exceptionThrown"):
            d = e.get("exceptionDetails", {})
            out.append(d.get("exception", {}).get("description")
                       or d.get("text"))
        for e in self._events("Log.entryAdded"):
            entry = e.get("entry", {})
            if entry.get("level") == "error":
                out.append("%s (%s)" % (entry.get("text"), entry.get("url")))
        return out

    @property
    def requests(self):
        return [e["request"]["url"]
                for e in self._events("Network.requestWillBeSent")]


def png_colors(png, limit=64):
    """How many distinct colours (up to limit) an 8-bit RGB(A) PNG has: a
    blank page has one."""
    import struct
    import zlib
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, color, _, _, interlace = header
    assert depth == 8 and color in (2, 6) and interlace == 0
    bpp = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    colors = set()
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 255
        if y % 4 == 0:
            for x in range(0, stride, bpp * 4):
                colors.add(bytes(line[x:x + 3]))
                if len(colors) >= limit:
                    return len(colors)
        prev = line
    return len(colors)
