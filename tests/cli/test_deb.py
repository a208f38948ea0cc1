"""cpack makes a Debian package of mpcheck: its control fields and files, and (as root, when
dpkg is there and no mpcheck package is installed already) that it installs, works, finds
its man page, and removes cleanly. Skipped, with the reason, where the tools are missing."""
import fcntl
import os
import shutil
import subprocess
import tempfile
import unittest

BUILD = os.environ.get("MPCHECK_BUILD", "")
CPACK = os.environ.get("MPCHECK_CPACK") or shutil.which("cpack") or ""
FILES = ["./usr/bin/mpcheck", "./usr/share/man/man1/mpcheck.1.gz",
         "./usr/share/bash-completion/completions/mpcheck", "./usr/share/mpcheck/rules/README.md",
         "./usr/share/mpcheck/rules/changzhou-2024.yaml", "./usr/share/mpcheck/rules/liaoning-2023.yaml",
         "./usr/share/mpcheck/rules/jiaozuo-2019.yaml", "./usr/share/mpcheck/rules/branch-everyone.yaml"]


def missing_tools():
    if not BUILD or not os.path.exists(os.path.join(BUILD, "CPackConfig.cmake")):
        return "no configured build folder (MPCHECK_BUILD) with a CPackConfig.cmake"
    for tool in ("dpkg-deb", "dpkg-shlibdeps"):
        if not shutil.which(tool):
            return f"{tool} missing (Debian package dpkg-dev)"
    if not CPACK or not os.path.exists(CPACK):
        return "cpack missing"
    return ""


def sh(*args, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=600, **kw)


class DebTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        reason = missing_tools()
        if reason:
            raise unittest.SkipTest(reason)
        cls.tmp = tempfile.mkdtemp(prefix="mpcheck-deb-")
        # Packs into its own folder: the build folder's binary stays as it is.
        p = sh(CPACK, "--config", os.path.join(BUILD, "CPackConfig.cmake"), "-B", cls.tmp)
        assert p.returncode == 0, p.stdout + p.stderr
        debs = [f for f in os.listdir(cls.tmp) if f.endswith(".deb")]
        assert len(debs) == 1, debs
        cls.deb = os.path.join(cls.tmp, debs[0])

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def field(self, name):
        p = sh("dpkg-deb", "--field", self.deb, name)
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout.strip()

    def test_control_fields(self):
        self.assertEqual(self.field("Package"), "mpcheck")
        self.assertRegex(os.path.basename(self.deb), r"^mpcheck_\d+\.\d+\.\d+_[a-z0-9]+\.deb$")
        self.assertTrue(self.field("Maintainer"))
        self.assertIn("party-education", self.field("Description"))
        depends = self.field("Depends")
        # Computed by dpkg-shlibdeps from the libraries the binary links.
        for lib in ("libavformat", "libavcodec", "libyaml-cpp", "libzip", "libc6"):
            self.assertIn(lib, depends)
        info = sh("dpkg-deb", "--info", self.deb)
        self.assertEqual(info.returncode, 0, info.stderr)

    def test_contents(self):
        p = sh("dpkg-deb", "--contents", self.deb)
        self.assertEqual(p.returncode, 0, p.stderr)
        listed = {line.split()[-1] for line in p.stdout.splitlines()}
        self.assertEqual([f for f in FILES if f not in listed], [])
        self.assertIn("-rwxr-xr-x", [line.split()[0] for line in p.stdout.splitlines()
                                     if line.endswith("./usr/bin/mpcheck")])
        # The build folder's own binary is untouched (still with its debug sections).
        self.assertTrue(os.access(os.path.join(BUILD, "mpcheck"), os.X_OK))

    def test_installs_runs_and_removes(self):
        if os.geteuid() != 0:
            self.skipTest("installing the package needs root")
        if not shutil.which("dpkg"):
            self.skipTest("dpkg missing")
        # One install at a time on a shared machine; never over an installed mpcheck.
        with open(os.path.join(tempfile.gettempdir(), "mpcheck-deb-test.lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            status = sh("dpkg-query", "-W", "-f=${Status}", "mpcheck").stdout
            if status.endswith(" installed") or os.path.exists("/usr/bin/mpcheck"):
                self.skipTest("an mpcheck is already installed on this machine; left alone")
            p = sh("dpkg", "-i", self.deb)
            try:
                self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
                listed = sh("/usr/bin/mpcheck", "rules", "list", env=dict(os.environ, LANG="C.UTF-8"))
                self.assertEqual(listed.returncode, 0, listed.stderr)
                self.assertEqual([line.split()[0] for line in listed.stdout.splitlines()],
                                 ["branch-everyone", "changzhou-2024", "jiaozuo-2019", "liaoning-2023"])
                self.assertTrue(os.path.isfile("/usr/share/bash-completion/completions/mpcheck"))
                if shutil.which("man"):
                    where = sh("man", "-w", "mpcheck")
                    self.assertEqual(where.stdout.strip(), "/usr/share/man/man1/mpcheck.1.gz", where.stderr)
            finally:
                removed = sh("dpkg", "-r", "mpcheck")
            self.assertEqual(removed.returncode, 0, removed.stdout + removed.stderr)
            self.assertFalse(os.path.exists("/usr/bin/mpcheck"))
            self.assertFalse(os.path.exists("/usr/share/mpcheck/rules/changzhou-2024.yaml"))
            self.assertFalse(sh("dpkg-query", "-W", "-f=${Status}", "mpcheck").stdout.endswith(" installed"))


if __name__ == "__main__":
    unittest.main()
