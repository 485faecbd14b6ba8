#!/usr/bin/env python3
"""seeds.py HARNESS DIR [--no-known]: writes a seed corpus for fuzz-HARNESS into DIR.

Seeds come only from this repository: fixtures/, tests/golden/,
tests/cases/ and the examples of grammar/en/rules/, all written for the
project.  The rows of the normalize and timeline harnesses are TAB-separated
in the column order of common/dl-record.c, read from there so that a new
column does not shift the seeds (fuzz/README.md)."""
import csv
import io
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read(path):
    with open(os.path.join(ROOT, path), encoding='utf-8') as f:
        return f.read()


def listdir(path, suffix):
    full = os.path.join(ROOT, path)
    return sorted(os.path.join(path, n) for n in os.listdir(full)
                  if n.endswith(suffix))


def format_columns(name):
    """The header names of a format, in order, from common/dl-record.c."""
    src = read('common/dl-record.c')
    names = dict(re.findall(r'\[(DL_COL_\w+)\] = "(\w+)"', src))
    body = re.search(r'static const DlColumn %s_columns\[\] = \{(.*?)\};'
                     % name, src, re.S).group(1)
    return [names[c] for c in re.findall(r'DL_COL_\w+', body)]


def examples():
    """(rule file, text with [spans], expected forms) of every example."""
    for path in listdir('grammar/en/rules', '.rules'):
        for line in read(path).splitlines():
            if not line.startswith('example '):
                continue
            text, _, forms = line[len('example '):].partition(' -> ')
            yield path, text, [f.strip() for f in forms.split(' ; ')
                               if f.strip()]


def case_texts():
    """The texts of tests/cases/*.cases, with their [spans]."""
    for path in listdir('tests/cases', '.cases'):
        for line in read(path).splitlines():
            parts = line.split(' | ')
            if len(parts) >= 3 and not line.startswith('#'):
                yield parts[0].split()[0], parts[1]


def plain(text):
    return text.replace('[', '').replace(']', '')


def spans(text):
    return re.findall(r'\[([^\]]*)\]', text)


def csv_rows(path):
    return list(csv.DictReader(io.StringIO(read(path))))


def tab_line(columns, row):
    return '\t'.join(str(row.get(c, '')).replace('\t', ' ')
                     .replace('\n', ' ') for c in columns)


def text_seeds():
    seeds = [read(p) for p in listdir('fixtures', '.txt')
             if 'bad-utf8' not in p]
    seeds += [plain(t) for _, t, _ in examples()]
    seeds += [plain(t) for _, t in case_texts()]
    # Shapes of text the issue names: logs and lists without full stops,
    # a BOM, CRLF lines.
    seeds.append(''.join('2021-03-05 10:%02d server restarted\n' % i
                         for i in range(20)))
    seeds.append('\ufeffOn 5 March 2021 it rained.\r\nIt stopped on Friday.\r\n')
    seeds.append('- 2019: founded\n- 2020: first office\n- 2100: net zero\n')
    # Days at the edges of the calendar (issue 8, finding 4).
    seeds.append('The lease runs until 31 December 9999. In 10 years it '
                 'ends; the day after, a new one begins.\n')
    seeds.append('On 1 January 1 AD it began. Three days earlier, '
                 'recently, it was planned.\n')
    return seeds


def timeml(body, dct):
    return ('<?xml version="1.0" ?>\n<TimeML>\n<DOCID>SEED</DOCID>\n'
            '<DCT><TIMEX3 tid="t0" type="DATE" value="%s" '
            'functionInDocument="CREATION_TIME">%s</TIMEX3></DCT>\n'
            '<TEXT>\n%s\n</TEXT>\n</TimeML>\n' % (dct, dct, body))


def timeml_seeds():
    seeds = [read(p) for p in listdir('fixtures', '.tml')]
    n = 0
    for _, text, forms in examples():
        n += 1
        parts = iter(range(1, 100))
        body = re.sub(r'\[([^\]]*)\]',
                      lambda m: '<TIMEX3 tid="t%d" type="DATE" value="X">'
                                '%s</TIMEX3>' % (next(parts), m.group(1)),
                      text.replace('&', '&amp;'))
        dct = ['1998-03-12', '2025-06-07', '19980312', 'bad'][n % 4]
        seeds.append(timeml('<s><EVENT eid="e1">%s</EVENT></s>' % body, dct))
    for dct in ['9999-12-31', '0001-01-01']:
        seeds.append(timeml('It will close in 10 years; prices rose '
                            'recently and three days ago.', dct))
    # An unclosed tag (issue 8, finding 5).
    seeds.append(timeml('It began on <TIMEX3 tid="t1" March 5, 1997 and '
                        'ended on <EVENT eid="e1">May 2</EVENT>.',
                        '1998-01-01'))
    return seeds


def csv_seeds():
    seeds = []
    paths = (listdir('fixtures', '.csv') + listdir('tests/golden', '.csv')
             + ['tests/cases/anchors.csv', 'grammar/en/anchors.csv'])
    for p in paths:
        lines = read(p).splitlines(keepends=True)
        seeds.append(''.join(lines[:40]))
    seeds.append('\ufeff' + read('fixtures/extra-column.csv'))
    seeds.append('doc,form\r\n"a ""quoted"" doc","2022\r\nmod=END"\r\n')
    return seeds


def anchors_seeds():
    seeds = [read('fixtures/harbor-anchors.csv'),
             read('tests/cases/anchors.csv')]
    lines = read('grammar/en/anchors.csv').splitlines(keepends=True)
    for i in range(1, len(lines), 25):
        seeds.append(lines[0] + ''.join(lines[i:i + 25]))
    seeds.append('name,earliest,latest,aliases\n'
                 'Still ongoing,2020-01-01,9999-12-31,ongoing\n'
                 'First day,0001-01-01,0001-01-01,\n')
    return seeds


def normalize_seeds():
    columns = format_columns('mentions')
    seeds = []
    for p in ['tests/golden/harbor.mentions.csv',
              'tests/golden/sample.mentions.csv', 'fixtures/extra-column.csv']:
        seeds.append('\n'.join(tab_line(columns, r) for r in csv_rows(p)))
    odd = csv_rows('fixtures/odd-forms.csv')
    for i in range(0, len(odd), 20):
        seeds.append('\n'.join(tab_line(columns, r) for r in odd[i:i + 20]))
    # The examples of each rule file as one document, its forms as rows.
    by_file = {}
    for path, text, forms in examples():
        context = plain(text)
        for mention, form in zip(spans(text), forms):
            by_file.setdefault(path, []).append(tab_line(columns, {
                'doc': 'd', 'dct': '2025-06-07', 'mention': mention,
                'form': form, 'context': context, 'line': 1,
                'sentence': len(by_file.get(path, [])) + 1}))
    opts = ['', '#r\n', '#ns\n', '#f\n']
    for n, rows in enumerate(by_file.values()):
        for i in range(0, len(rows), 30):
            seeds.append(opts[(n + i) % 4] + '\n'.join(rows[i:i + 30]))
    # Days at the edges of the calendar (issue 8, finding 4).
    seeds.append('\n'.join(
        tab_line(columns, {'doc': 'e', 'dct': dct, 'form': form,
                           'mention': 'x', 'context': 'It will end ' + form})
        for dct in ['9999-12-31', '0001-01-01']
        for form in ['P10Y at=+', 'PAST_REF', 'UNDEF-REF-day-MINUS-3',
                     'UNDEF-next-year', 'P3M at=-', 'UNDEF-last-week']))
    # A long anchor phrase (issue 8, finding 3).
    phrase = ' '.join('w%d' % i for i in range(1500))
    seeds.append(tab_line(columns, {
        'doc': 'l', 'dct': '2025-06-07', 'form': 'ANCHOR-day-MINUS-3',
        'mention': 'three days', 'anchor': phrase,
        'context': 'Three days before ' + phrase}))
    return seeds


def timeline_seeds():
    columns = format_columns('ranges')
    seeds = []
    rows = csv_rows('tests/golden/harbor.ranges.csv')
    seeds.append('\n'.join(tab_line(columns, r) for r in rows))
    seeds.append('#\n' + '\n'.join(tab_line(columns, r) for r in rows[:5]))
    if KNOWN:
        # Columns a timeline should not trust (issue 8, finding 2).
        bad = [{'doc': 'b', 'start': 1, 'line': 1, 'mention': 'May',
                'value': '2013-05', 'earliest': e, 'latest': l,
                'granularity': 'day', 'certainty': c, 'type': 'DATE'}
               for e, l, c in [('2013-05', '2013-05', 'exact'),
                               ('not-a-date', '2013-02-30', 'fuzzy'),
                               ('2014-01-01', '2013-01-01', 'maybe')]]
        seeds.append('\n'.join(tab_line(columns, r) for r in bad))
    return seeds


SEEDS = {
    'extract': text_seeds,
    'dateline': text_seeds,
    'timeml': timeml_seeds,
    'csv': csv_seeds,
    'anchors': anchors_seeds,
    'normalize': normalize_seeds,
    'timeline': timeline_seeds,
}


# --no-known leaves out the seeds that reproduce findings of issue 8 not
# yet fixed (the CI run passes it; drop it when they are).
KNOWN = '--no-known' not in sys.argv


def main():
    sys.argv = [a for a in sys.argv if a != '--no-known']
    if len(sys.argv) != 3 or sys.argv[1] not in SEEDS:
        sys.exit('usage: seeds.py %s DIR [--no-known]' % '|'.join(SEEDS))
    out = sys.argv[2]
    os.makedirs(out, exist_ok=True)
    seen = set()
    for seed in SEEDS[sys.argv[1]]():
        data = seed.encode('utf-8')
        if data in seen:
            continue
        seen.add(data)
        with open(os.path.join(out, 'seed-%04d' % len(seen)), 'wb') as f:
            f.write(data)
    print('%s: %d seeds in %s' % (sys.argv[1], len(seen), out))


if __name__ == '__main__':
    main()
