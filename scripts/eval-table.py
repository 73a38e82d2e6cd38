#!/usr/bin/env python3
"""Prints the development-target table of `make eval` (README "Accuracy against human
labels") from the text output of `slant eval` on stdin: Slant's figure next to the
target and to what a user has today, and whether each target is met.

The targets are the project's (issue #6); the figures are read from `slant eval`'s text
output, which has three decimals (its JSON rounds to two)."""
import re
import sys

# file stem, row label, measure (column of the label row, or "span-recall"), target, alternative
TARGETS = [
    ("semeval23-train", "loaded_language", "F1", 0.45, "VADER 0.31"),
    ("checkthat-train-dev", "subjective", "macroF1", 0.65, "VADER 0.46"),
    ("babe-dev", "biased", "macroF1", 0.65, "TextBlob 0.44"),
    ("polnear-dev", "attributed", "F1", 0.85, "—"),
    ("polnear-dev", "cue", "span-recall", 0.80, "—"),
]
LABEL_COLUMNS = ["tp", "fp", "fn", "tn", "prec", "rec", "F1", "macroF1"]
SPAN_COLUMNS = ["gold", "pred", "prec", "rec", "F1"]


def parse(text):
    """{(file stem, row label): {column: value}} for label rows and span rows."""
    rows, stem, section = {}, None, None
    for line in text.splitlines():
        m = re.match(r"^(\S+\.jsonl): \d+ units", line)
        if m:
            stem = m.group(1).rsplit("/", 1)[-1][: -len(".jsonl")]
            continue
        cells = line.split()
        if not cells or stem is None:
            continue
        if cells[0] == "label":
            section = "label"
            continue
        if cells[0] == "spans":
            section = "span"
            continue
        columns = LABEL_COLUMNS if section == "label" else SPAN_COLUMNS
        if len(cells) == len(columns) + 1:
            try:
                rows[(stem, cells[0], section)] = dict(zip(columns, map(float, cells[1:])))
            except ValueError:
                pass
    return rows


def main():
    rows = parse(sys.stdin.read())
    print("| file | label | measure | Slant | target | a user's alternative today | met |")
    print("|---|---|---|---|---|---|---|")
    unmet, missing = [], []
    for stem, label, measure, target, alternative in TARGETS:
        if measure == "span-recall":
            row, column, shown = rows.get((stem, label, "span")), "rec", "recall"
        else:
            row, column, shown = rows.get((stem, label, "label")), measure, measure.replace("macroF1", "macro-F1")
        if row is None:
            missing.append(stem)
            print(f"| {stem} | {label} | {shown} | (file not evaluated) | ≥ {target:.2f} | {alternative} | |")
            continue
        value = row[column]
        met = value >= target
        if not met:
            unmet.append(f"{stem} {label}")
        print(f"| {stem} | {label} | {shown} | {value:.3f} | ≥ {target:.2f} | {alternative} | {'yes' if met else 'NO'} |")
    print()
    if unmet:
        print("targets not met: " + ", ".join(unmet))
    elif missing:
        print("targets met on the files evaluated; not evaluated: " + ", ".join(sorted(set(missing))))
    else:
        print("all targets met")


if __name__ == "__main__":
    main()
