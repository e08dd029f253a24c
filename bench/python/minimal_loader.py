#!/usr/bin/env python3
"""The minimal Python loader: the yardstick issue 14 sets for RewardLens' import and export.

What someone would write in ten minutes with the standard library, and nothing more:

  import: json.loads per line, executemany into one SQLite table (chosen, rejected, source),
          one transaction, SQLite's default settings. No shape checks, no prompt splitting.
  export: read the table back in insertion order and write one json.dumps object per line
          ({"chosen": [...], "rejected": [...], "source": ...}).

`skywork_baseline.py` next to it is the stricter baseline that does RewardLens' own work
(shape checks, prompt splitting, the store's schema and settings).

Each command prints one JSON line: {"op", "pairs", "seconds", "cpu_seconds", "peak_rss_mb"}:
wall-clock and CPU time of the work itself (interpreter start excluded) and the process's peak
resident set.

  minimal_loader.py import --db store.db data.jsonl
  minimal_loader.py export --db store.db out.jsonl
"""

import argparse
import json
import resource
import sqlite3
import time

BATCH = 1000


def records(path):
    with open(path, "r", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                yield (
                    json.dumps(record["chosen"], ensure_ascii=False),
                    json.dumps(record["rejected"], ensure_ascii=False),
                    record.get("source"),
                )


def batches(rows):
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def import_file(db, path):
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("CREATE TABLE IF NOT EXISTS pairs (chosen TEXT, rejected TEXT, source TEXT)")
    con.execute("BEGIN")
    count = 0
    for batch in batches(records(path)):
        con.executemany("INSERT INTO pairs VALUES (?, ?, ?)", batch)
        count += len(batch)
    con.execute("COMMIT")
    con.close()
    return count


def export_file(db, path):
    con = sqlite3.connect(db)
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for chosen, rejected, source in con.execute(
            "SELECT chosen, rejected, source FROM pairs ORDER BY rowid"
        ):
            record = {"chosen": json.loads(chosen), "rejected": json.loads(rejected)}
            if source is not None:
                record["source"] = source
            out.write(json.dumps(record, ensure_ascii=False))
            out.write("\n")
            count += 1
    con.close()
    return count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("op", choices=("import", "export"))
    parser.add_argument("--db", required=True)
    parser.add_argument("file")
    args = parser.parse_args()
    wall, cpu = time.perf_counter(), time.process_time()
    if args.op == "import":
        pairs = import_file(args.db, args.file)
    else:
        pairs = export_file(args.db, args.file)
    result = {
        "op": args.op,
        "pairs": pairs,
        "seconds": round(time.perf_counter() - wall, 3),
        "cpu_seconds": round(time.process_time() - cpu, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
