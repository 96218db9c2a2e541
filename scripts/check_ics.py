#!/usr/bin/env python3
"""Reads an iCalendar feed with the `icalendar` package (a real RFC 5545 parser, from PyPI) and
prints what it understood as JSON, for tests to compare with what vanban meant to write.

Checks on the raw text first: CRLF line ends and content lines of at most 75 octets. Then parses
it, and for every VEVENT gives its UID, DTSTAMP, DTSTART, RRULE, SUMMARY and DESCRIPTION (text
unescaped by the parser) and the first occurrences its RRULE yields (python-dateutil, which
icalendar depends on).

Usage: check_ics.py FILE [--occurrences N]
Exit codes: 0 read, 1 not valid, 3 the icalendar package is not installed (pip install icalendar).
"""
import argparse, datetime, json, sys

try:
    import icalendar
    from dateutil.rrule import rrulestr
except ImportError:
    print("python icalendar is not installed (pip install icalendar)", file=sys.stderr)
    sys.exit(3)


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--occurrences", type=int, default=3)
    args = parser.parse_args()
    raw = open(args.file, "rb").read()
    if not raw.endswith(b"\r\n") or raw.replace(b"\r\n", b"").count(b"\n") or raw.replace(b"\r\n", b"").count(b"\r"):
        fail("content lines must end in CRLF")
    for number, line in enumerate(raw.split(b"\r\n"), 1):
        if len(line) > 75:
            fail(f"line {number} has {len(line)} octets (at most 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            fail(f"line {number} splits a UTF-8 character")
    calendar = icalendar.Calendar.from_ical(raw)
    if calendar.name != "VCALENDAR" or str(calendar.get("VERSION")) != "2.0" or not calendar.get("PRODID"):
        fail("not a VCALENDAR with VERSION 2.0 and a PRODID")
    events = []
    for event in calendar.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART"):
            if event.get(required) is None:
                fail(f"a VEVENT has no {required}")
        start = event.decoded("DTSTART")
        rule = event.get("RRULE")
        occurrences = [start.isoformat()]
        if rule is not None:
            text = rule.to_ical().decode()
            first = datetime.datetime.combine(start, datetime.time())
            occurrences = [day.date().isoformat() for day in rrulestr(text, dtstart=first)[:args.occurrences]]
        events.append({
            "uid": str(event["UID"]),
            "dtstamp": event.decoded("DTSTAMP").isoformat(),
            "start": start.isoformat(),
            "end": event.decoded("DTEND").isoformat() if event.get("DTEND") is not None else None,
            "rrule": rule.to_ical().decode() if rule is not None else None,
            "occurrences": occurrences,
            "summary": str(event.get("SUMMARY", "")),
            "description": str(event.get("DESCRIPTION", "")),
        })
    print(json.dumps({"events": events}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
