"""Shared helpers for the end-to-end tests: run the real mpcheck binary, find fixtures."""
import json
import os
import re
import subprocess
import unittest

MPCHECK = os.environ.get("MPCHECK", "mpcheck")
FIXTURES = os.environ.get("MPCHECK_FIXTURES", "")
CORPUS = os.environ.get("MPCHECK_CORPUS", "")
SOURCE = os.environ.get("MPCHECK_SOURCE", os.path.dirname(os.path.dirname(os.path.dirname(__file__))))


def without_dac_override():
    """For preexec_fn: a child that the file modes bind, even when the tests run as root. Root
    reads a folder of mode 000 through CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH; dropped from
    the capability bounding set before exec, the child keeps uid 0 (the test's files stay its
    own, readable by their owner bits) but a mode without the owner's r or x denies it like any
    user (EACCES), which is what a receiver without the permission sees. A non-root run needs
    nothing."""
    if os.getuid() == 0:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2
        for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
            if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def mount_tmpfs(path, *options):
    """Mounts a tmpfs with `options` ("size=5m", ...) at `path` (made if missing). Returns "" or,
    where mounting is not permitted (a run without root), why not: the caller skips."""
    os.makedirs(path, exist_ok=True)
    p = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join(options), "tmpfs", path],
                       capture_output=True, text=True)
    return "" if p.returncode == 0 else "mount -t tmpfs not permitted: " + p.stderr.strip()


def mount_exfat(path, image, size_mb=64):
    """Makes an exFAT file system of `size_mb` MB in the file `image` and mounts it at `path`
    through FUSE (exfat-fuse, as a USB stick is formatted: names compared without case).
    Returns (unmount, why): a function that unmounts it, or, where the machine permits no loop
    device or FUSE mount (a run without root), why not: the caller skips, as for mount_tmpfs.
    The tools (exfatprogs, exfat-fuse) are installed by scripts/setup.sh: missing, the test
    fails."""
    os.makedirs(path, exist_ok=True)
    with open(image, "wb") as f:
        f.truncate(size_mb << 20)
    subprocess.run(["mkfs.exfat", image], check=True, capture_output=True)
    loop = subprocess.run(["losetup", "-f", "--show", image], capture_output=True, text=True)
    if loop.returncode != 0:
        return None, "no loop device: " + loop.stderr.strip()
    device = loop.stdout.strip()
    mounted = subprocess.run(["mount.exfat-fuse", device, path], capture_output=True, text=True)
    if mounted.returncode != 0:
        subprocess.run(["losetup", "-d", device], capture_output=True)
        return None, "FUSE mount not permitted: " + mounted.stderr.strip()

    def unmount():
        subprocess.run(["umount", path], capture_output=True)
        subprocess.run(["losetup", "-d", device], capture_output=True)
    return unmount, ""


def run(*args, input=None, env=None, timeout=600, preexec_fn=None, cwd=None):
    """Runs mpcheck with `args` (in `cwd` when given); returns the CompletedProcess (text mode)."""
    full_env = dict(os.environ, LANG="C.UTF-8")
    full_env.pop("LC_ALL", None)
    if env:
        full_env.update(env)
    return subprocess.run([MPCHECK, *args], capture_output=True, text=True, input=input,
                          env=full_env, timeout=timeout, preexec_fn=preexec_fn, cwd=cwd)


def run_json(*args, **kw):
    p = run(*args, **kw)
    try:
        return p, json.loads(p.stdout)
    except json.JSONDecodeError as e:
        raise AssertionError(f"not JSON ({e}): stdout={p.stdout[:500]!r} stderr={p.stderr[:500]!r}")


def fixture(name):
    path = os.path.join(FIXTURES, name)
    if not os.path.exists(path):
        raise unittest.SkipTest(f"fixture {name} missing (run tests/fixtures/make-fixtures.sh)")
    return path


def probe(*paths, extra=()):
    p, data = run_json("probe", "--format", "json", *extra, *paths)
    assert p.returncode == 0, p.stderr
    return data["files"]


def fill_todos(text, value):
    """init's works.yaml with every "TODO" value replaced by `value`, but for the lines of the
    documents a work must have (script:, courseware: "TODO"), which go: for a test about
    something else, whose works have no such file."""
    text = re.sub(r'(?m)^ +(script|courseware): "TODO".*\n', "", text)
    return text.replace('"TODO"', f'"{value}"')
