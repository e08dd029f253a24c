#!/usr/bin/env python3
"""Reference renderer for the chat-template corpus (a tool to regenerate goldens; tests run Java only).

Renders every templates-corpus/*.jinja with every conversation in conversations.json the way
transformers' apply_chat_template(messages, tokenize=False) does: jinja2 ImmutableSandboxedEnvironment,
trim_blocks, lstrip_blocks, loopcontrols, transformers' tojson, raise_exception, strftime_now at a
fixed date, and an AssistantTracker-like `generation` tag that renders its body.

Usage: python3 render_corpus.py scoring/src/test/resources/templates-corpus
Writes goldens.json there: [{template, conversation, add_generation_prompt, output | error}].
"""
import json
import os
import sys
from datetime import datetime

import jinja2
from jinja2 import nodes
from jinja2.ext import Extension
from jinja2.sandbox import ImmutableSandboxedEnvironment

FIXED_NOW = datetime(2026, 1, 15, 9, 30, 0)


class AssistantTracker(Extension):
    tags = {"generation"}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(["name:endgeneration"], drop_needle=True)
        return nodes.CallBlock(self.call_method("_render", []), [], [], body).set_lineno(lineno)

    def _render(self, caller):
        return caller()


def raise_exception(message):
    raise jinja2.exceptions.TemplateError(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def strftime_now(fmt):
    return FIXED_NOW.strftime(fmt)


def environment():
    env = ImmutableSandboxedEnvironment(
        trim_blocks=True, lstrip_blocks=True, extensions=[AssistantTracker, jinja2.ext.loopcontrols])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = strftime_now
    return env


def main(folder):
    env = environment()
    conversations = json.load(open(os.path.join(folder, "conversations.json"), encoding="utf-8"))
    records = []
    for file in sorted(os.listdir(folder)):
        if not file.endswith(".jinja"):
            continue
        name = file[: -len(".jinja")]
        source = open(os.path.join(folder, file), encoding="utf-8").read()
        tokens_file = os.path.join(folder, name + ".tokens.json")
        tokens = json.load(open(tokens_file, encoding="utf-8")) if os.path.exists(tokens_file) else {}
        for conv in conversations:
            for agp in conv.get("add_generation_prompt", [False]):
                record = {"template": name, "conversation": conv["name"], "add_generation_prompt": agp}
                try:
                    template = env.from_string(source)
                    kwargs = dict(tokens)
                    kwargs.update(conv.get("variables", {}))
                    kwargs.setdefault("tools", None)
                    kwargs.setdefault("documents", None)
                    record["output"] = template.render(
                        messages=conv["messages"], add_generation_prompt=agp, **kwargs)
                except Exception as e:  # the Java side must refuse with the same message
                    record["error"] = str(e)
                    record["error_type"] = type(e).__name__
                records.append(record)
    with open(os.path.join(folder, "goldens.json"), "w", encoding="utf-8") as out:
        json.dump(records, out, ensure_ascii=False, indent=1)
        out.write("\n")
    ok = sum(1 for r in records if "output" in r)
    print(f"{len(records)} records, {ok} rendered, {len(records) - ok} raised")


if __name__ == "__main__":
    main(sys.argv[1])
