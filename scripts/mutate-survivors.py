#!/usr/bin/env python3
"""Prints every mutant that gremlins left alive, with the reason it lives.

Reads gremlins' output on standard input (and passes it through), then lists
each LIVED mutant with its source line and the reason recorded for it in the
survivors table, or "no reason recorded": a mutant without a reason is
behaviour no test states, and a test should kill it. Usage:

    go tool gremlins unleash ./pkg | scripts/mutate-survivors.py pkg tools/mutate/survivors.tsv
"""
import re
import sys


def load_reasons(path):
    reasons = []
    with open(path, encoding="utf-8") as table:
        for line in table:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            file, mutator, piece, reason = line.split("\t", 3)
            reasons.append((file, mutator, piece, reason))
    return reasons


def source_line(package_dir, file, number):
    try:
        with open(f"{package_dir}/{file}", encoding="utf-8") as source:
            for i, line in enumerate(source, 1):
                if i == number:
                    return line.strip()
    except OSError:
        pass
    return ""


def reason_for(reasons, file, mutator, line):
    for r_file, r_mutator, piece, reason in reasons:
        if r_file == file and r_mutator == mutator and (piece == "*" or piece in line):
            return reason
    return None


def main():
    package_dir, table = sys.argv[1], sys.argv[2]
    reasons = load_reasons(table)
    lived = []
    for line in sys.stdin:
        sys.stdout.write(line)
        m = re.search(r"LIVED\s+(\S+)\s+at\s+(\S+):(\d+):\d+", line)
        if m:
            lived.append((m.group(1), m.group(2), int(m.group(3))))
    print(f"\n==> Mutants that lived in {package_dir}: {len(lived)}")
    unexplained = 0
    for mutator, file, number in lived:
        code = source_line(package_dir, file, number)
        reason = reason_for(reasons, file, mutator, code)
        if reason is None:
            unexplained += 1
            reason = "no reason recorded: a test should kill it"
        print(f"  {file}:{number} {mutator} `{code}`\n      {reason}")
    if unexplained:
        print(f"==> {unexplained} of them have no recorded reason ({table})")


if __name__ == "__main__":
    main()
