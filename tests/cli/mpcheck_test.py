"""Shared helpers for the end-to-end tests: run the real mpcheck binary, find fixtures."""
import json
import os
import subprocess
import unittest

MPCHECK = os.environ.get("MPCHECK", "mpcheck")
FIXTURES = os.environ.get("MPCHECK_FIXTURES", "")
CORPUS = os.environ.get("MPCHECK_CORPUS", "")
SOURCE = os.environ.get("MPCHECK_SOURCE", os.path.dirname(os.path.dirname(os.path.dirname(__file__))))


def run(*args, input=None, env=None, timeout=600):
    """Runs mpcheck with `args`; returns the CompletedProcess (text mode)."""
    full_env = dict(os.environ, LANG="C.UTF-8")
    full_env.pop("LC_ALL", None)
    if env:
        full_env.update(env)
    return subprocess.run([MPCHECK, *args], capture_output=True, text=True, input=input,
                          env=full_env, timeout=timeout)


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
