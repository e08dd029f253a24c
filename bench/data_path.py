#!/usr/bin/env python3
"""The data-path benchmark: RewardLens' import and export against the two Python baselines.

Runs, for each size, interleaved and as whole processes (JVM and interpreter start included):

  rewardlens import / export       java -jar app/target/rewardlens.jar, no JVM flag
  python/minimal_loader.py         json.loads + executemany into one table, json.dumps back
  python/skywork_baseline.py       the same work as RewardLens (shape checks, prompt split,
                                   the store's schema and settings) in plain Python

and prints, per size and operation, the best wall-clock time of the rounds, the speed ratio
of RewardLens against each baseline (baseline seconds / RewardLens seconds in the same round: 2.0
means twice as fast; the median of the rounds, which a noisy machine disturbs less than a ratio of
bests from different moments) and each process's peak resident set (RUSAGE of the whole process tree; RewardLens' launcher
JVM and the JVM it starts are both counted). Every measurement also goes to --json as one line.

  ./mvnw -B -q -DskipTests package
  python3 bench/data_path.py [--pairs 80000,400000,2000000] [--rounds 3] [--work DIR]

Inputs are generated once per size with `rewardlens generate` (seed 42) into --work (default
app/target/bench-data, git-ignored); databases and exports are deleted after each run. 2M pairs
need about 12 GB per file: about 40 GB free in --work.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCHEMA = ROOT / "storage/src/main/resources/io/rewardlens/storage/schema/v1.sql"


def run(command):
    """Runs a command to its end: (wall seconds, peak RSS in MB of its process tree, output)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"data_path.py: {' '.join(map(str, command))} failed ({code}):\n{output}")
    return seconds, usage.ru_maxrss / 1024, output


def remove(*paths):
    for path in paths:
        for suffix in ("", "-wal", "-shm", "-journal", ".meta.json"):
            Path(str(path) + suffix).unlink(missing_ok=True)


def measure(jar, work, pairs, rounds, record):
    java = ["java", "-jar", str(jar)]
    data = work / f"skywork-{pairs}.jsonl"
    if not data.exists():
        run(java + ["generate", "--out", str(data), "--pairs", str(pairs), "--seed", "42"])
    mb = data.stat().st_size / 1e6
    print(f"\n{pairs:,} pairs ({mb:,.0f} MB of JSONL)", flush=True)
    db, out = work / "bench.db", work / "bench-export.jsonl"
    minimal = [sys.executable, str(HERE / "python/minimal_loader.py")]
    strict = [sys.executable, str(HERE / "python/skywork_baseline.py")]
    commands = {
        "import": {
            "rewardlens": java + ["import", "--db", str(db), "--dataset", "bench", str(data)],
            "minimal_loader": minimal + ["import", "--db", str(db), str(data)],
            "skywork_baseline": strict
            + ["import", "--db", str(db), "--schema", str(SCHEMA), "--dataset", "bench", str(data)],
        },
        "export": {
            "rewardlens": java + ["export", "--db", str(db), "--out", str(out)],
            "minimal_loader": minimal + ["export", "--db", str(db), str(out)],
            "skywork_baseline": strict + ["export", "--db", str(db), "--dataset", "bench", str(out)],
        },
    }
    best = {}
    ratios = {}  # (op, baseline) -> the ratio of each round, RewardLens and baseline run back to back
    for round_ in range(1, rounds + 1):
        this_round = {}
        for tool in ("rewardlens", "minimal_loader", "skywork_baseline"):
            remove(db)
            for op in ("import", "export"):
                seconds, rss, _ = run(commands[op][tool])
                if op == "export":
                    # Every tool writes the same records back: about the input's size.
                    written = out.stat().st_size
                    if abs(written - data.stat().st_size) > 0.02 * data.stat().st_size:
                        sys.exit(f"data_path.py: {tool} exported {written} bytes of {data}")
                remove(out)
                key = (op, tool)
                this_round[key] = seconds
                if key not in best or seconds < best[key][0]:
                    best[key] = (seconds, rss)
                record(
                    {"pairs": pairs, "round": round_, "op": op, "tool": tool,
                     "seconds": round(seconds, 3), "peak_rss_mb": round(rss, 1)}
                )
            remove(db)
        for op in ("import", "export"):
            for tool in ("minimal_loader", "skywork_baseline"):
                ratio = this_round[(op, tool)] / this_round[(op, "rewardlens")]
                ratios.setdefault((op, tool), []).append(ratio)
    print(f"{'':8}{'rewardlens':>22}{'minimal_loader':>24}{'skywork_baseline':>24}"
          f"{'ratio vs minimal':>18}{'vs baseline':>13}  (median of rounds)")
    for op in ("import", "export"):
        ours = best[(op, "rewardlens")]
        cells = [f"{op:8}", f"{ours[0]:9.2f} s {ours[1]:6.0f} MB"]
        for tool in ("minimal_loader", "skywork_baseline"):
            theirs = best[(op, tool)]
            cells.append(f"{theirs[0]:11.2f} s {theirs[1]:6.0f} MB")
        cells.append(f"{statistics.median(ratios[(op, 'minimal_loader')]):16.2f}x")
        cells.append(f"{statistics.median(ratios[(op, 'skywork_baseline')]):12.2f}x")
        print("".join(cells), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jar", default=str(ROOT / "app/target/rewardlens.jar"))
    parser.add_argument("--pairs", default="80000,400000,2000000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", default=str(ROOT / "app/target/bench-data"))
    parser.add_argument("--json", default=None, help="where each measurement goes (JSON lines)")
    args = parser.parse_args()
    jar = Path(args.jar)
    if not jar.exists():
        sys.exit(f"data_path.py: {jar} not found: build it with ./mvnw -B -q -DskipTests package")
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    log = open(args.json or work / "data-path.jsonl", "a", encoding="utf-8")
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
    print(f"{os.cpu_count()} cores, load average {' '.join(load)}; best of {args.rounds} rounds")

    def record(entry):
        log.write(json.dumps(entry) + "\n")
        log.flush()

    for pairs in (int(p) for p in args.pairs.split(",")):
        measure(jar, work, pairs, args.rounds, record)


if __name__ == "__main__":
    main()
