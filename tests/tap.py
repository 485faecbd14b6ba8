"""A TAP reporter for the Python tests (meson's TAP protocol)."""
import sys


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def check(self, ok, name, detail=None):
        self.n += 1
        print("%s %d - %s" % ("ok" if ok else "not ok", self.n, name))
        if not ok:
            self.failed += 1
            for line in str(detail or "").splitlines()[:30]:
                print("# " + line)
        sys.stdout.flush()
        return ok

    def skip(self, name, why):
        """A check that cannot run here: a TAP skip, not a failure."""
        self.n += 1
        print("ok %d - %s # SKIP %s" % (self.n, name, why))
        sys.stdout.flush()

    def skip_all(self, why):
        print("1..0 # SKIP " + why)
        # Under meson's TAP protocol this plan is the skip; a status of 77
        # on top of it would read as an error.
        sys.exit(0)

    def done(self):
        print("1..%d" % self.n)
        sys.exit(1 if self.failed else 0)
