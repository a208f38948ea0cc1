#!/usr/bin/env python3
"""Runs one tests/cli test file as ctest's `cli.<name>`: `python3 run_unittest.py test_check`.

The same as `python3 -m unittest -v test_check`, but a file in which a case was skipped (a tool
missing, not root, no corpus) and none failed exits 77, ctest's SKIP_RETURN_CODE: ctest then
shows the file as skipped, with the reasons in its output, never as passed. Exit 1 when a case
failed or errored, 0 when every case ran and passed.
"""

import sys
import unittest

SKIPPED = 77


def main(argv):
    if len(argv) != 2:
        print("usage: run_unittest.py TEST_MODULE", file=sys.stderr)
        return 2
    suite = unittest.defaultTestLoader.loadTestsFromName(argv[1])
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    if not result.wasSuccessful():
        return 1
    if result.skipped:
        print(f"{argv[1]}: {len(result.skipped)} skipped, reported to ctest as skipped (exit {SKIPPED})",
              file=sys.stderr)
        return SKIPPED
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
