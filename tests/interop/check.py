"""Opens Followup's exported .vcf and .ics in real third-party parsers.

Not part of `cargo xtask test`: it needs Python and two PyPI packages. Run it by hand
after changing `src/domain/formats/{vcard,ics,content_line}.rs`:

    cargo test -p followup --lib interop     # writes target/interop/followup.{vcf,ics}
    python3 -m venv /tmp/interop-venv
    /tmp/interop-venv/bin/pip install vobject icalendar
    /tmp/interop-venv/bin/python tests/interop/check.py

The files come from `interop_book()` in src/domain/formats/interop_tests.rs (four
contacts met at a fair, non-ASCII names, a long folded note, today = 2026-11-26); the
values expected below are that book's. Exits non-zero, naming the field, on any
difference or parser error.
"""

import datetime
import pathlib
import sys
from importlib.metadata import version

import icalendar
import vobject

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "target" / "interop"

failures = []


def check(what, got, expected):
    if got != expected:
        failures.append(f"{what}: got {got!r}, expected {expected!r}")


# --- vCard 3.0 with vobject ------------------------------------------------------------
vcf = (OUT / "followup.vcf").read_text(encoding="utf-8")
cards = list(vobject.readComponents(vcf, validate=True))
check("number of vCards", len(cards), 4)
by_name = {c.fn.value: c for c in cards}

LONG_NOTE_END = (
    "Follow up with: résumé, the link to my WebAssembly project, and a question about "
    "on-call; mention the talk on \"zero-downtime\" deploys. Path C:\\jobs\\acme — "
    "très important, ça vaut le coup!"
)

expected_cards = {
    "José Ángel García Núñez": dict(
        family="Ángel García Núñez", given="José", org=["Globex, Inc."],
        title="Talent Partner", email="jose.garcia@globex.example",
        tel="+34 612 345 678",
        url="https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa/",
        categories=["recruiter", "madrid"],
        note_start="Met at Foire de l'emploi, Université de Montréal on 24 Nov 2026. "
        "Talked about: Hiring for the Madrid office; likes Rust",
    ),
    "Zoë Ødegaard-Łukasiewicz": dict(
        family="Ødegaard-Łukasiewicz", given="Zoë", org=["Acme; Platform & Infra"],
        title="Staff Engineer, Platform", email="zoe@acme.example", tel=None,
        url="https://www.linkedin.com/in/zoe-odegaard/", categories=None,
        note_start="Met at Foire de l'emploi, Université de Montréal on 24 Nov 2026. "
        "Talked about: WebAssembly at the edge, and her team's on-call rotation\n\n"
        "Asked about the summer internship (backend, Rust or Go); she said",
    ),
    "山田 太郎": dict(
        family="太郎", given="山田", org=["株式会社サンプル"], title="エンジニア",
        email=None, tel="+81 90-1234-5678", url=None, categories=None,
        note_start="Met on 20 Nov 2026. Talked about: 日本語の話: 東京オフィス",
    ),
    "Anna-Lena Müller": dict(
        family="Müller", given="Anna-Lena", org=None, title=None,
        email="anna.mueller@uni.example", tel=None, url=None, categories=None,
        note_start="Met on 26 Nov 2026.",
    ),
}

for name, want in expected_cards.items():
    card = by_name.get(name)
    if card is None:
        failures.append(f"vCard FN {name!r} missing; got {sorted(by_name)}")
        continue
    check(f"{name}: VERSION", card.version.value, "3.0")
    check(f"{name}: N family", card.n.value.family, want["family"])
    check(f"{name}: N given", card.n.value.given, want["given"])
    value = lambda key: card.contents[key][0].value if key in card.contents else None
    check(f"{name}: ORG", value("org"), want["org"])
    check(f"{name}: TITLE", value("title"), want["title"])
    check(f"{name}: EMAIL", value("email"), want["email"])
    if "email" in card.contents:
        check(f"{name}: EMAIL TYPE", card.email.params.get("TYPE"), ["INTERNET"])
    check(f"{name}: TEL", value("tel"), want["tel"])
    check(f"{name}: URL", value("url"), want["url"])
    check(f"{name}: X-SOCIALPROFILE", value("x-socialprofile"), want["url"])
    if want["url"]:
        check(f"{name}: X-SOCIALPROFILE type",
              card.contents["x-socialprofile"][0].params.get("TYPE"), ["linkedin"])
    check(f"{name}: CATEGORIES", value("categories"), want["categories"])
    note = value("note")
    if not note.startswith(want["note_start"]):
        failures.append(f"{name}: NOTE starts {note[:90]!r}, expected {want['note_start']!r}")
zoe_note = by_name["Zoë Ødegaard-Łukasiewicz"].note.value
if not zoe_note.endswith(LONG_NOTE_END):
    failures.append(f"Zoë: the long folded NOTE ends {zoe_note[-120:]!r}")
print(f"vobject {version('vobject')}: {len(cards)} vCards parsed and validated")
for card in cards:
    print(f"  {card.fn.value} | N={card.n.value.family};{card.n.value.given}"
          f" | note {len(card.note.value)} chars")

# --- iCalendar with icalendar ----------------------------------------------------------
ics = (OUT / "followup.ics").read_bytes()
cal = icalendar.Calendar.from_ical(ics)
check("VERSION", str(cal.get("VERSION")), "2.0")
check("PRODID", str(cal.get("PRODID")), "-//Followup//Follow-ups//EN")
events = list(cal.walk("VEVENT"))
today = datetime.datetime(2026, 11, 26, 9, 0)
tomorrow = datetime.datetime(2026, 11, 27, 9, 0)
expected_events = {
    "c-anna-connect@followup": (today, "Connect on LinkedIn with Anna-Lena Müller"),
    "c-anna-email@followup": (tomorrow, "Send the follow-up email to Anna-Lena Müller"),
    "c-jose-email@followup": (today, "Send the follow-up email to José Ángel García Núñez"),
    "c-zoe-connect@followup": (today, "Connect on LinkedIn with Zoë Ødegaard-Łukasiewicz"),
    "c-zoe-email@followup": (today, "Send the follow-up email to Zoë Ødegaard-Łukasiewicz"),
    "c-taro-connect@followup": (today, "Connect on LinkedIn with 山田 太郎"),
    "c-taro-email@followup": (today, "Send the follow-up email to 山田 太郎"),
}
check("VEVENT UIDs", sorted(str(e["UID"]) for e in events), sorted(expected_events))
print(f"icalendar {version('icalendar')}: {len(events)} VEVENTs parsed")
for event in events:
    uid = str(event["UID"])
    start, what = expected_events.get(uid, (None, None))
    dtstart = event.decoded("DTSTART")
    check(f"{uid}: DTSTART", dtstart, start)
    check(f"{uid}: DTSTART is floating", dtstart.tzinfo, None)
    check(f"{uid}: DTEND", event.decoded("DTEND"), start + datetime.timedelta(minutes=15))
    check(f"{uid}: DTSTAMP", event.decoded("DTSTAMP"),
          datetime.datetime(2026, 11, 26, 8, 15, tzinfo=datetime.timezone.utc))
    check(f"{uid}: SUMMARY", str(event["SUMMARY"]), f"Follow up: {what}")
    alarms = list(event.walk("VALARM"))
    check(f"{uid}: VALARM count", len(alarms), 1)
    for alarm in alarms:
        check(f"{uid}: VALARM ACTION", str(alarm["ACTION"]), "DISPLAY")
        check(f"{uid}: VALARM TRIGGER", alarm.decoded("TRIGGER"), datetime.timedelta(0))
        check(f"{uid}: VALARM TRIGGER RELATED", alarm["TRIGGER"].params.get("RELATED"), "START")
    if event.errors:
        failures.append(f"{uid}: icalendar reported {event.errors}")
    print(f"  {uid} | {dtstart.isoformat()} | {event['SUMMARY']} | alarm "
          f"{alarms[0].decoded('TRIGGER') if alarms else None}")
jose = next(e for e in events if str(e["UID"]) == "c-jose-email@followup")
check("José: DESCRIPTION", str(jose["DESCRIPTION"]),
      "José Ángel García Núñez, Talent Partner at Globex, Inc. Met at Foire de l'emploi, "
      "Université de Montréal on 24 Nov 2026. Talked about: Hiring for the Madrid office; "
      "likes Rust")
if cal.errors:
    failures.append(f"calendar: icalendar reported {cal.errors}")

if failures:
    print("\nFAILED:")
    for failure in failures:
        print(f"  {failure}")
    sys.exit(1)
print("OK: both files parse and every checked field matches.")
