"""man/mpcheck.1 documents everything: each command's options (as its --help lists them) in
that command's section, the options every command takes in OPTIONS, every check id of the
catalogue, every report format and every exit code; and groff reads it without a warning."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from mpcheck_test import SOURCE, run

MAN = os.path.join(SOURCE, "man", "mpcheck.1")
COMMON = {"-h", "--help", "--lang", "-o", "--output", "-j", "--jobs", "--quiet", "--no-color"}
# Each command and the .SS section of the man page that documents it.
SECTIONS = {"check": "check", "fix": "fix", "pack": "pack", "rename": "rename", "init": "init", "probe": "probe",
            "rules list": "rules", "rules show": "rules", "rules lint": "rules"}


def help_options(command):
    p = run(*command.split(), "--help")
    assert p.returncode == 0, p.stderr
    options = set()
    for line in p.stdout.splitlines():
        m = re.match(r"^\s+(-\S+)", line)
        if m:
            options.update(m.group(1).split(","))
    return options


def plain(roff):
    """The man page's words without roff escapes: '\\-' is '-', fonts and quotes go."""
    text = roff.replace("\\-", "-").replace("\\(em", "—").replace("\\e", "\\")
    return re.sub(r"\\f[BIRP]|\\&", "", text)


def sections(text, level):
    """{title: body} of the .SH or .SS sections ("check PATH... --rules R" → "check ...")."""
    parts = re.split(rf"^\.{level} (.*)$", text, flags=re.M)
    return {parts[i].strip('"'): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def options_in(body):
    return set(re.findall(r"(?<![\w-])(--?[a-z][a-z0-9-]*)", body))


class ManPageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(MAN, encoding="utf-8") as f:
            cls.text = plain(f.read())
        cls.top = sections(cls.text, "SH")
        cls.commands = sections(cls.top["COMMANDS"], "SS")

    def section_of(self, command):
        name = SECTIONS[command]
        found = [body for title, body in self.commands.items() if title.split()[0] == name]
        self.assertEqual(len(found), 1, f"no .SS section for {command}")
        return found[0]

    def test_every_option_of_every_command_is_documented(self):
        common = options_in(self.top["OPTIONS"])
        for command in SECTIONS:
            with self.subTest(command=command):
                options = help_options(command)
                self.assertTrue(options, command)
                # Options every command has: once, in OPTIONS.
                self.assertEqual(COMMON - common, set())
                self.assertEqual(COMMON - options, set(), "add_common_options changed: update COMMON")
                # The command's own: in its section.
                missing = (options - COMMON) - options_in(self.section_of(command))
                self.assertEqual(missing, set(), f"{command}: not in its man section")
                # And in the synopsis line of the command.
                synopsis_missing = (options - COMMON) - options_in(self.top["SYNOPSIS"])
                self.assertEqual(synopsis_missing, set())
        self.assertIn("--version", options_in(self.top["OPTIONS"]))

    def test_every_check_id_of_the_catalogue(self):
        # known_check_ids() as the binary itself lists it: the SARIF report's rules.
        tmp = tempfile.mkdtemp(prefix="mpcheck-man-")
        try:
            p = run("check", "--format", "sarif", "--rules", "changzhou-2024", tmp)
        finally:
            shutil.rmtree(tmp)
        rules = json.loads(p.stdout)["runs"][0]["tool"]["driver"]["rules"]
        ids = [r["id"] for r in rules if not r["id"].startswith("manual.")]
        self.assertGreaterEqual(len(ids), 50)  # test_catalogue.py holds them to the table
        words = set(re.findall(r"[a-z]+\.[a-z0-9-]+", self.top["CHECK IDS"]))
        self.assertEqual([i for i in ids if i not in words], [])
        self.assertIn("manual.*", self.top["CHECK IDS"])

    def test_report_formats_and_exit_codes(self):
        # The formats of each command's --format, exactly as its --help lists them.
        for command in ("check", "pack", "probe"):
            listed = re.search(r"--format (?:TEXT:)?\{([a-z,]+)\}", run(command, "--help").stdout).group(1)
            documented = re.search(r'--format "? ?([a-z]+(?:\|[a-z]+)+)', self.section_of(command)).group(1)
            self.assertEqual(documented.split("|"), listed.split(","), command)
        for title in ("CHECK JSON (schema mpcheck-report/1)", "CHECK JUNIT (--format junit)",
                      "CHECK SARIF (--format sarif)", "PROBE JSON (schema mpcheck-probe/1)"):
            self.assertIn(title, self.top)
        codes = re.findall(r"^\.B ([0-9])$", self.top["EXIT STATUS"], flags=re.M)
        self.assertEqual(codes, ["0", "1", "2", "3"])

    def test_groff_reads_it_without_warnings(self):
        self.assertTrue(shutil.which("groff"), "groff missing (scripts/packages-test.txt)")
        p = subprocess.run(["groff", "-k", "-man", "-Tutf8", "-ww", "-z", MAN], capture_output=True, text=True)
        self.assertEqual((p.returncode, p.stderr), (0, ""))


if __name__ == "__main__":
    unittest.main()
