#!/usr/bin/env python3
"""check-stdout.py KIND FILE [--raw]: whether FILE is well-formed output of
kind csv, tsv, jsonl, empty or any (tests/bad-input/README.md).  Prints
the first problem and exits 1, or exits 0.

csv: UTF-8, RFC 4180 (quoted fields only where needed quotes may appear,
"" inside them, every record ended by a line break), a header, every record
as many fields as the header, and no cell a live spreadsheet formula (one
starting with = + - @ TAB or CR, longer than one character) unless --raw."""
import json
import sys

FORMULA = ('=', '+', '-', '@', '\t', '\r')


def records(text):
    """The records of RFC 4180 text, or raises ValueError(line, message)."""
    rows, row, field = [], [], []
    i, n, line = 0, len(text), 1
    while i < n:
        c = text[i]
        if c == '"' and not field:
            # A quoted field: up to the closing quote.
            i += 1
            start_line = line
            while True:
                if i >= n:
                    raise ValueError(start_line, 'unterminated quoted field')
                if text[i] == '"':
                    if i + 1 < n and text[i + 1] == '"':
                        field.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                if text[i] == '\n':
                    line += 1
                field.append(text[i])
                i += 1
            field.append('')  # marks the field as quoted, even if empty
            if i < n and text[i] not in ',\r\n':
                raise ValueError(line, 'text after a closing quote')
            continue
        if c == ',':
            row.append(''.join(field))
            field = []
        elif c == '\n' or (c == '\r' and text.startswith('\r\n', i)):
            row.append(''.join(field))
            rows.append((line, row))
            row, field = [], []
            if c == '\r':
                i += 1
            line += 1
        elif c == '"':
            raise ValueError(line, 'a quote inside an unquoted field')
        elif c == '\r':
            raise ValueError(line, 'a bare CR outside quotes')
        else:
            field.append(c)
        i += 1
    if field or row:
        raise ValueError(line, 'the last record has no line break')
    return rows


def live_formula(cell):
    return len(cell) > 1 and cell.startswith(FORMULA)


def check_table(rows, raw):
    if not rows:
        return 'no header'
    width = len(rows[0][1])
    for line, row in rows:
        if len(row) != width:
            return 'line %d: %d fields, the header has %d' % (
                line, len(row), width)
        if not raw:
            for cell in row:
                if live_formula(cell):
                    return 'line %d: live formula %r' % (line, cell[:60])
    return None


def check(kind, data, raw):
    if kind == 'any':
        return None
    if kind == 'empty':
        return None if not data else 'not empty (%d bytes)' % len(data)
    try:
        text = data.decode('utf-8')
    except UnicodeDecodeError as e:
        return 'not UTF-8 at byte %d' % e.start
    if kind == 'csv':
        try:
            rows = records(text)
        except ValueError as e:
            return 'line %d: %s' % e.args
        return check_table(rows, raw)
    if kind == 'tsv':
        if text and not text.endswith('\n'):
            return 'the last line has no line break'
        rows = [(i + 1, l.split('\t'))
                for i, l in enumerate(text.split('\n')[:-1])]
        return check_table(rows, raw)
    if kind == 'jsonl':
        for i, l in enumerate(text.splitlines()):
            try:
                if not isinstance(json.loads(l), dict):
                    return 'line %d: not a JSON object' % (i + 1)
            except ValueError as e:
                return 'line %d: %s' % (i + 1, e)
        return None
    return 'unknown stdout kind %r' % kind


def main():
    args = [a for a in sys.argv[1:] if a != '--raw']
    if len(args) != 2:
        sys.exit('usage: check-stdout.py csv|tsv|jsonl|empty|any FILE [--raw]')
    with open(args[1], 'rb') as f:
        problem = check(args[0], f.read(), '--raw' in sys.argv)
    if problem:
        print(problem)
        sys.exit(1)


if __name__ == '__main__':
    main()
