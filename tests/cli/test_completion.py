"""completions/mpcheck.bash: sourced in bash, its function called as bash calls it (COMP_WORDS,
COMP_CWORD), with the real mpcheck first on PATH for the rule set and check id listings."""
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from mpcheck_test import MPCHECK, SOURCE, run

SCRIPT = os.path.join(SOURCE, "completions", "mpcheck.bash")
COMMANDS = ["check", "fix", "pack", "rename", "init", "probe", "rules list", "rules show", "rules lint"]
BUILTIN = ["branch-everyone", "changzhou-2024", "jiaozuo-2019", "liaoning-2023"]


def help_options(command):
    """Every option `mpcheck COMMAND --help` prints ("-o,--output TEXT" gives -o and --output)."""
    p = run(*command.split(), "--help")
    assert p.returncode == 0, p.stderr
    options = []
    for line in p.stdout.splitlines():
        m = re.match(r"^\s+(-\S+)", line)
        if m:
            options += m.group(1).split(",")
    return options


class CompletionTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not shutil.which("bash"):
            raise unittest.SkipTest("bash missing")
        cls.tmp = tempfile.mkdtemp(prefix="mpcheck-completion-")
        cls.bin = os.path.join(cls.tmp, "bin")
        os.makedirs(cls.bin)
        os.symlink(os.path.abspath(MPCHECK), os.path.join(cls.bin, "mpcheck"))
        cls.cwd = os.path.join(cls.tmp, "work")
        os.makedirs(os.path.join(cls.cwd, "drive 1"))
        for name in ("my-rules.yaml", "notes.txt", "报告.json"):
            open(os.path.join(cls.cwd, name), "w").close()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def complete(self, *words):
        """The candidates bash would offer for the command line `words` (the last one being
        completed)."""
        script = (f'source "{SCRIPT}"\n'
                  "COMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
                  'COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}\n'
                  "_mpcheck\n"
                  'printf "%s\\n" "${COMPREPLY[@]}"\n')
        env = dict(os.environ, PATH=self.bin + os.pathsep + os.environ.get("PATH", ""), LANG="C.UTF-8")
        p = subprocess.run(["bash", "-c", script, "bash", "mpcheck", *words], capture_output=True,
                           text=True, cwd=self.cwd, env=env, timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stderr, "")
        return [line for line in p.stdout.split("\n") if line]

    def test_registered_for_mpcheck(self):
        p = subprocess.run(["bash", "-c", f'source "{SCRIPT}"; complete -p mpcheck'], capture_output=True, text=True)
        self.assertEqual(p.stdout.strip(), "complete -F _mpcheck mpcheck")

    def test_commands(self):
        self.assertEqual(self.complete(""), ["check", "fix", "pack", "rename", "init", "probe", "rules"])
        self.assertEqual(self.complete("ch"), ["check"])
        self.assertEqual(self.complete("--"), ["--help", "--version"])
        self.assertEqual(self.complete("rules", ""), ["list", "show", "lint"])

    def test_every_command_offers_exactly_its_help_options(self):
        for command in COMMANDS:
            with self.subTest(command=command):
                offered = self.complete(*command.split(), "-")
                self.assertEqual(sorted(offered), sorted(help_options(command)))
        self.assertEqual(self.complete("check", "--f"), ["--format", "--fail-on", "--fat32", "--fast"])

    def test_rules_are_built_in_ids_and_yaml_files(self):
        offered = self.complete("check", "--rules", "")
        self.assertEqual(offered[:4], BUILTIN)
        self.assertIn("my-rules.yaml", offered)
        self.assertIn("drive 1", offered)  # a folder on the way to a rule file
        self.assertNotIn("notes.txt", offered)
        self.assertEqual(self.complete("pack", "src", "--rules", "ch"), ["changzhou-2024"])
        self.assertEqual(self.complete("rules", "show", "li"), ["liaoning-2023"])

    def test_option_values(self):
        # Each command's formats, as its --help lists them.
        for command in ("check", "pack", "probe"):
            listed = re.search(r"--format (?:TEXT:)?\{([a-z,]+)\}", run(command, "--help").stdout).group(1)
            self.assertEqual(self.complete(command, "--format", ""), listed.split(","), command)
        self.assertEqual(self.complete("check", "--format", "j"), ["json", "jsonl", "junit"])
        self.assertEqual(self.complete("check", "--lang", ""), ["zh", "en"])
        self.assertEqual(self.complete("rules", "list", "--lang", "e"), ["en"])
        self.assertEqual(self.complete("check", "--fail-on", ""), ["error", "warning"])
        self.assertEqual(self.complete("check", "--unit", ""), [])
        self.assertRegex(self.complete("check", "--as-of", "")[0], r"^\d{4}-\d\d-\d\d$")

    def test_waive_offers_the_check_ids_of_the_rule_set(self):
        offered = self.complete("check", "--rules", "changzhou-2024", "--waive", "video.")
        self.assertIn("video.resolution", offered)
        self.assertIn("video.*", offered)
        self.assertNotIn("audio.loudness", self.complete("check", "--rules", "changzhou-2024", "--waive", "a"))
        self.assertIn("audio.loudness", self.complete("check", "--rules", "liaoning-2023", "--waive", "a"))
        self.assertIn("manual.originality", self.complete("check", "--rules", "changzhou-2024", "--waive", "manual."))
        # Without --rules: the ids of every built-in rule set.
        everywhere = self.complete("check", "--waive", "")
        self.assertIn("manual.title-card", everywhere)  # liaoning-2023
        self.assertIn("image.qr-code", everywhere)      # changzhou-2024

    def test_paths(self):
        self.assertEqual(self.complete("check", "dr"), ["drive 1"])
        self.assertEqual(sorted(self.complete("probe", "")), ["drive 1", "my-rules.yaml", "notes.txt", "报告.json"])
        self.assertEqual(self.complete("pack", "x", "--out", ""), ["drive 1"])
        self.assertEqual(self.complete("check", "-o", "报"), ["报告.json"])
        self.assertEqual(self.complete("rules", "list", ""), [])


if __name__ == "__main__":
    unittest.main()
