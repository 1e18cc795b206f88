#!/usr/bin/env python3
"""Deterministic inputs for Benchmarks/contacts.md (written to a folder outside the repo).

    generate.py linkedin OUT/Connections.csv [ROWS]   # LinkedIn export, current layout
    generate.py mbox OUT/mailbox.mbox [MEGABYTES]     # an mbox with realistic headers

Same arguments, same bytes: every choice comes from random.Random(seed).
"""
import base64
import random
import sys

FIRST = ["Anna", "Lena", "Max", "Paul", "Zoë", "Jörg", "Ines", "Karl", "Grace", "Oluwaseun",
         "Lotte", "Jonas", "Émilie", "François", "Søren", "Małgorzata", "Chen", "Priya", "José",
         "Sarah", "David", "Laura", "Thomas", "Julia", "Marco", "Sofía", "Ahmed", "Yuki", "Olga", "Luca"]
LAST = ["Müller", "Becker", "Vogel", "Keller", "Garcia", "Schmidt", "Taylor", "Boateng", "Hendriks",
        "Weber", "Dubois", "Nielsen", "Kowalska", "Wang", "Patel", "Fernández", "Smith", "Jones",
        "Rossi", "Novak", "Kim", "Tanaka", "Ivanova", "O'Brien", "van der Berg", "Schäfer", "Lefèvre"]
COMPANIES = ["Acme Retail", "Kessler, Voss & Partner", "Wren Assurance", "Nordlicht GmbH",
             "Globex", "Initech", "Umbrella Logistics", "Stark Industries", "Müller & Söhne AG",
             "Blue Harbor Capital", "Pied Piper", "Hooli", "Vandelay Industries", ""]
POSITIONS = ["Account Executive", "VP Sales, EMEA", "Sales Manager", "Key Account Manager",
             "Head of Procurement", "CFO", "Business Development Representative", "Partner",
             "Customer Success Manager", "Director, Strategic Partnerships", ""]
# A million connections need a million-ish distinct names and many employers, or the
# name+organisation rule would (rightly) merge namesakes at the same company.
LAST_STEMS = ["Berg", "Lind", "Holm", "Sand", "Fisch", "Wag", "Schmid", "Hoff", "Brand", "Kauf",
              "Rich", "Stein", "Wald", "Feld", "Bau", "Kr\u00fcg", "M\u00f6ll", "Nord", "Ost", "West",
              "Hart", "Lang", "Kurz", "Gold", "Silb", "Eich", "Bir", "Ros", "Lilj", "Dahl",
              "Fors", "Ek", "Sj\u00f6", "Mar", "Bel", "Mont", "Riv", "Cast", "Font", "Vill"]
LAST_ENDS = ["", "er", "mann", "son", "sen", "str\u00f6m", "qvist", "berg", "ard", "ier", "elli", "ez",
             "ino", "ova", "ski", "wicz", "ley", "ton", "ford", "well", "ing", "hold", "inger", "aux", "et"]
COMPANY_STEMS = ["Acme", "Nord", "Blue", "Wren", "Fjord", "Kessler", "Globex", "Initech", "Umbrella", "Stark",
                 "Harbor", "Pied", "Hooli", "Vandelay", "Cedar", "Birch", "Heron", "Aurora", "Danube", "Silva",
                 "Corvid", "Nova", "Apex", "Kite", "Drift", "Saffron", "Arcadia", "Boreal", "Neckar", "Vista",
                 "Pinnacle", "Anchor", "Brightline", "Orbit", "Summit", "Lumen", "Quarry", "Meridian", "Tidal", "Ember"]
COMPANY_MIDDLES = ["", " Retail", " Logistics", " Capital", " Energie", " Solar", " Freight", " Components",
                   " Maschinenbau", " Werke", " Markt", " Power", " Software", " Pharma", " Foods", " Textil",
                   " Partners", " Analytics", " Systems", " Medical", " Bank", " Versicherung", " Media",
                   " Robotics", " Chemie", " Bau", " Consulting", " Labs", " Mobility", " Telecom"]
COMPANY_SUFFIXES = [" GmbH", " AG", " Inc.", " Ltd", " SA", " & Partner", ", Voss & Co", " SE"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
PREAMBLE = ('Notes:\n"When exporting your connection data, you may notice that some of the email '
            'addresses are missing. You will only see email addresses for connections who have '
            'allowed their connections to see or download their email address using this setting '
            'https://www.linkedin.com/psettings/privacy/email. You can learn more here '
            'https://www.linkedin.com/help/linkedin/answer/261"\n\n')


def csv_field(text):
    if any(c in text for c in ',"\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def slug(text):
    return "".join(c if c.isascii() and c.isalnum() else "-" for c in text.lower()).strip("-")


def linkedin(path, rows):
    rng = random.Random(5)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(PREAMBLE)
        out.write("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n")
        for row in range(rows):
            r = rng.random()
            if r < 0.002:
                out.write(",,,,,,\n")  # blank row, as LinkedIn writes them
                continue
            first = rng.choice(FIRST)
            last = rng.choice(LAST) if rng.random() < 0.3 else rng.choice(LAST_STEMS) + rng.choice(LAST_ENDS)
            company = "" if rng.random() < 0.05 else (
                rng.choice(COMPANY_STEMS) + rng.choice(COMPANY_MIDDLES) + rng.choice(COMPANY_SUFFIXES))
            # The number makes URLs unique; 0.1 % of rows borrow another row's number, but with
            # their own names, so their URLs stay unique too (no repeated profile).
            number = row if r > 0.003 else rng.randrange(rows)
            url = f"https://www.linkedin.com/in/{slug(first)}-{slug(last)}-{number:x}"
            email = f"{slug(first)}.{slug(last)}{number}@example.com" if rng.random() < 0.12 else ""
            if r < 0.005:
                first = last = ""  # a hidden member: URL and date only
            date = f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(2008, 2025)}"
            fields = [first, last, url, email, company, rng.choice(POSITIONS), date]
            out.write(",".join(csv_field(f) for f in fields) + "\n")


def mbox(path, megabytes):
    rng = random.Random(7)
    people = []
    for i in range(20_000):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        domain = rng.choice(["acme-retail.example", "wren-assurance.example", "nordlicht.example",
                             "globex.example", "initech.example", "mail.example"])
        people.append((f"{first} {last}", f"{slug(first)}.{slug(last)}{i}@{domain}"))
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    subjects = ["Quick question", "AW: Angebot Q3", "Re: contract draft", "Meeting next week",
                "Fwd: pricing", "Réunion de lancement", "Follow-up", "Re: Re: invoice 2023-114"]
    attachment = base64.encodebytes(random.Random(9).randbytes(1024 * 1024)).decode()
    limit = megabytes * 1024 * 1024
    written = 0
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        while written < limit:
            count += 1
            sender = rng.choice(people)
            recipients = rng.sample(people, rng.choice([1, 1, 1, 2, 2, 3, 5, 8]))
            cc = rng.sample(people, rng.choice([0, 0, 0, 1, 2, 4]))
            year, month, day = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
            hour, minute, second = rng.randrange(24), rng.randrange(60), rng.randrange(60)
            weekday = days[(year * 372 + month * 31 + day) % 7]
            domain = sender[1].split("@")[1]
            message_id = f"<{year}{month:02d}{day:02d}{hour:02d}{minute:02d}.{count:x}@{domain}>"

            def name(person):
                label, address = person
                if label.isascii():
                    return f'"{label}" <{address}>' if "'" in label else f"{label} <{address}>"
                encoded = base64.b64encode(label.encode()).decode()
                return f"=?UTF-8?B?{encoded}?= <{address}>"

            lines = [f"From {sender[1]} {weekday} {MONTHS[month - 1]} {day:2d} {hour:02d}:{minute:02d}:{second:02d} {year}"]
            for hop in range(rng.randint(2, 5)):
                lines.append(f"Received: from mx{hop}.{domain} (mx{hop}.{domain} [192.0.2.{hop + 10}])\n"
                             f"\tby mail.example with ESMTPS id {count:08x}{hop}\n"
                             f"\tfor <{recipients[0][1]}>; {weekday}, {day} {MONTHS[month - 1]} {year} "
                             f"{hour:02d}:{minute:02d}:{second:02d} +0000")
            lines.append(f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={domain}; s=s1;\n"
                         f"\th=from:to:subject:date:message-id; bh={base64.b64encode(rng.randbytes(32)).decode()};\n"
                         f"\tb={base64.b64encode(rng.randbytes(128)).decode()}")
            lines.append(f"From: {name(sender)}")
            lines.append("To: " + ",\n ".join(name(p) for p in recipients))
            if cc:
                lines.append("Cc: " + ",\n\t".join(name(p) for p in cc))
            lines.append(f"Subject: {rng.choice(subjects)}")
            lines.append(f"Date: {weekday}, {day} {MONTHS[month - 1]} {year} {hour:02d}:{minute:02d}:{second:02d} "
                         f"{rng.choice(['+0100', '+0200', '-0500', '+0000', 'GMT'])}")
            lines.append(f"Message-ID: {message_id}")
            if rng.random() < 0.4:
                lines.append(f"In-Reply-To: <{year}0101{count - 1:x}@{domain}>")
            lines.append("MIME-Version: 1.0")
            kind = rng.random()
            if kind < 0.02:
                # A long one: a base64 attachment of 20 KB to 600 KB.
                size = rng.randint(20_000, 600_000)
                lines.append('Content-Type: multipart/mixed; boundary="b1"')
                lines.append("")
                lines.append("--b1\nContent-Type: text/plain; charset=utf-8\n\nPlease find the file attached.\n")
                lines.append('--b1\nContent-Type: application/pdf; name="offer.pdf"\nContent-Transfer-Encoding: base64\n')
                start = rng.randrange(len(attachment) - size)
                start -= start % 77  # whole base64 lines
                lines.append(attachment[start:start + size - size % 77].rstrip("\n"))
                lines.append("--b1--")
            else:
                lines.append("Content-Type: text/plain; charset=utf-8")
                lines.append("")
                body = [f"Hi {recipients[0][0].split()[0]},", ""]
                body += ["Thanks for your message. Let us talk about it on Thursday."] * rng.randint(1, 12)
                if rng.random() < 0.1:
                    body.append(">From what I heard, the draft is ready.")
                body += ["", sender[0]]
                lines.append("\n".join(body))
            text = "\n".join(lines) + "\n\n"
            out.write(text)
            written += len(text.encode())
    print(f"{count} messages, {written} bytes", file=sys.stderr)


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "linkedin":
        linkedin(path, int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000)
    elif kind == "mbox":
        mbox(path, int(sys.argv[3]) if len(sys.argv) > 3 else 600)
    else:
        sys.exit(f"unknown kind {kind}")
