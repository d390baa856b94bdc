"""Replies that show a member where to go: /help, and what to try when nothing was found.

Pure functions over what the service returns (its examples and next steps); no network.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import discord

from bot.discord.render import (
    ACCENT,
    FIELD_VALUE,
    WARN,
    clean,
    cut,
    fit,
    format_tags,
    plain,
    plural,
)
from bot.search.typed import clip
from bot.service import Examples, NextSteps

QUERY_SHOWN = 200  # characters of what the member typed, quoted back to them


def read_back(text: str, limit: int, *, marked: bool = True) -> str:
    """Of what a member typed, the part the bot read (search.typed.clip: a long message's
    last question, else its start), at most about `limit` characters, "…" where it was cut.

    journey22: a 1,900-character message ending "…anyway, how many kites flew?" was quoted
    back by its first words, though the question read was its last. `marked` False: no
    leading "…" (a command to copy)."""
    whole = " ".join(text.split())
    part = clip(whole, limit)
    if whole.startswith(part):
        return cut(whole, limit)  # the start: cut at a word, with "…"
    if not marked:
        return part
    return "…" + part + ("" if whole.endswith(part) else "…")


def typed(text: str) -> str:
    """What a member typed, quoted back inertly."""
    return f"“{clean(read_back(text, QUERY_SHOWN))}”"


def code(text: str, limit: int = 120) -> str:
    """Text to show inside `code` (a command to copy): one line, no mention, no backtick
    (a code fence typed into a question is dropped rather than shown as quotes to copy)."""
    return " ".join(plain(re.sub(r"`+", " ", read_back(text, limit, marked=False))).split())


# What a server that has not added articles yet is told, instead of what to try.
EMPTY_LIBRARY = "The library is empty for now: an admin adds articles and runs /reload."


def commands_named(
    question: str, commands: Sequence[tuple[str, str, Sequence[str]]], *, exact: bool = False
) -> list[str]:
    """Lines pointing to the moderators' commands (name, description, subcommands) a
    message names by their name, or its singular ("post picks every morning at 9", "stop
    the daily picks", "reload the library"): a message changes no setting, and the
    library has no article on the bot's own commands, so "nothing found" alone left
    journey26's moderator guessing. `exact`: by the name only ("pick" is everyday English:
    a closest match for "which heat pump should I pick" gets no line). The subcommands the
    message names are the ones to choose ("can u skip tomorrows pick": `skip`; journey27
    was offered `channel`, `time`, `tags`, `role`…), else the first few."""
    said = {w.lower() for w in re.findall(r"[A-Za-z]+", question)}
    lines = []
    for name, description, subcommands in commands:
        if name in said or (not exact and name.endswith("s") and name[:-1] in said):
            named = [s for s in subcommands if s in said and s != name]
            choose = ", ".join(f"`{s}`" for s in named or subcommands[:4])
            then = f" and choose {choose}{'' if named else '…'}" if choose else ""
            lines.append(
                f"`/{name}` — {description[:1].lower()}{description[1:]}: type `/{name}` in"
                f" the message box{then}; a message changes no setting."
            )
    return lines


def next_steps_embed(
    steps: NextSteps, lead: str, *, searching: bool = False, commands: Sequence[str] = ()
) -> discord.Embed:
    """`lead` ("Nothing found for …") and what to try instead: did-you-mean, the closest
    tags, a search with the words (not after a search) and the articles in the menu below
    (what the search finds, else the newest). `searching`: the reply to a /search. With no
    newest article to offer the library is empty, and saying so is all there is to try
    (journey23: a new server's first question was told to /search other words).
    `commands`: lines pointing to a moderators' command the message named (commands_named)."""
    if not steps.articles and not steps.tags:
        return discord.Embed(description=EMPTY_LIBRARY, colour=WARN)
    lines = [lead, *commands]
    if steps.suggestions:
        names = ", ".join(f"**{cut(clean(s), 100)}**" for s in steps.suggestions)
        lines.append(f"Did you mean {names}?")
    if steps.tags:
        lines.append(f"Tags like it: {format_tags(steps.tags)} — `/tag` lists one.")
    words = code(steps.text, 100)
    if steps.searched and steps.articles:
        found = plural(len(steps.articles), "article")
        lines.append(f"`/search {words}` finds {found}: open one from the menu below.")
    elif steps.articles:
        # "Fewer words" of one word ("/tag nosuchtag") is advice that cannot be taken.
        fewer = not searching and len(steps.text.split()) > 1
        other = f"Try `/search {words}` with fewer words" if fewer else "Try other words"
        lines.append(f"{other}, or start from the newest articles in the menu below.")
    elif not searching:
        lines.append(f"Try `/search {words}` with other words.")
    return fit(discord.Embed(description="\n".join(lines), colour=WARN))


def help_embed(
    name: str,
    examples: Examples,
    commands: Sequence[tuple[str, str]],
    moderators: Sequence[tuple[str, str]] = (),
) -> discord.Embed:
    """/help: what to try, with examples from the loaded library, then the commands
    (name, description) for everyone and for moderators."""
    me = cut(clean(name), 80)
    tries = []
    if examples.question:
        tries.append(f"Ask a question: `/ask {code(examples.question)}` or @{me} with it")
    if examples.title:
        tries.append(f"Open an article: `/article {code(examples.title)}`")
    if examples.tag:
        tries.append(f"Browse a tag: `/tag {code(examples.tag)}`")
    if not tries:
        tries.append(EMPTY_LIBRARY)
    embed = discord.Embed(
        title=f"{me} — answers from the article library",
        description="\n".join(f"• {t}" for t in tries),
        colour=ACCENT,
    )
    embed.add_field(name="Commands", value=_command_lines(commands), inline=False)
    if moderators:
        embed.add_field(name="For moderators", value=_command_lines(moderators), inline=False)
    return fit(embed)


def _command_lines(commands: Sequence[tuple[str, str]]) -> str:
    return cut("\n".join(f"`/{code(n)}` — {clean(d)}" for n, d in commands), FIELD_VALUE)
