#!/usr/bin/env python3
"""Writes a made-up news archive for the scaling tests: N short articles
about a few dozen invented events, each told by several articles in other
words, with absolute, relative and fuzzy dates, so that the timeline has
rows to merge across documents.  The same seed gives the same archive.

    archive.py DIR N          DIR/a0001.txt ... and DIR/dates.csv (doc,dct;
                              doc as DIR/a0001.txt, DIR as given)
    archive.py --jsonl FILE N  one object per article: id, date, text
"""
import json
import os
import random
import sys

MONTHS = ("January February March April May June July August September "
          "October November December").split()
PLACES = ["Harwick", "Lonsdale", "Marrow Bay", "Eastfield", "Pellam",
          "Quarry Hill", "Ostby", "Rennick", "Tolland", "Wexmoor"]
BODIES = ["the city council", "the port authority", "the school board",
          "the water utility", "the regional court", "the transit agency"]
ACTS = [("approved", "the budget for the new ferry terminal"),
        ("rejected", "a plan to close the northern library"),
        ("opened", "an inquiry into the bridge contract"),
        ("announced", "a freeze on bus fares"),
        ("postponed", "the vote on the harbour wall"),
        ("signed", "a lease for the old grain depot")]
LEADS = ["Officials said that", "According to minutes of the meeting,",
         "Residents were told that", "In a statement, a spokesperson said"]


def event_sentence(rng, event, day):
    place, body, (verb, what) = event
    forms = [
        "On %s %d, %d, %s of %s %s %s." % (
            MONTHS[day[1] - 1], day[2], day[0], body, place, verb, what),
        "%s %s of %s %s %s on %d %s %d." % (
            rng.choice(LEADS), body, place, verb, what, day[2],
            MONTHS[day[1] - 1], day[0]),
        "%s of %s %s %s in %s %d." % (
            body.capitalize(), place, verb, what, MONTHS[day[1] - 1],
            day[0]),
    ]
    return rng.choice(forms)


def filler(rng, event):
    place = event[0]
    return rng.choice([
        "Turnout at the meeting in %s was low." % place,
        "Two weeks later the minutes were published.",
        "A further hearing is expected next month.",
        "The decision followed several months of debate in %s." % place,
        "Local traders have complained for years about the delays.",
        "The plan will be reviewed again in the spring.",
    ])


def articles(n, seed=7):
    rng = random.Random(seed)
    events = []
    for i in range(40):
        day = (2015 + i % 9, 1 + (i * 5) % 12, 1 + (i * 7) % 28)
        events.append(((PLACES[i % len(PLACES)], BODIES[i % len(BODIES)],
                        ACTS[i % len(ACTS)]), day))
    for k in range(n):
        told = rng.sample(events, 3)
        last = max(day for _, day in told)
        dct = "%04d-%02d-%02d" % (last[0], last[1], min(28, last[2] + 3))
        parts = []
        for event, day in told:
            parts.append(event_sentence(rng, event, day))
            parts.append(filler(rng, event))
        yield "a%04d" % (k + 1), dct, " ".join(parts) + "\n"


def main(argv):
    if len(argv) == 4 and argv[1] == "--jsonl":
        with open(argv[2], "w", encoding="utf-8") as out:
            for name, dct, text in articles(int(argv[3])):
                out.write(json.dumps({"id": name, "date": dct, "text": text})
                          + "\n")
        return 0
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    os.makedirs(argv[1], exist_ok=True)
    with open(os.path.join(argv[1], "dates.csv"), "w") as dates:
        dates.write("doc,dct\n")
        for name, dct, text in articles(int(argv[2])):
            with open(os.path.join(argv[1], name + ".txt"), "w") as f:
                f.write(text)
            # Named as the files will be on the command line.
            dates.write("%s,%s\n" % (os.path.join(argv[1], name + ".txt"),
                                     dct))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
