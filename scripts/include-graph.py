#!/usr/bin/env python3
"""The folder-level include graph of src/mpcheck, and the rules it must keep.

    scripts/include-graph.py            prints the edges: FOLDER -> FOLDER (N includes)
    scripts/include-graph.py --mermaid  prints the picture ARCHITECTURE.md shows
    scripts/include-graph.py --check    exits 1, naming each offending #include, when
      - the folders include each other in a cycle;
      - a pure folder includes an I/O one (PURE and IO below);
      - a file includes another folder's detail/ header;
      - a folder exists that this script does not place;
      - ARCHITECTURE.md's picture is not the one --mermaid prints.
ctest runs --check (tests/CMakeLists.txt: the `architecture` test).
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "mpcheck"

# Bottom to top. A folder may include folders below it; `--check` does not enforce this order
# (only acyclicity and the pure/I-O rule), it is the order the picture draws.
PURE = ["util", "naming", "core", "rules", "manifest", "checks", "layout", "docs", "report"]
IO = ["media", "scan", "gather", "pack", "fix", "cli"]
INCLUDE = re.compile(r'^\s*#\s*include\s+"mpcheck/([a-z_]+)/([^"]+)"', re.M)


def includes():
    """(from_folder, to_folder, file, header) for each #include across folders."""
    out = []
    for path in sorted(SRC.rglob("*")):
        if path.suffix not in (".cpp", ".hpp"):
            continue
        rel = path.relative_to(SRC)
        folder = rel.parts[0]
        for m in INCLUDE.finditer(path.read_text(encoding="utf-8")):
            out.append((folder, m.group(1), str(rel), f"{m.group(1)}/{m.group(2)}"))
    return out


def edges(incs):
    counts = {}
    for a, b, _, _ in incs:
        if a != b:
            counts[(a, b)] = counts.get((a, b), 0) + 1
    return counts


def find_cycle(graph_edges):
    graph = {}
    for a, b in graph_edges:
        graph.setdefault(a, set()).add(b)
    state = {}

    def visit(node, stack):
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt] if nxt in stack else [node, nxt]
            if not state.get(nxt):
                found = visit(nxt, stack + [nxt])
                if found:
                    return found
        state[node] = 2
        return None

    for node in sorted(graph):
        if not state.get(node):
            found = visit(node, [node])
            if found:
                return found
    return None


def mermaid(counts):
    lines = ["```mermaid", "flowchart BT"]
    for folder in PURE + IO:
        shape = f"{folder}[{folder}/]" if folder in PURE else f"{folder}[({folder}/)]"
        lines.append(f"  {shape}")
    for (a, b) in sorted(counts):
        lines.append(f"  {a} --> {b}")
    lines.append("```")
    return "\n".join(lines)


def problems(incs, counts):
    out = []
    folders = sorted(p.name for p in SRC.iterdir() if p.is_dir())
    for f in folders:
        if f not in PURE and f not in IO:
            out.append(f"src/mpcheck/{f}/: a folder scripts/include-graph.py does not place "
                       "(add it to PURE or IO)")
    cycle = find_cycle(counts)
    if cycle:
        out.append("the folders include each other in a cycle: " + " -> ".join(cycle))
    for a, b, file, header in incs:
        if a == b:
            continue
        if a in PURE and b in IO:
            out.append(f"src/mpcheck/{file}: the pure folder {a}/ includes the I/O folder "
                       f"{b}/ ({header})")
        if "/detail/" in "/" + header:
            out.append(f"src/mpcheck/{file}: includes another folder's detail header {header}")
    doc = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    if mermaid(counts) not in doc:
        out.append("ARCHITECTURE.md: its picture is not the include graph; paste the output "
                   "of `scripts/include-graph.py --mermaid`")
    return out


def main(argv):
    incs = includes()
    counts = edges(incs)
    if "--mermaid" in argv:
        print(mermaid(counts))
        return 0
    if "--check" in argv:
        found = problems(incs, counts)
        for p in found:
            print("include-graph:", p)
        print(f"include-graph: {len(counts)} folder edges, "
              f"{'no problem' if not found else str(len(found)) + ' problem(s)'}")
        return 1 if found else 0
    for (a, b), n in sorted(counts.items()):
        print(f"{a} -> {b} ({n})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
