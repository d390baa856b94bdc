"""Every question of a qa_inputs file asked through the real Discord adapter against the fake
Discord (tests/fakediscord), as /ask (a "+" line: as a mention in the same channel, so the
conversation carries on), and the message a member sees dumped: content, embeds' title,
description, fields, footer, and components. For reading replies as presentation.

    PYTHONPATH=. python bench/discord_replies_dump.py bench/qa_inputs_X.txt out.txt

Libraries: "content" (a copy of content/, clock 10 May 2026) and "mixed"
(../shared/corpus/real + blogs, copied to a temporary folder, today's clock).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.discord_session import (
    bot_settings,
    input_lines,
    library_folder,
    library_now,
    started_fake,
)


def show(msg: dict[str, Any]) -> str:
    out = []
    if msg.get("content"):
        out.append("CONTENT: " + msg["content"])
    for e in msg.get("embeds") or []:
        for key in ("author", "title", "url", "description"):
            v = e.get(key)
            if isinstance(v, dict):
                v = v.get("name")
            if v:
                out.append(f"EMBED.{key}: {v}")
        for f in e.get("fields") or []:
            out.append(f"FIELD[{f['name']}]: {f['value']}")
        if e.get("footer") or e.get("timestamp"):
            # Discord shows the timestamp after the footer, in the reader's own time.
            stamp = (e.get("timestamp") or "")[:10]
            out.append(
                "FOOTER: " + " · ".join(filter(None, [(e.get("footer") or {}).get("text"), stamp]))
            )
        if e.get("thumbnail") or e.get("image"):
            out.append("IMAGE: yes")
    for row in msg.get("components") or []:
        for c in row.get("components") or []:
            emoji = (c.get("emoji") or {}).get("name") or ""
            label = " ".join(filter(None, [emoji, c.get("label") or c.get("placeholder")]))
            opts = [o.get("label") for o in c.get("options") or []]
            out.append(
                f"COMPONENT type={c.get('type')} {label!r} {c.get('url') or ''} {opts or ''}"
            )
    return "\n".join(out)


async def run(library: str, questions: list[str], tmp: Path) -> list[str]:
    from bot.discord.app import create_bot
    from tests.fakeclock import FakeClock

    content = library_folder(library, tmp / library)
    now = library_now(library)
    settings = bot_settings(content, tmp / library)
    fake = await started_fake()
    out = []
    try:
        await fake.start_bot(create_bot(settings, guild_ready_timeout=0.05, clock=FakeClock(now)))
        for q in questions:
            if q.startswith("+"):
                replies = await fake.send_message(f"{fake.bot_user.mention} {q[1:]}")
                msg = replies.messages[-1]
            else:
                msg = (await fake.invoke("ask", {"question": q})).message
            out.append(f"## [{library}] {q}\n{show(msg)}\n")
    finally:
        await fake.close()
    if fake.errors:
        out.append("FAKE ERRORS: " + "\n".join(fake.errors))
    return out


def main() -> None:
    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    by_library: dict[str, list[str]] = {}
    last = ""
    for line in input_lines(src):
        if line.startswith("+"):
            by_library[last].append(line)
            continue
        last, q = line.split("|", 1)
        by_library.setdefault(last, []).append(q)
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for library, questions in by_library.items():
            out += asyncio.run(run(library, questions, Path(tmp)))
    dst.write_text("\n".join(out))


if __name__ == "__main__":
    main()
