"""Odd articles for bench/discord_journey.py, written for it (no corpus text): each is put
into the walk's temporary copy of content/ as zz-NAME.md by a "file add NAME" step.

- good / bad: a well-formed article and broken YAML (journey21);
- ping: mentions in title, description, body and a quote (@everyone, @here, a role, a user);
- markdown: Discord markdown in title and text (bold, code, fences, spoilers, links, "#");
- longtitle: a 330-character title, a 1,500-character description, 30 tags, a long byline;
- emoji: emoji in the title and body;
- french: a French article (accents, « » quotes, a tag with an accent);
- good2: the kites article updated (a new figure), to follow a card across a reload;
- dup: the kites article again, word for word (a second file an admin copied in by mistake).
"""

from __future__ import annotations

GOOD = """---
title: Harbour festival flies a record three hundred kites
author: Ines Walcott
date: '2026-05-02T09:00:00.000Z'
description: The harbour festival flew 312 kites on Saturday, a record for the town.
link: https://example.org/harbour-kites
tags: [community, events]
---
<p>The harbour festival flew 312 kites on Saturday, beating last year's record of 240.</p>
<p>“We ran out of string twice,” said organiser Tomas Reyes.</p>
"""

GOOD2 = GOOD.replace("312", "355")

BAD = "---\ntitle: [unclosed\nauthor: x\n---\n<p>body</p>\n"

PING = """---
title: "@everyone should know: Millbrook bins move to Tuesdays"
author: Priya Nandakumar
date: '2026-04-20T08:00:00.000Z'
description: "@here the council moved bin collection to Tuesdays; <@&111111111111111111> please share."
link: https://example.org/bins-tuesday
tags: [community, council]
---
<p>From June, Millbrook's bins will be collected on Tuesdays instead of Fridays, the council
said on Monday. The change affects 4,300 homes.</p>
<p>“Tell @everyone on your street: bins go out on Monday night from now on,” said councillor
Priya Nandakumar. “And @here means everybody here, <@222222222222222222> included.”</p>
<p>Residents who miss the first Tuesday collection can take bags to the depot on Mill Lane,
which opens at 7am. Ping <@&111111111111111111> in the town forum with questions.</p>
"""

MARKDOWN = """---
title: "Why **bold** and `code` break chat bots: a *markdown* guide for __moderators__"
author: Jo Ahlberg
date: '2026-04-25T10:00:00.000Z'
description: "A guide to ~~broken~~ **markdown**, ||spoilers|| and [links](https://evil.example) in chat."
link: https://example.org/markdown-guide
tags: [guides, community]
---
<p>Chat apps read **stars** as bold and __underscores__ as underline, so a title with
*asterisks* can come out mangled.</p>
<pre><code>```python
print("a code fence inside an article")
```</code></pre>
<p># This line is not a heading, and &gt; this is not a quote.</p>
<p>“Never trust a ``` fence in someone else's text,” said trainer Jo Ahlberg, who has
taught 48 moderators this year. “Escape every ||spoiler|| and [link](https://evil.example).”</p>
<p>Ahlberg's course runs for 6 weeks and costs nothing for volunteer moderators.</p>
"""

_LONG_TITLE = (
    "The extraordinarily long and winding story of how a small volunteer group in the hill "
    "town of Caer Wendle spent eleven years restoring a Victorian tramway, a signal box, "
    "three carriages, a water tower and a station clock, and what the town learned about "
    "patience, funding, heritage law and the sheer weight of cast iron along the way"
)
LONGTITLE = f"""---
title: "{_LONG_TITLE}"
author: "{"Bartholomew Augustin Fitzwilliam-Montgomery of the Caer Wendle Tramway Trust " * 4}"
date: '2026-04-28T10:00:00.000Z'
description: "{("The Caer Wendle tramway reopened after eleven years of volunteer work. " * 22).strip()}"
link: https://example.org/caer-wendle-tramway
tags: [{", ".join(f"tramway-topic-{i:02d}" for i in range(28))}, heritage, transport]
---
<p>The Caer Wendle tramway carried its first passengers in 61 years on Sunday, after 140
volunteers spent eleven years restoring 2.4 kilometres of track.</p>
<p>“The signal box alone took us four winters,” said volunteer Gwen Arbuthnot. “Cast iron is
heavier than anyone tells you.”</p>
<p>The trust raised £1.9 million, most of it in small donations.</p>
"""

EMOJI = """---
title: "🌊 Winter sea swimmers 🏊 brave the 6 degree tide 🥶"
author: Cai Morgan
date: '2026-01-05T09:00:00.000Z'
description: 87 swimmers 🏊 went into the sea on New Year's Day at 6 °C 🥶.
link: https://example.org/sea-swim
tags: [sport, health]
---
<p>Eighty-seven swimmers 🏊 braved a 6 °C sea at Porth Bay on New Year's Day, a record for the
club 🎉.</p>
<p>“It is cold for ten seconds and glorious for ten minutes 😄,” said club captain Cai Morgan.</p>
"""

FRENCH = """---
title: Le marché de Noël de Lyon attire un record de visiteurs
author: Élodie Dupré
date: '2025-12-20T09:00:00.000Z'
description: Le marché de Noël de Lyon a accueilli 1,2 million de visiteurs cette année.
link: https://example.org/lyon-noel
tags: [événements, community]
---
<p>Le marché de Noël de Lyon a accueilli 1,2 million de visiteurs cette année, un record
depuis sa création en 1998.</p>
<p>« Nous avons vendu 40 000 verres de vin chaud », a déclaré l'organisatrice Élodie Dupré.</p>
"""

ARTICLES = {
    "good": GOOD,
    "good2": GOOD2,
    "dup": GOOD,
    "bad": BAD,
    "ping": PING,
    "markdown": MARKDOWN,
    "longtitle": LONGTITLE,
    "emoji": EMOJI,
    "french": FRENCH,
}
