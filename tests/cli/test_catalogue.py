"""The check catalogue, src/mpcheck/rules/check_ids.hpp (MPCHECK_CHECK_TABLE), held to the rest
of the project: the binary lists exactly the table's ids; every id is (a) raised by a check, its
named constant used in checks/FAMILY.cpp, and no check spells an id as a string; (b) documented
in man/mpcheck.1, CHECK IDS; (c) asserted by an end-to-end test in tests/cli; and the rule keys
the table gives for it are keys of rules/README.md. This replaces a pinned count: adding a row
without its check, its man entry or its test fails here (CONTRIBUTING.md)."""
import glob
import json
import os
import re
import shutil
import tempfile
import unittest

from mpcheck_test import SOURCE, run

TABLE = os.path.join(SOURCE, "src", "mpcheck", "rules", "check_ids.hpp")
CHECKS = os.path.join(SOURCE, "src", "mpcheck", "checks")
MAN = os.path.join(SOURCE, "man", "mpcheck.1")
RULES_README = os.path.join(SOURCE, "rules", "README.md")
CLI_TESTS = os.path.join(SOURCE, "tests", "cli")
ROW = re.compile(r'^\s*X\((\w+), "([a-z]+\.[a-z0-9-]+)", (\w+), (\w+), "([^"]*)",', re.M)

# Ids no end-to-end test asserts, each with the reason. None today: keep it that way, or say why.
NOT_END_TO_END = {}


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def table():
    """[(constant, id, family, severity, rule keys)] in table order."""
    return ROW.findall(read(TABLE))


class CatalogueTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rows = table()
        cls.ids = [row[1] for row in cls.rows]

    def test_the_table_is_read(self):
        # The regular expression reads every row: as many as X( lines in the table.
        self.assertEqual(len(self.rows), read(TABLE).count("\n  X("))
        self.assertIn("video.resolution", self.ids)
        self.assertEqual(len(set(self.ids)), len(self.ids))

    def test_the_binary_lists_the_table(self):
        # known_check_ids() as the binary reports it: the SARIF report's rules, manual items aside.
        tmp = tempfile.mkdtemp(prefix="mpcheck-catalogue-")
        try:
            p = run("check", "--format", "sarif", "--rules", "changzhou-2024", tmp)
        finally:
            shutil.rmtree(tmp)
        rules = json.loads(p.stdout)["runs"][0]["tool"]["driver"]["rules"]
        listed = [r["id"] for r in rules if not r["id"].startswith("manual.")]
        self.assertEqual(listed, self.ids)

    def test_a_every_id_is_raised_by_its_family(self):
        sources = {os.path.basename(f)[:-4]: read(f) for f in glob.glob(os.path.join(CHECKS, "*.cpp"))}
        for constant, check_id, family, _, _ in self.rows:
            with self.subTest(check_id):
                self.assertIn(family, sources, f"no checks/{family}.cpp")
                used = re.search(rf"\bids::{constant}\b", sources[family])
                self.assertTrue(used, f"ids::{constant} is used by no check of checks/{family}.cpp")
        # No check spells an id of the table as a string: the constants are the only way in.
        for name, text in sources.items():
            spelt = [i for i in self.ids if f'"{i}"' in text]
            self.assertEqual(spelt, [], f"checks/{name}.cpp")

    def test_b_every_id_is_in_the_man_page(self):
        man = read(MAN).replace("\\-", "-")
        section = re.split(r'^\.SH ', man.split('.SH "CHECK IDS"', 1)[1], flags=re.M)[0]
        documented = set(re.findall(r"^\.B ([a-z]+\.[a-z0-9-]+)", section, flags=re.M))
        documented |= set(re.findall(r"[a-z]+\.[a-z0-9-]+", section))
        self.assertEqual([i for i in self.ids if i not in documented], [])

    def test_c_every_id_has_an_end_to_end_test(self):
        tests = {}
        for path in glob.glob(os.path.join(CLI_TESTS, "test_*.py")):
            if os.path.basename(path) != "test_catalogue.py":
                tests[os.path.basename(path)] = read(path)
        missing = []
        for check_id in self.ids:
            quoted = re.compile(rf"""["']{re.escape(check_id)}["']""")
            if not any(quoted.search(text) for text in tests.values()):
                missing.append(check_id)
        self.assertEqual(sorted(set(missing) - set(NOT_END_TO_END)), [])
        # An exception that has since got its test leaves the list.
        self.assertEqual(sorted(set(NOT_END_TO_END) - set(missing)), [])

    def test_rule_keys_are_keys_of_the_rule_files(self):
        readme = read(RULES_README)
        for _, check_id, _, _, keys in self.rows:
            for key in keys.split():
                with self.subTest(check_id=check_id, key=key):
                    # "media.containers" is `containers` of the media blocks; "layout" is top level.
                    tail = key.split(".", 1)[1] if re.match(r"^[a-z]+(\[\])?\.", key) else key
                    self.assertTrue(f"`{tail}`" in readme, f"`{tail}` not in rules/README.md")
            if keys:
                self.assertTrue(check_id in readme, f"{check_id} not in rules/README.md")


if __name__ == "__main__":
    unittest.main()
