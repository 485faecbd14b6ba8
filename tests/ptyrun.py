"""Running a program on a pseudo-terminal, for the tests of what the
programs do on one (tty-eof.py, progress.py)."""
import os
import pty
import select
import termios
import time


def run(argv, chunks, pause=0.2, timeout=60, echo=True):
    """Runs argv (execv) on a new pseudo-terminal, types each of chunks with
    a pause after it, then one end-of-file (Ctrl-D); returns (exit status or
    None when it had to be killed after timeout seconds, all it wrote to
    the terminal).  echo=False: what is typed is not echoed back."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(argv[0], argv)
    if not echo:
        attrs = termios.tcgetattr(fd)
        attrs[3] &= ~termios.ECHO
        termios.tcsetattr(fd, termios.TCSANOW, attrs)
    for chunk in chunks:
        os.write(fd, chunk)
        time.sleep(pause)
    os.write(fd, b"\x04")
    out = b""
    deadline = time.time() + timeout
    status = None
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                out += os.read(fd, 65536)
            except OSError:
                pass
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            status = os.waitstatus_to_exitcode(st)
            break
    if status is None:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    # What it wrote just before it ended.
    while select.select([fd], [], [], 0.1)[0]:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(fd)
    return status, out
