#!/usr/bin/env python3
"""Turns the hand-written markup of the development set into marginalia/annotations@1 JSON Lines.

    python3 tests/dev/markup_to_json.py tests/dev/news-dev.markup > tests/dev/news-dev.jsonl

The markup (see the header of news-dev.markup):

    [LABEL text]            a number-layer span
    <ID text>               a speaker mention
    {S ID CUE...|words}     a speech quotation by speaker ID ("-": none) with its cue
    {T|words}               a quoted term
    === name                starts a document; '#' lines are comments; blank line = new paragraph

Only the annotation is written by hand: this script removes the markup, computes offsets (code
points and UTF-16), the text's SHA-256 and the ids, and checks the markup (balanced brackets,
known labels, quotes sitting between quote marks, no overlaps within a layer). It never runs the
engine.
"""

import hashlib
import json
import sys

NUMBER_LABELS = {"CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "DATE"}
OPENING = "“‘\"'«„"
CLOSING = "”’\"'»“"


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


class MarkupError(Exception):
    pass


def parse_paragraph(src, base, spans, where):
    """Removes the markup of one paragraph; records spans with offsets from `base` (code points)."""
    out = []
    stack = []
    i = 0
    while i < len(src):
        c = src[i]
        if c in "[<{":
            close = {"[": " ", "<": " ", "{": "|"}[c]
            j = src.find(close, i + 1)
            if j < 0:
                raise MarkupError(f"{where}: unterminated {c} at {src[i:i+30]!r}")
            header = src[i + 1 : j]
            stack.append((c, header, base + len("".join(out))))
            i = j + 1
            continue
        if c in "]>}":
            if not stack:
                raise MarkupError(f"{where}: stray {c} near {src[max(0,i-30):i+1]!r}")
            kind, header, start = stack.pop()
            if {"[": "]", "<": ">", "{": "}"}[kind] != c:
                raise MarkupError(f"{where}: {kind} closed by {c} near {src[max(0,i-30):i+1]!r}")
            end = base + len("".join(out))
            spans.append((kind, header, start, end))
            i += 1
            continue
        if c == "|":
            raise MarkupError(f"{where}: stray |")
        out.append(c)
        i += 1
    if stack:
        raise MarkupError(f"{where}: unclosed {stack[-1][0]}{stack[-1][1]}")
    return "".join(out)


def convert(name, paragraphs):
    spans = []
    texts = []
    pos = 0
    for k, para in enumerate(paragraphs):
        if k > 0:
            texts.append("\n\n")
            pos += 2
        plain = parse_paragraph(para, pos, spans, f"{name} paragraph {k + 1}")
        texts.append(plain)
        pos += len(plain)
    text = "".join(texts)

    def both(start, end):
        return start, end, [utf16_len(text[:start]), utf16_len(text[:end])]

    speakers = {}
    for kind, header, start, end in spans:
        if kind == "<":
            if header in speakers:
                raise MarkupError(f"{name}: speaker {header} marked twice")
            speakers[header] = (start, end)

    numbers, quotes = [], []
    for kind, header, start, end in spans:
        if kind == "[":
            if header not in NUMBER_LABELS:
                raise MarkupError(f"{name}: unknown label {header}")
            numbers.append((start, end, header))
        elif kind == "{":
            parts = header.split()
            if not parts or parts[0] not in ("S", "T"):
                raise MarkupError(f"{name}: quote header {header!r} must start with S or T")
            # A quotation continued in the next paragraph ends at its paragraph's end.
            at_end = end == len(text) or text[end] == "\n"
            if text[start - 1] not in OPENING or (text[end] not in CLOSING and not at_end):
                raise MarkupError(f"{name}: quote {text[start:end]!r} is not between quote marks")
            speaker = None
            cue = None
            if parts[0] == "S" and len(parts) > 1:
                if parts[1] != "-":
                    if parts[1] not in speakers:
                        raise MarkupError(f"{name}: unknown speaker {parts[1]}")
                    speaker = speakers[parts[1]]
                if len(parts) > 2:
                    cue = " ".join(parts[2:])
            quotes.append((start, end, "speech" if parts[0] == "S" else "term", speaker, cue))
    numbers.sort()
    quotes.sort()
    for layer in (numbers, quotes):
        for a, b in zip(layer, layer[1:]):
            if b[0] < a[1]:
                raise MarkupError(f"{name}: overlapping spans {text[a[0]:a[1]]!r} and {text[b[0]:b[1]]!r}")

    annotations = []
    for n, (start, end, label) in enumerate(numbers, 1):
        s, e, u = both(start, end)
        annotations.append(
            {"id": f"n{n}", "layer": "number", "label": label, "start": s, "end": e,
             "utf16": u, "text": text[s:e], "source": "manual"}
        )
    for n, (start, end, kind, speaker, cue) in enumerate(quotes, 1):
        s, e, u = both(start, end)
        a = {"id": f"q{n}", "layer": "quote", "label": "QUOTE", "kind": kind, "start": s,
             "end": e, "utf16": u, "text": text[s:e]}
        if speaker:
            ss, se, su = both(*speaker)
            a["speaker"] = {"text": text[ss:se], "start": ss, "end": se, "utf16": su}
        if cue:
            a["cue"] = cue
        a["source"] = "manual"
        annotations.append(a)
    return {
        "schema": "marginalia/annotations@1",
        "generator": {"name": "marginalia", "version": "0.1.0"},
        "document": {
            "text": text,
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "length": {"chars": len(text), "utf16": utf16_len(text),
                       "bytes": len(text.encode("utf-8"))},
        },
        "annotations": annotations,
    }


def documents(lines):
    name, body = None, []
    for line in lines:
        line = line.rstrip("\n")
        if line.startswith("#"):
            continue
        if line.startswith("==="):
            if name is not None:
                yield name, body
            name, body = line[3:].strip(), []
        elif name is not None:
            body.append(line)
    if name is not None:
        yield name, body


def paragraphs(body):
    paras, cur = [], []
    for line in body:
        if line.strip():
            cur.append(line.strip())
        elif cur:
            paras.append(" ".join(cur))
            cur = []
    if cur:
        paras.append(" ".join(cur))
    return paras


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: markup_to_json.py FILE.markup > FILE.jsonl")
    with open(sys.argv[1], encoding="utf-8") as f:
        docs = list(documents(f))
    try:
        for name, body in docs:
            doc = convert(name, paragraphs(body))
            print(json.dumps(doc, ensure_ascii=False, separators=(",", ":")))
    except MarkupError as e:
        sys.exit(f"markup_to_json.py: {e}")


if __name__ == "__main__":
    main()
