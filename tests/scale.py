#!/usr/bin/env python3
"""The recipes of docs/scaling.md on a made-up archive (tests/scale/
archive.py): each gives the timeline one dateline process gives, byte for
byte.  GNU parallel with one job per file and with --pipepart over JSON
Lines, on 2 jobs; the same over --sshlogin to an sshd started here on
127.0.0.1 with its own throw-away keys; the Hadoop Streaming contract
(scale/mapper.sh | LC_ALL=C sort -t TAB -k1,1 | scale/reducer.sh, two
mappers and two reducers); the Slurm array script; the peak memory of
extract and normalize, flat from 1,000 to 10,000 documents in one stream;
and extract's on text made to fill its index of words.
A recipe whose program is missing is skipped.  TAP output."""
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap import Tap  # noqa: E402

build = os.path.abspath(os.environ.get("DATELINE_BUILD_ROOT", "build"))
src = os.path.abspath(os.environ.get("DATELINE_SOURCE_ROOT", "."))
wrapper = os.environ.get("DATELINE_WRAPPER")
os.environ["PATH"] = os.pathsep.join(
    [os.path.join(build, d) for d in ("extract", "normalize", "timeline",
                                      "dateline")] + [os.environ["PATH"]])
archive_py = os.path.join(src, "tests", "scale", "archive.py")
scale = os.path.join(src, "scale")
tap = Tap()
report, skip = tap.check, tap.skip


def sh(command, **kw):
    return subprocess.run(command, shell=True, capture_output=True,
                          text=True, **kw)


def same(path, want):
    with open(path, "rb") as a, open(want, "rb") as b:
        return a.read() == b.read()


tmp = tempfile.mkdtemp(prefix="dl-scale-")
os.chdir(tmp)
subprocess.run([sys.executable, archive_py, "archive", "200"], check=True)
subprocess.run([sys.executable, archive_py, "--jsonl", "archive.jsonl",
                "200"], check=True)
sh("dateline --dates archive/dates.csv archive/a*.txt > serial.csv")
sh("dateline archive.jsonl > serial-jsonl.csv")
parallel = shutil.which("parallel")

# One job per file, two at a time.
name = "parallel -j2, a job per file, then --merge: the serial timeline"
if parallel:
    r = sh("ls archive/a*.txt | parallel --will-cite -j2 "
           "'dateline --no-merge --dates archive/dates.csv {} "
           "> {.}.timeline.csv' && dateline-timeline --merge "
           "archive/*.timeline.csv > parallel.csv")
    report(r.returncode == 0 and same("parallel.csv", "serial.csv"), name,
           r.stderr)
else:
    skip(name, "no GNU parallel")

# --pipepart: the archive cut into blocks at line ends.
name = "parallel --pipepart over JSON Lines, -j2, then --merge: the serial " \
       "timeline"
if parallel:
    r = sh("parallel --will-cite --pipepart -a archive.jsonl --block 20k "
           "-j2 'dateline --no-merge --input-format jsonl -o "
           "part{#}.timeline.csv -' && ls part*.timeline.csv | wc -l "
           "&& dateline-timeline --merge part*.timeline.csv > pipepart.csv")
    parts = r.stdout.split()[-1] if r.stdout.split() else "0"
    report(r.returncode == 0 and int(parts) > 2
           and same("pipepart.csv", "serial-jsonl.csv"),
           name + " (%s parts)" % parts, r.stderr)
else:
    skip(name, "no GNU parallel")


def start_sshd(keys):
    """An sshd on 127.0.0.1 with its own keys and config; (pid, port)."""
    os.makedirs(keys)
    for k in ("host", "client"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "",
                        "-f", os.path.join(keys, k)], check=True)
    shutil.copy(os.path.join(keys, "client.pub"),
                os.path.join(keys, "authorized_keys"))
    # sshd run by root wants its privilege separation folder.
    if os.geteuid() == 0:
        os.makedirs("/run/sshd", exist_ok=True)
    for port in range(22900 + os.getpid() % 500, 24000, 37):
        with open(os.path.join(keys, "sshd_config"), "w") as c:
            c.write("Port %d\nListenAddress 127.0.0.1\nHostKey %s\n"
                    "AuthorizedKeysFile %s\nPidFile %s\nUsePAM no\n"
                    "StrictModes no\nPasswordAuthentication no\n"
                    "KbdInteractiveAuthentication no\n"
                    "PermitRootLogin prohibit-password\n"
                    % (port, os.path.join(keys, "host"),
                       os.path.join(keys, "authorized_keys"),
                       os.path.join(keys, "sshd.pid")))
        proc = subprocess.Popen([shutil.which("sshd") or "/usr/sbin/sshd",
                                 "-D", "-f",
                                 os.path.join(keys, "sshd_config"),
                                 "-E", os.path.join(keys, "sshd.log")])
        for _ in range(50):
            time.sleep(0.1)
            if proc.poll() is not None:
                break
            if sh("%s 127.0.0.1 true" % ssh_command(keys, port)) \
                    .returncode == 0:
                return proc, port
        proc.terminate()
        proc.wait()
    return None, None


def ssh_command(keys, port):
    return ("ssh -p %d -i %s -o StrictHostKeyChecking=no "
            "-o UserKnownHostsFile=/dev/null -o BatchMode=yes "
            "-o LogLevel=ERROR" % (port, os.path.join(keys, "client")))


# Across hosts: here one host, reached by ssh, files sent and returned.
name = "parallel --sshlogin (an sshd on 127.0.0.1) with --transferfile " \
       "and --return, then --merge: the serial timeline"
sshd = shutil.which("sshd") or (os.path.exists("/usr/sbin/sshd")
                                and "/usr/sbin/sshd")
if not parallel:
    skip(name, "no GNU parallel")
elif not sshd or not shutil.which("ssh") or not shutil.which("rsync"):
    skip(name, "no sshd, ssh or rsync")
else:
    keys = os.path.join(tmp, "keys")
    proc, port = start_sshd(keys)
    if proc is None:
        skip(name, "sshd did not start")
    else:
        try:
            # A few files: each job opens several connections.
            sh("dateline --dates archive/dates.csv archive/a000*.txt "
               "> serial-ssh.csv")
            r = sh("ls archive/a000*.txt | parallel --will-cite -j2 "
                   "--ssh '%s' --sshlogin 2/127.0.0.1 --workdir %s "
                   "--env PATH --basefile archive/dates.csv --transferfile "
                   "{} --return {.}.ssh.csv --cleanup 'dateline --no-merge "
                   "--dates archive/dates.csv {} > {.}.ssh.csv' && "
                   "dateline-timeline --merge archive/*.ssh.csv > ssh.csv"
                   % (ssh_command(keys, port), os.path.join(tmp, "remote")))
            # --cleanup leaves no file behind on the host (folders stay).
            left = [os.path.join(d, f) for d, _, files in os.walk("remote")
                    for f in files]
            report(r.returncode == 0 and same("ssh.csv", "serial-ssh.csv")
                   and not left, name, r.stderr + " ".join(left))
        finally:
            proc.terminate()
            proc.wait()

# Hadoop Streaming: two mappers, the shuffle, two reducers, the merge.
name = "Streaming contract: mapper | sort -k1,1 | reducer, 2 + 2, then " \
       "--merge: the serial timeline"
with open("archive.jsonl") as f:
    lines = f.readlines()
half = len(lines) // 2
for i, chunk in enumerate((lines[:half], lines[half:])):
    with open("split%d.jsonl" % i, "w") as f:
        f.writelines(chunk)
r = sh("for s in split0.jsonl split1.jsonl; do sh %s/mapper.sh < $s; done "
       "| LC_ALL=C sort -t \"$(printf '\\t')\" -k1,1 > shuffled.tsv"
       % scale)
ok = r.returncode == 0
with open("shuffled.tsv") as f:
    rows = f.readlines()
# The partitioner: a hash of the key, as Hadoop's default.
for part in (0, 1):
    with open("reduce%d.tsv" % part, "w") as f:
        f.writelines(row for row in rows
                     if zlib.crc32(row.split("\t")[0].encode()) % 2 == part)
for part in (0, 1):
    r2 = sh("sh %s/reducer.sh < reduce%d.tsv > part-0000%d"
            % (scale, part, part))
    ok = ok and r2.returncode == 0
r3 = sh("dateline-timeline --merge part-00000 part-00001 > streaming.csv")
report(ok and r3.returncode == 0 and len(rows) > 100
       and same("streaming.csv", "serial-jsonl.csv"), name,
       r.stderr + r3.stderr)

# Slurm: the array's tasks run one after the other here.
name = "Slurm array script, 3 tasks, then --merge: the serial timeline"
ok = True
for task in range(3):
    env = dict(os.environ, SLURM_ARRAY_TASK_ID=str(task),
               SLURM_ARRAY_TASK_COUNT="3")
    r = subprocess.run(["sh", os.path.join(scale, "slurm.sh"), "archive",
                        "parts"], env=env, capture_output=True, text=True)
    ok = ok and r.returncode == 0
r = sh("dateline-timeline --merge parts/*.csv > slurm.csv")
report(ok and r.returncode == 0 and same("slurm.csv", "serial.csv"), name,
       r.stderr)


def peak_rss(command, stdin_path):
    """Peak RSS in KiB of the one process command runs (no shell)."""
    with open(stdin_path, "rb") as f:
        proc = subprocess.Popen(command, stdin=f, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss if status == 0 else None


def sanitized(path):
    with open(path, "rb") as f:
        return b"__asan_init" in f.read()


# Memory: flat in the number of documents.
extract = os.path.join(build, "extract", "dateline-extract")
normalize = os.path.join(build, "normalize", "dateline-normalize")
name = "peak RSS of extract and normalize: 10,000 documents in one stream " \
       "within 1.25x + 2 MiB of 1,000"
if wrapper or sanitized(extract):
    skip(name, "memory under valgrind or ASan says nothing")
else:
    figures = {}
    for docs in (1000, 10000):
        path = "docs%d.jsonl" % docs
        subprocess.run([sys.executable, archive_py, "--jsonl", path,
                        str(docs)], check=True)
        sh("dateline-extract --input-format jsonl - < %s > m%d.csv"
           % (path, docs))
        figures[docs] = (
            peak_rss([extract, "--input-format", "jsonl", "-"], path),
            peak_rss([normalize, "-"], "m%d.csv" % docs))
    small, big = figures[1000], figures[10000]
    report(None not in small + big
           and all(b <= a * 1.25 + 2048 for a, b in zip(small, big)),
           name + " (KiB: extract %s -> %s, normalize %s -> %s)"
           % (small[0], big[0], small[1], big[1]), figures)

# Memory: the index of which rules begin at a word is bounded however many
# new words and numbers the text brings (extract/grammar-match.c's limits).
name = "peak RSS of extract on 4 MB of distinct numbers and made-up words " \
       "within 96 MiB"
if wrapper or sanitized(extract):
    skip(name, "memory under valgrind or ASan says nothing")
else:
    rng = random.Random(13)
    words = []
    for i in range(300000):
        words.append(str(rng.randint(1, 10 ** 9)))
        words.append(rng.choice(["days", "people", "years", "percent,",
                                 "in", "the%s" % rng.randint(0, 10 ** 6)]))
    text = " ".join(words)
    with open("hostile.jsonl", "w") as f:
        for start in range(0, len(text), 100000):
            f.write(json.dumps({"id": "h%d" % start, "date": "2020-01-01",
                                "text": text[start:start + 100000]}) + "\n")
    kib = peak_rss([extract, "--input-format", "jsonl", "-"], "hostile.jsonl")
    report(kib is not None and kib <= 96 * 1024,
           name + " (KiB: %s)" % kib, kib)

shutil.rmtree(tmp, ignore_errors=True)
tap.done()
