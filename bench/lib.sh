# Shared by the benchmark scripts (sourced): timing and arithmetic helpers.

# Median wall time in ms of RUNS runs of a command, after one warm-up run (so every peer
# reads from the page cache).
time_ms() {
  "$@" >/dev/null 2>&1 || true
  local times=()
  for _ in $(seq "$RUNS"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }
per_file() { awk -v t="$1" -v n="$2" 'BEGIN { printf "%.2f", t / n }'; }
