#!/usr/bin/env python3
"""Lists the top-level declarations of Swift files and names the files that break "one type per file".

    scripts/top-level-types.py            # every file under Sources/ and Tests/ that declares two
                                          # top-level types that are not private, or one not named
                                          # after its file; exit status 1 if there is any
    scripts/top-level-types.py FILE...    # each file's top-level declarations, one a line:
                                          # first line, last line, kind, name, private or not

A small lexer, not a parser: it follows braces outside comments, string literals (plain, multi-line,
raw, with interpolations) and regex literals, and takes a line at brace depth 0 that starts with a
declaration keyword (after attributes and modifiers) as a declaration. Doc comments and attribute
lines directly above belong to it.
"""
import os
import re
import sys

TYPE_KINDS = {"struct", "enum", "class", "actor", "protocol"}
DECL = re.compile(
    r"^(?:@\w+(?:\([^)]*\))?\s+)*"
    r"(?P<mods>(?:(?:public|package|internal|private|fileprivate|final|open|nonisolated|indirect)\s+)*)"
    r"(?P<kind>struct|enum|class|actor|protocol|extension|func|let|var|typealias)\s+"
    r"(?P<name>[A-Za-z_][\w.]*)"
)


def depths(text):
    """The brace depth at the start of each line, and whether the line starts inside a comment or string."""
    result = []
    depth = 0
    i = 0
    n = len(text)
    # A stack of contexts: ("code", brace depth when entered) for interpolations, ("str", hashes, multi).
    stack = []
    block = 0  # nesting of /* */
    result.append((0, False))
    prev_significant = ""
    while i < n:
        c = text[i]
        if c == "\n":
            result.append((depth, block > 0 or bool(stack and stack[-1][0] == "str")))
            i += 1
            continue
        if block:
            if text.startswith("/*", i):
                block += 1
                i += 2
            elif text.startswith("*/", i):
                block -= 1
                i += 2
            else:
                i += 1
            continue
        if stack and stack[-1][0] == "str":
            _, hashes, multi = stack[-1]
            close = ('"""' if multi else '"') + "#" * hashes
            if text.startswith("\\" + "#" * hashes + "(", i):
                stack.append(("code", 0))
                i += 2 + hashes
                continue
            if text.startswith("\\" + "#" * hashes, i) and text[i + 1 + hashes: i + 2 + hashes] not in ("", "\n"):
                i += 2 + hashes
                continue
            if text.startswith(close, i):
                stack.pop()
                i += len(close)
                prev_significant = '"'
                continue
            i += 1
            continue
        # code
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if text.startswith("/*", i):
            block = 1
            i += 2
            continue
        m = re.match(r'(#*)("""|")', text[i:])
        if m:
            stack.append(("str", len(m.group(1)), m.group(2) == '"""'))
            i += len(m.group(0))
            continue
        if c == "/" and prev_significant in "(,:=[{" and i + 1 < n and text[i + 1] not in " /*=":
            j = i + 1
            while j < n and text[j] != "\n":
                if text[j] == "\\" and text[j + 1: j + 2] != "\n":
                    j += 2
                    continue
                if text[j] == "/":
                    break
                j += 1
            if j < n and text[j] == "/":
                i = j + 1
                prev_significant = "/"
                continue
        if stack and stack[-1][0] == "code":
            if c == "(":
                stack[-1] = ("code", stack[-1][1] + 1)
            elif c == ")":
                if stack[-1][1] == 0:
                    stack.pop()
                    i += 1
                    continue
                stack[-1] = ("code", stack[-1][1] - 1)
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        if not c.isspace():
            prev_significant = c
        i += 1
    return result


def declarations(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    lines = text.split("\n")
    states = depths(text)
    found = []
    for number, line in enumerate(lines):
        depth, inside = states[number]
        if depth != 0 or inside:
            continue
        match = DECL.match(line.strip())
        if not match:
            continue
        start = number
        while start > 0:
            above = lines[start - 1].strip()
            if states[start - 1][0] == 0 and not states[start - 1][1] and (above.startswith("//") or above.startswith("@")):
                start -= 1
            else:
                break
        private = bool(re.search(r"\b(private|fileprivate)\b", match.group("mods")))
        found.append([start, number, match.group("kind"), match.group("name"), private])
    # Each declaration runs to the line before the next one starts, less trailing blank lines.
    for index, declaration in enumerate(found):
        end = found[index + 1][0] - 1 if index + 1 < len(found) else len(lines) - 1
        while end > declaration[1] and not lines[end].strip():
            end -= 1
        declaration.append(end)
    return [(start + 1, end + 1, kind, name, private) for start, _, kind, name, private, end in found]


def offenders(roots):
    bad = []
    for root in roots:
        for folder, _, files in os.walk(root):
            for file in sorted(files):
                if not file.endswith(".swift"):
                    continue
                path = os.path.join(folder, file)
                types = [d for d in declarations(path) if d[2] in TYPE_KINDS and not d[4]]
                stem = file[: -len(".swift")]
                if len(types) > 1:
                    bad.append(f"{path}: {', '.join(d[3] for d in types)}")
                elif len(types) == 1 and types[0][3] != stem and "+" not in stem:
                    bad.append(f"{path}: {types[0][3]} is not named after the file")
    return bad


def main(arguments):
    if arguments:
        for path in arguments:
            for start, end, kind, name, private in declarations(path):
                print(f"{path}:{start}-{end} {kind} {name}{' private' if private else ''}")
        return 0
    here = os.path.dirname(os.path.abspath(__file__))
    bad = offenders([os.path.join(here, "..", "Sources"), os.path.join(here, "..", "Tests")])
    for line in bad:
        print(os.path.relpath(line.split(":")[0]) + ":" + line.split(":", 1)[1])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
