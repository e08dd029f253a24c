#!/usr/bin/env python3
"""Plain-Python baseline for the storage benchmark (standard library json + sqlite3 only).

It does the same work as RewardLens' Skywork import and export, so the Java figures have an
honest yardstick:

  import: parse each JSONL line, check the message shapes, split the two conversations into
          shared prompt turns + the final turns (keeping both whole when they diverge earlier),
          and insert the pairs into an SQLite file with the store's schema in one transaction.
  export: read the pairs back in import order and write Skywork JSONL
          ({"chosen": [...], "rejected": [...], "source": ...}, one object per line).

Each command prints one JSON line: {"op", "pairs", "seconds", "cpu_seconds"}: wall-clock and
CPU time of the work itself (interpreter start excluded).

  skywork_baseline.py import --db store.db --schema v1.sql --dataset NAME data.jsonl
  skywork_baseline.py export --db store.db --dataset NAME out.jsonl
"""

import argparse
import json
import sqlite3
import sys
import time

# The same settings PreferenceStore uses (page_size first: it only applies to a new file).
PRAGMAS = (
    "PRAGMA page_size = 16384",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA journal_size_limit = 67108864",
    "PRAGMA cache_size = -32768",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 10000",
)


def connect(path):
    con = sqlite3.connect(path, isolation_level=None)
    for pragma in PRAGMAS:
        con.execute(pragma)
    return con


def dumps(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def messages(record, field, line_no):
    value = record.get(field)
    if not isinstance(value, list) or not value:
        raise ValueError(f"line {line_no}, field {field}: expected a non-empty list of messages")
    out = []
    for i, message in enumerate(value):
        if not isinstance(message, dict):
            raise ValueError(f"line {line_no}, field {field}[{i}]: expected an object")
        role = message.get("role")
        content = message.get("content")
        if not isinstance(role, str):
            raise ValueError(f"line {line_no}, field {field}[{i}].role: expected a string")
        if not isinstance(content, str):
            raise ValueError(f"line {line_no}, field {field}[{i}].content: expected a string")
        out.append({"role": role, "content": content})
    return out


def rows(path, dataset_id):
    with open(path, "r", encoding="utf-8-sig", newline=None) as lines:
        for line_no, line in enumerate(lines, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError(f"line {line_no}: expected an object")
            chosen = messages(record, "chosen", line_no)
            rejected = messages(record, "rejected", line_no)
            source = record.get("source")
            if source is not None and not isinstance(source, str):
                raise ValueError(f"line {line_no}, field source: expected a string")
            extra = {k: v for k, v in record.items() if k not in ("chosen", "rejected", "source")}
            if len(chosen) == len(rejected) and chosen[:-1] == rejected[:-1]:
                prompt, chosen, rejected, diverging = chosen[:-1], chosen[-1:], rejected[-1:], 0
            else:
                prompt, diverging = [], 1
            yield (
                dataset_id,
                line_no,
                source,
                dumps(prompt),
                dumps(chosen),
                dumps(rejected),
                diverging,
                dumps(extra) if extra else None,
            )


def import_file(args):
    con = connect(args.db)
    with open(args.schema, encoding="utf-8") as schema:
        if con.execute("PRAGMA user_version").fetchone()[0] == 0:
            con.executescript(schema.read())
            con.execute("PRAGMA user_version = 1")
    started = time.perf_counter()
    cpu_started = time.process_time()
    con.execute("BEGIN IMMEDIATE")
    cursor = con.execute(
        "INSERT INTO dataset (name, origin, created_at_ms) VALUES (?, ?, ?)",
        (args.dataset, args.input, int(time.time() * 1000)),
    )
    dataset_id = cursor.lastrowid
    cursor = con.executemany(
        "INSERT INTO pair (dataset_id, position, source, prompt, chosen, rejected, diverging,"
        " metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows(args.input, dataset_id),
    )
    pairs = cursor.rowcount
    con.execute("COMMIT")
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    con.close()
    return pairs, seconds, cpu_seconds


def export_file(args):
    con = connect(args.db)
    started = time.perf_counter()
    cpu_started = time.process_time()
    pairs = 0
    con.execute("BEGIN")
    query = con.execute(
        "SELECT p.prompt, p.chosen, p.rejected, p.source FROM pair p"
        " JOIN dataset d ON d.id = p.dataset_id WHERE d.name = ? ORDER BY p.position, p.id",
        (args.dataset,),
    )
    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        for prompt, chosen, rejected, source in query:
            prompt = json.loads(prompt)
            record = {"chosen": prompt + json.loads(chosen), "rejected": prompt + json.loads(rejected)}
            if source is not None:
                record["source"] = source
            out.write(json.dumps(record, ensure_ascii=False))
            out.write("\n")
            pairs += 1
    con.execute("COMMIT")
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    con.close()
    return pairs, seconds, cpu_seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="op", required=True)
    imp = commands.add_parser("import")
    imp.add_argument("--db", required=True)
    imp.add_argument("--schema", required=True)
    imp.add_argument("--dataset", required=True)
    imp.add_argument("input")
    exp = commands.add_parser("export")
    exp.add_argument("--db", required=True)
    exp.add_argument("--dataset", required=True)
    exp.add_argument("output")
    args = parser.parse_args()
    pairs, seconds, cpu_seconds = import_file(args) if args.op == "import" else export_file(args)
    print(
        json.dumps(
            {"op": args.op, "pairs": pairs, "seconds": round(seconds, 4), "cpu_seconds": round(cpu_seconds, 4)}
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
