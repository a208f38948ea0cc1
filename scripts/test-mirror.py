#!/usr/bin/env python3
"""Tests mirror src: every src/mpcheck/<dir>/<file>.cpp (and every header without a .cpp) has
its unit test tests/unit/test_<dir>_<file>.cpp, or an entry in EXCEPTIONS below saying which
tests cover it instead and why it has no unit mirror.

Fails (exit 1, one line per problem) when
  - a src file has neither a mirror nor an exception;
  - an exception names a src file that is gone, or one that now has a mirror (drop the entry);
  - an exception names a covering test file that does not exist;
  - a tests/unit/test_<dir>_<file>.cpp mirrors no src file (an orphan: rename it after the
    file it tests, or merge it there).
Run by ctest as `test-mirror`; `--list` prints the table (src file → its tests).
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "mpcheck"
UNIT = ROOT / "tests" / "unit"

# src file (relative to src/mpcheck) → (the tests that cover it, why no unit mirror).
# Paths of tests are relative to tests/. Keep the reason honest: "pure, not tested yet" is not
# a reason; write the test instead.
EXCEPTIONS = {
    # ---- cli/: CLI11 wiring, tested through the real binary (tests/cli, one ctest per file).
    "cli/check.cpp": (["cli/test_check.py", "cli/test_reports.py", "cli/test_drives.py",
                       "cli/test_deep.py", "cli/test_readings.py"],
                      "mpcheck check: the wiring of gather/ and report/"),
    "cli/cli.cpp": (["cli/test_man.py", "cli/test_hardening.py", "cli/test_completion.py"],
                    "the command line itself: subcommands, --lang, exit codes"),
    "cli/commands.hpp": (["cli/test_man.py"], "header only: the run functions of cli.cpp"),
    "cli/help.cpp": (["cli/test_clerk.py"],
                     "hands report/usage.cpp's words to CLI11 (help, usage errors); the words "
                     "are tested by unit/test_report_usage.cpp"),
    "cli/common.cpp": (["cli/test_reports.py", "cli/test_hardening.py", "cli/test_messages.py"],
                       "writes reports to files or stdout (exit 3 when a byte is lost)"),
    "cli/fix.cpp": (["cli/test_fix.py"], "mpcheck fix"),
    "cli/init.cpp": (["cli/test_rename_init.py", "cli/test_names.py"], "mpcheck init"),
    "cli/pack.cpp": (["cli/test_pack.py", "cli/test_pack_safety.py", "cli/test_drives.py",
                      "cli/test_pack_engine.py", "cli/test_messages.py"], "mpcheck pack"),
    "cli/probe.cpp": (["cli/test_probe_fixtures.py", "cli/test_probe_corpus.py",
                       "cli/test_fuzz_regressions.py"], "mpcheck probe"),
    "cli/progress.cpp": (["cli/test_progress.py"], "draws the progress line on a terminal"),
    "cli/rename.cpp": (["cli/test_rename_init.py", "cli/test_names.py"], "mpcheck rename"),
    "cli/rules.cpp": (["cli/test_check.py", "cli/test_readings.py", "cli/test_completion.py"],
                      "mpcheck rules list|show|lint"),
    # ---- the I/O edge: reads media or walks the disk; tested end to end on generated media.
    "gather/run.cpp": (["cli/test_check.py", "cli/test_drives.py"],
                       "walks and probes in parallel (libav*): the check command's engine"),
    "media/jpeg_errors.cpp": (["unit/test_media_image.cpp", "unit/test_media_qr.cpp"],
                              "libjpeg's error manager, exercised by every damaged JPEG"),
    "media/libav.hpp": (["unit/test_media_probe.cpp"], "header only: RAII owners of libav*"),
    "pack/read_ahead.cpp": (["unit/test_pack_copy.cpp"],
                            "the read-ahead thread of pack::Copier, tested through it"),
    # ---- headers only: types without logic.
    "core/facts.hpp": (["unit/test_media_probe.cpp"], "header only: the MediaFacts types"),
    "report/check_report.hpp": (["unit/test_report_check_text.cpp"],
                                "header only: the declarations of the check_*.cpp renderers"),
    "rules/embedded.hpp": (["unit/test_rules_loader.cpp"],
                           "header only: the generated table of built-in rule sets"),
    # ---- parts of a unit tested through its entry point.
    "rules/detail/names.cpp": (["unit/test_rules_loader.cpp"], "loader.cpp's parser internals"),
    "rules/detail/parse_media.cpp": (["unit/test_rules_loader.cpp"],
                                     "loader.cpp's parser internals"),
    "rules/detail/parse_sections.cpp": (["unit/test_rules_loader.cpp"],
                                        "loader.cpp's parser internals"),
    "rules/detail/parse.hpp": (["unit/test_rules_loader.cpp"], "loader.cpp's parser internals"),
    "rules/yaml_reader.cpp": (["unit/test_rules_loader.cpp", "unit/test_manifest_works.cpp"],
                              "the positioned YAML reader of rules/ and manifest/, with their "
                              "FILE:LINE:COL errors"),
}


def units():
    """Each src file that should have a mirror: every .cpp, and every .hpp without a .cpp."""
    out = []
    for path in sorted(SRC.rglob("*")):
        if path.suffix == ".cpp" or (path.suffix == ".hpp" and not path.with_suffix(".cpp").exists()):
            out.append(path.relative_to(SRC).as_posix())
    return out


def mirror_of(rel):
    parts = Path(rel).with_suffix("").parts
    if len(parts) != 2:
        return None
    return UNIT / f"test_{parts[0]}_{parts[1]}.cpp"


def main(argv):
    problems = []
    table = []
    all_units = units()
    for rel in all_units:
        mirror = mirror_of(rel)
        has_mirror = mirror is not None and mirror.exists()
        if rel in EXCEPTIONS:
            tests, _why = EXCEPTIONS[rel]
            if has_mirror:
                problems.append(f"{rel}: has its mirror {mirror.relative_to(ROOT)}; drop its exception")
            for t in tests:
                if not (ROOT / "tests" / t).exists():
                    problems.append(f"{rel}: its exception names tests/{t}, which does not exist")
            table.append((rel, ", ".join("tests/" + t for t in tests)))
        elif has_mirror:
            table.append((rel, mirror.relative_to(ROOT).as_posix()))
        else:
            want = mirror.relative_to(ROOT) if mirror else "a unit test"
            problems.append(f"src/mpcheck/{rel}: no {want} and no entry in EXCEPTIONS "
                            f"(scripts/test-mirror.py)")
    for rel in EXCEPTIONS:
        if rel not in all_units:
            problems.append(f"EXCEPTIONS names src/mpcheck/{rel}, which is not a src file")
    mirrored = {mirror_of(rel) for rel in all_units}
    for test in sorted(UNIT.glob("test_*.cpp")):
        if test not in mirrored:
            problems.append(f"{test.relative_to(ROOT)} mirrors no src/mpcheck/<dir>/<file>.cpp")
    if "--list" in argv:
        for rel, tests in table:
            print(f"{rel:40} {tests}")
    for p in problems:
        print(f"test-mirror: {p}", file=sys.stderr)
    if not problems:
        print(f"test-mirror: {len(all_units)} src files, "
              f"{sum(1 for r in all_units if r not in EXCEPTIONS)} with a unit mirror, "
              f"{len(EXCEPTIONS)} in the exception list")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
