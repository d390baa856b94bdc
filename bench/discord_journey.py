"""Walk a journey file (bench/qa_inputs_*_journey21.txt) through the real Discord adapter against
the fake Discord over a copy of content/ (clock 10 May 2026): admins, moderators and members,
slash commands, buttons, menus, autocomplete, mentions, DMs, threads and replies; each step's
reply dumped as a member sees it (bench/discord_replies_dump.show), ephemeral marked, for reading.

    PYTHONPATH=. python bench/discord_journey.py bench/qa_inputs_X_journey21.txt out.txt
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.discord_replies_dump import show

ROOT = Path(__file__).resolve().parents[1]

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
BAD = "---\ntitle: [unclosed\nauthor: x\n---\n<p>body</p>\n"


def parse_options(text: str, fake: Any, channels: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for part in filter(None, (t.strip() for t in text.split(";"))):
        key, value = part.split("=", 1)
        if key == "channel":
            out[key] = channels[value]
        elif value in ("True", "False"):
            out[key] = value == "True"
        elif value.isdigit():
            out[key] = int(value)
        else:
            out[key] = value
    return out


async def run(steps: list[tuple[str, str, str]], tmp: Path) -> list[str]:
    from bot.discord.app import create_bot
    from bot.settings import Settings
    from tests.fakeclock import FakeClock
    from tests.fakediscord import FakeDiscord
    from tests.fakediscord.payloads import MANAGE_MESSAGES

    content = tmp / "content"
    shutil.copytree(ROOT / "content", content)
    settings = Settings(
        content_dir=content,
        articles_db=tmp / "articles.db",
        state_database_url=f"sqlite:///{tmp}/state.db",
        discord_token="fake-bot-token",
        cooldown_queries=1000,
        cooldown_seconds=30,
    )
    fake = FakeDiscord(timeout=60.0, interaction_deadline=None)
    await fake.start()
    mod = fake.add_user("mod")
    mod_role = fake.add_role(fake.guild, "Mods", MANAGE_MESSAGES)
    fake.add_member(fake.guild, mod, roles=[mod_role.id])
    member2 = fake.add_user("member2", member_of=fake.guild)
    channels = {
        "general": fake.channel,
        "picks": fake.add_channel(fake.guild, "picks"),
    }
    thread = fake.add_channel(fake.guild, "coral-chat", type=11, parent_id=fake.channel.id)
    users = {"admin": fake.admin, "mod": mod, "member": fake.member, "member2": member2}
    out: list[str] = []
    last: dict[str, Any] | None = None
    try:
        bot = await fake.start_bot(
            create_bot(
                settings,
                guild_ready_timeout=0.05,
                clock=FakeClock(datetime(2026, 5, 10, 12, tzinfo=UTC)),
            )
        )
        for role, action, arg in steps:
            user = users[role]
            head = f"## {role} | {action} | {arg}"
            msgs: list[dict[str, Any]] = []
            eph = False
            try:
                if action.startswith("file"):
                    verb, name = action.split()[1], arg
                    path = content / f"zz-{name}.md"
                    if verb == "rm":
                        path.unlink()
                    else:
                        path.write_text(GOOD if verb == "add" else BAD)
                    out.append(f"{head}\n(file {verb} {path.name})\n")
                    continue
                if action.startswith("slash"):
                    name = action.split(None, 1)[1]
                    opts = parse_options(arg, fake, channels)
                    r = await fake.invoke(name, opts, user=user)
                    msgs, eph = r.messages or [r.message], r.ephemeral
                elif action == "ask":
                    r = await fake.invoke("ask", {"question": arg}, user=user)
                    msgs, eph = r.messages or [r.message], r.ephemeral
                elif action in ("mention", "thread", "reply", "dm"):
                    text = f"{fake.bot_user.mention} {arg}".strip()
                    chan = {"thread": thread, "dm": fake.dm_channel(user)}.get(action, fake.channel)
                    if action == "dm":
                        text = arg
                    ref = last if action == "reply" else None
                    if action == "reply":
                        chan = fake.find_channel(int(last["channel_id"]))[1] or thread
                    replies = await fake.send_message(text, author=user, channel=chan, reply_to=ref)
                    await asyncio.sleep(0.3)
                    msgs = replies.messages
                elif action.startswith("click"):
                    label = action.split(None, 1)[1] if " " in action else arg
                    comps = [c for row in last.get("components") or [] for c in row["components"]]
                    hit = [
                        c for c in comps if label in (c.get("label") or c.get("placeholder") or "")
                    ]
                    if not hit:
                        out.append(f"{head}\n(no component {label!r})\n")
                        continue
                    c = hit[0]
                    vals = [c["options"][0]["value"]] if c["type"] == 3 else None
                    r = await fake.click(last, c["custom_id"], user=user, values=vals)
                    msgs, eph = r.messages or [r.message], r.ephemeral
                elif action == "choose":
                    comps = [c for row in last.get("components") or [] for c in row["components"]]
                    menu = [c for c in comps if c["type"] == 3][0]
                    v = menu["options"][int(arg)]["value"]
                    r = await fake.click(last, menu["custom_id"], user=user, values=[v])
                    msgs, eph = r.messages or [r.message], r.ephemeral
                elif action.startswith("auto"):
                    _, cmd, option = action.split()
                    choices = await fake.autocomplete(cmd, option, arg, user=user)
                    out.append(f"{head}\nCHOICES: {[c['name'] for c in choices]}\n")
                    continue
            except Exception as exc:  # a step that fails is a finding, not the end of the walk
                out.append(f"{head}\nDRIVER ERROR: {exc!r}\n")
                continue
            msgs = [m for m in msgs if m]
            body = "\n".join(("[EPHEMERAL]\n" if eph else "") + show(m) for m in msgs)
            out.append(f"{head}\n{body or '(no reply)'}\n")
            if msgs:  # the message the next "click"/"choose" step acts on
                last = msgs[-1]
        # what the picks channel holds
        posted = [m for m in fake.message_log if int(m["channel_id"]) == channels["picks"].id]
        out.append("## #picks channel\n" + "\n".join(show(m) for m in posted) + "\n")
        del bot
    finally:
        await fake.close()
    if fake.errors:
        out.append("FAKE ERRORS: " + "\n".join(fake.errors))
    return out


def main() -> None:
    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    steps = []
    for line in src.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        role, action, arg, *_ = (p.strip() for p in line.split("|"))
        steps.append((role, action, arg))
    with tempfile.TemporaryDirectory() as tmp:
        out = asyncio.run(run(steps, Path(tmp)))
    dst.write_text("\n".join(out))


if __name__ == "__main__":
    main()
