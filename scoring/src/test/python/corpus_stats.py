#!/usr/bin/env python3
"""Prints what the chat-template corpus covers.

Usage: python3 corpus_stats.py scoring/src/test/resources/templates-corpus [--models]

Counts templates, distinct real models (the "model" field of sources.json; generic formats and
community edits carry none), distinct source repositories, records in goldens.json, and how many
of those render or raise in jinja2. A model is counted once however many templates name it: its
name is compared lower-cased, without its organisation.
"""
import collections
import json
import os
import re
import sys


def model_key(model):
    name = model.lower()
    name = name.split(" ")[0]
    name = name.split("/")[-1]
    return re.sub(r"-(tool_use|default)$", "", name)


def main(folder, show_models=False):
    sources = json.load(open(os.path.join(folder, "sources.json"), encoding="utf-8"))
    templates = sorted(f[: -len(".jinja")] for f in os.listdir(folder) if f.endswith(".jinja"))
    goldens = json.load(open(os.path.join(folder, "goldens.json"), encoding="utf-8"))
    missing = [t for t in templates if t not in sources]
    models = collections.defaultdict(list)
    for name in templates:
        model = sources.get(name, {}).get("model")
        if model:
            models[model_key(model)].append(name)
    repos = {sources[t]["repo"] for t in templates if t in sources}
    rendered = sum(1 for r in goldens if "output" in r)
    raised = collections.Counter(r.get("error_type") for r in goldens if "output" not in r)
    print(f"templates:               {len(templates)}")
    print(f"  with a real model:     {sum(len(v) for v in models.values())}")
    print(f"  generic/community:     {len(templates) - sum(len(v) for v in models.values())}")
    print(f"distinct real models:    {len(models)}")
    print(f"source repositories:     {len(repos)}")
    print(f"records:                 {len(goldens)}")
    print(f"  render in jinja2:      {rendered}")
    print(f"  raise in jinja2:       {len(goldens) - rendered}  {dict(raised)}")
    known = os.path.join(folder, "known-failures.txt")
    if os.path.exists(known):
        ids = [l for l in open(known, encoding="utf-8").read().splitlines() if l.strip() and not l.startswith("#")]
        print(f"known failures (Java):   {len(ids)}")
    if missing:
        print(f"templates without a sources.json entry: {missing}")
    if show_models:
        for key in sorted(models):
            print(f"  {key}: {len(models[key])}")


if __name__ == "__main__":
    main(sys.argv[1], "--models" in sys.argv[2:])
