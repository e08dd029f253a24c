#!/usr/bin/env python3
"""Reference renderer for the Jinja parity probes (a tool to regenerate goldens; tests run Java only).

Each case of templates-probes/cases.json is a small template aimed at one jinja2 behaviour. It is
rendered with templates-probes/messages.json in the environment transformers uses (see
render_corpus.py) and the result, or jinja2's error, is written to templates-probes/goldens.json.

Usage: python3 render_probes.py scoring/src/test/resources/templates-probes
"""
import json
import os
import sys

from render_corpus import environment


def main(folder):
    env = environment()
    cases = json.load(open(os.path.join(folder, "cases.json"), encoding="utf-8"))
    messages = json.load(open(os.path.join(folder, "messages.json"), encoding="utf-8"))
    records = []
    for case in cases:
        record = {"name": case["name"]}
        try:
            template = env.from_string(case["template"])
            record["output"] = template.render(
                messages=messages, add_generation_prompt=True, bos_token="<s>", tools=None, documents=None)
        except Exception as e:  # the Java side must refuse too
            record["error"] = str(e)
            record["error_type"] = type(e).__name__
        records.append(record)
    with open(os.path.join(folder, "goldens.json"), "w", encoding="utf-8") as out:
        json.dump(records, out, ensure_ascii=False, indent=1)
        out.write("\n")
    print(f"{len(records)} cases, {sum(1 for r in records if 'output' in r)} rendered")


if __name__ == "__main__":
    main(sys.argv[1])
