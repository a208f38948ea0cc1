#!/usr/bin/env bash
# Fuzzes every parser of untrusted input with libFuzzer (docs/fuzzing.md): builds the targets
# in fuzz/ with clang, ASan and UBSan into build-fuzz/, writes seeds from the generated
# fixtures, the real-world corpus and the rule sets, and runs each target for SECONDS.
# Prints one line per target: `fuzz TARGET: N runs, 0 crashes`. Exits 1 on a crash, a leak, a
# timeout or running out of memory, naming the reproducer (build-fuzz/crashes/...).
#
#   usage: scripts/fuzz.sh SECONDS [TARGET...]      (CI: scripts/fuzz.sh 30)
#   targets: rules works names isobmff matroska image docx probe (default: all)
#   env: MPCHECK_FIXTURES (default build/fixtures), MPCHECK_CORPUS (default
#        ../shared/corpus/real), FUZZ_JOBS (build jobs, default: all cores), CXX (clang++)
#
# Installs nothing: needs clang and libFuzzer (Debian: clang, libclang-rt-14-dev, in
# scripts/packages-test.txt). Replay one input: build-fuzz/fuzz_TARGET FILE.
set -euo pipefail
cd "$(dirname "$0")/.."

die() { printf 'fuzz: %s\n' "$*" >&2; exit 2; }

SECONDS_PER_TARGET=${1:-}
[[ $SECONDS_PER_TARGET =~ ^[1-9][0-9]*$ ]] || die "usage: scripts/fuzz.sh SECONDS [TARGET...]"
shift
ALL_TARGETS=(rules works names isobmff matroska image docx probe)
TARGETS=("$@")
[[ ${#TARGETS[@]} -gt 0 ]] || TARGETS=("${ALL_TARGETS[@]}")
for t in "${TARGETS[@]}"; do
  [[ " ${ALL_TARGETS[*]} " == *" $t "* ]] || die "unknown target '$t' (targets: ${ALL_TARGETS[*]})"
done

BUILD=build-fuzz
FIXTURES=${MPCHECK_FIXTURES:-build/fixtures}
CORPUS=${MPCHECK_CORPUS:-../shared/corpus/real}
CXX=${CXX:-clang++}

# ---- the tools: say what is missing, install nothing ----------------------------------
command -v "$CXX" >/dev/null ||
  die "'$CXX' not found: libFuzzer needs clang (Debian: apt-get install clang libclang-rt-14-dev)"
probe_dir=$(mktemp -d)
trap 'rm -rf "$probe_dir"' EXIT
printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n' \
  >"$probe_dir/t.cpp"
"$CXX" -fsanitize=fuzzer,address,undefined "$probe_dir/t.cpp" -o "$probe_dir/t" 2>"$probe_dir/err" ||
  die "$CXX cannot link a libFuzzer target (Debian: apt-get install libclang-rt-14-dev): $(head -c 300 "$probe_dir/err")"

# ---- build ------------------------------------------------------------------------------
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$BUILD" -G Ninja -DMPCHECK_FUZZ=ON -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_COMPILER="$CXX" "${launcher[@]}" >/dev/null
cmake --build "$BUILD" --target fuzz -j "${FUZZ_JOBS:-$(nproc)}" | grep -v '^\[' || true
for t in "${TARGETS[@]}"; do
  [[ -x $BUILD/fuzz_$t ]] || die "$BUILD/fuzz_$t was not built"
done

# ---- seeds: written here from what exists, never committed --------------------------
SEEDS=$probe_dir/seeds
mkdir -p "$SEEDS"
inputs=()
[[ -d $FIXTURES ]] && for f in "$FIXTURES"/*; do [[ -f $f ]] && inputs+=("$f"); done
[[ -d $CORPUS ]] && for f in "$CORPUS"/*; do [[ -f $f ]] && inputs+=("$f"); done
# seed TARGET NAME BYTES: the first BYTES of each file named, as one seed each.
seed_heads() {
  local target=$1 bytes=$2 f
  shift 2
  mkdir -p "$SEEDS/$target"
  for f in "$@"; do
    [[ -s $f ]] && head -c "$bytes" "$f" >"$SEEDS/$target/$(basename "$f")"
  done
  return 0
}
pick() { # the inputs whose name ends in one of the extensions given (case-insensitive)
  local f ext
  for f in "${inputs[@]}"; do
    for ext in "$@"; do
      [[ ${f,,} == *.$ext ]] && printf '%s\n' "$f"
    done
  done
  return 0
}
mapfile -t iso < <(pick mp4 mov 3gp m4v)
mapfile -t mkv < <(pick mkv webm)
mapfile -t img < <(pick jpg jpeg png)
mapfile -t docs < <(find build/example -name '*.docx' 2>/dev/null)
seed_heads rules 1000000 rules/*.yaml
seed_heads isobmff 65536 "${iso[@]}"
seed_heads matroska 4096 "${mkv[@]}"
seed_heads image 65536 "${img[@]}"
seed_heads probe 65536 "${inputs[@]}"
seed_heads docx 65536 "${docs[@]}"

mkdir -p "$SEEDS/works" "$SEEDS/names"
cat >"$SEEDS/works/pair.yaml" <<'EOF'
unit: 钟楼区委组织部
contact: 张三
phone: "0519-85680635"
works:
  - title: 奋斗者之歌
    category: 微视频
    files:
      subtitled: a-sub.mp4
      clean: a.mp4
      script: a.docx
    producer: 钟楼区融媒体中心
    creators: 张三、李四
    summary: 讲述基层党员的故事。
  - title: 微光
    category: 新媒体作品
    files: {poster: poster.jpg, qr: qr.png}
    type: 微信推文
    platform: 龙城先锋
    reach: 阅读量 1.2 万
EOF
cat >"$SEEDS/works/series.yaml" <<'EOF'
unit: 天宁区委组织部
works:
  - title: 初心如磐
    category: 党员教育短视频
    episodes: 3
    minutes_per_episode: 8.5
    files:
      episodes: [e1.mp4, e2.mp4, missing-e3.mp4]
      courseware: 课件.pptx
    speaker: 李四
    position: 党支部书记
    date: 2024-07-01
    audience: 全体党员
  - title: 光
    category: 微视频
    files: {video: "../光.mp4"}
    producer: TODO
EOF
names=(
  '奋斗者之歌-微视频-钟楼区委组织部（有字幕）.mp4' '奋斗者之歌-微视频-钟楼区委组织部_无字幕.MP4'
  '红色-记忆-党课开讲啦视频-天宁区委.mov' '作品－微视频－单位.mp4' '作品--单位.mp4'
  '报名表-钟楼区委组织部.docx' '奋斗者之歌-解说词-钟楼区委组织部.docx' '汇总表（一）-单位.xlsx'
  'CON.mp4' 'a:b?.mp4' '标题 纯净版.mp4' 'Ａｂｃ-微视频-单位.mp4' 'e\xcc\x81-x-y.mp4'
)
i=0
for n in "${names[@]}"; do printf '%b' "$n" >"$SEEDS/names/seed$((i++))"; done
for f in "${inputs[@]}"; do printf '%s' "$(basename "$f")" >"$SEEDS/names/seed$((i++))"; done
# Documents: a minimal real .docx (examples/make-docx.py) and zips that are almost one.
if [[ ${#docs[@]} -eq 0 ]] && command -v python3 >/dev/null; then
  printf '# 报名表\n作品名 | 奋斗者之歌\n' | python3 examples/make-docx.py "$SEEDS/docx/form.docx"
fi
if command -v python3 >/dev/null; then
  python3 - "$SEEDS/docx" <<'EOF'
import sys, zipfile
out = sys.argv[1]
for name, entries in {
    "pptx": {"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>"},
    "odt": {"mimetype": "application/vnd.oasis.opendocument.text"},
    "ooxml": {"[Content_Types].xml": "<Types/>"},
}.items():
    with zipfile.ZipFile(f"{out}/{name}.zip", "w") as z:
        for entry, text in entries.items():
            z.writestr(zipfile.ZipInfo(entry, (1980, 1, 1, 0, 0, 0)), text)
EOF
fi
printf '%%PDF-1.4\n' >"$SEEDS/docx/pdf"
printf '{\\rtf1 x}' >"$SEEDS/docx/rtf"

# Dictionaries: the keys of the rule language and of works.yaml, the check ids.
{
  grep -ohE '^ *-? *[a-z_]+:' rules/*.yaml | sed 's/^[ -]*//' | sort -u
  grep -ohE '"[a-z]+(\.[a-z0-9-]+)+"' src/mpcheck/rules/check_ids.hpp src/mpcheck/rules/check_ids.cpp | tr -d '"' | sort -u
} | sed 's/.*/"&"/' >"$SEEDS/rules.dict"
grep -ohE '"[a-z_]{2,}"' src/mpcheck/manifest/works.cpp | sort -u >"$SEEDS/works.dict"

# ---- run ------------------------------------------------------------------------------
# Per target: the longest input, the memory limit (MB) and the seconds one input may take.
declare -A MAX_LEN=([rules]=8192 [works]=8192 [names]=512 [isobmff]=65536 [matroska]=4096
                    [image]=65536 [docx]=65536 [probe]=65536)
declare -A RSS=([probe]=2048)
# The rule loader takes ~20 ms an input under ASan; a 5-second limit tripped once on a loaded
# machine (load 9) for an input that replays in 17 ms, so it gets the probe's margin: a real
# hang still stops it.
declare -A TIMEOUT=([probe]=20 [rules]=20)
# A 16 MB quarantine and no fill of new blocks: each input's memory is reused instead of
# faulting in fresh pages (the rules target: +54 % inputs a second, peak RSS 482 → 125 MB);
# a use after free within the last 16 MB freed is still caught.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0:quarantine_size_mb=16:max_malloc_fill_size=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=0
for t in "${TARGETS[@]}"; do
  corpus=$BUILD/corpus/$t
  crashes=$BUILD/crashes/$t
  mkdir -p "$corpus" "$crashes" "$SEEDS/$t"
  dict=()
  [[ -f $SEEDS/$t.dict ]] && dict=(-dict="$SEEDS/$t.dict")
  log=$BUILD/fuzz-$t.log
  rc=0
  # A hard stop besides libFuzzer's own clocks: a run that reports out-of-memory can hang in
  # its handler (seen on yaml-cpp's LoadAll loop), and CI must never wait on it.
  limit=$((SECONDS_PER_TARGET + 3 * ${TIMEOUT[$t]:-5} + 120))
  timeout -k 10 "$limit" "$BUILD/fuzz_$t" -max_total_time="$SECONDS_PER_TARGET" -max_len="${MAX_LEN[$t]}" \
    -rss_limit_mb="${RSS[$t]:-1024}" -timeout="${TIMEOUT[$t]:-5}" -print_final_stats=1 \
    -artifact_prefix="$crashes/" "${dict[@]}" "$corpus" "$SEEDS/$t" >"$log" 2>&1 || rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
  if [[ $rc -eq 0 && -z $artifact ]]; then
    echo "fuzz $t: ${runs:-0} runs, 0 crashes"
  else
    failed=1
    kind=$(basename "${artifact:-crash-}" | cut -d- -f1)
    [[ $rc -eq 124 || $rc -eq 137 ]] && kind="hang past ${limit} s"
    echo "fuzz $t: ${runs:-?} runs, 1 crash ($kind): reproducer ${artifact:-none written}, log $log"
    grep -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|uncaught' "$log" >&2 || true
  fi
done
exit "$failed"
