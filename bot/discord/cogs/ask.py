"""/ask, /search, /help and answering mentions: questions in, answer cards out."""

from __future__ import annotations

import contextlib
import logging
import re
import uuid
from collections.abc import Hashable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import render
from bot.discord.deadline import in_time
from bot.discord.guidance import commands_named, help_embed, next_steps_embed, typed
from bot.discord.pager import Pager
from bot.discord.reply import reply_to, send
from bot.discord.views import GONE, answer_view, article_reply, menu, menu_view, next_steps_view
from bot.search.filters import missing_name
from bot.search.followup import Topic
from bot.search.query import COMPARE
from bot.search.results import Answer

if TYPE_CHECKING:
    from bot.discord.client import ArticleBot

log = logging.getLogger("articlebot.discord")

EVERYWHERE = {"guilds": True, "dms": True, "private_channels": True}
# Discord's "Copy Message Link": a link to a message (in a server or a DM), not an article's.
MESSAGE_LINK = re.compile(
    r"<?https?://(?:(?:ptb|canary)\.)?discord(?:app)?\.com/channels/(?:\d+|@me)/\d+/(?P<id>\d+)>?"
)
UNKNOWN_MESSAGE = (
    "That links to a Discord message, and I can't open messages by their link (I only "
    "remember my own answers for a while). Reply to the message instead, or ask in words."
)
# Discord's block quote: "> " quotes a line, ">>> " the rest of the message.
_QUOTE_LINE = re.compile(r"^\s*>(?:>>)?\s?")
_WORD = re.compile(r"\w+")
# Discord's markdown a member sees rendered, not as typed: a masked link "[text](url)"
# shows its text only, and "# ", "## ", "### " (headings) and "-# " (small print) open a
# line without being read. Their marks and a hidden address are no words of the question
# (journey27: "[click me](https://…) what is cop30" searched the address's words and found
# nothing).
_MASKED_LINK = re.compile(r"\[([^\[\]\n]+)\]\(<?https?://[^\s()<>]+>?\)")
_LINE_MARK = re.compile(r"^[ \t]*(?:#{1,3}|-#)[ \t]+", re.M)
# A quote is the article's when all its words but this share are the article's.
QUOTE_WORDS_OUTSIDE = 0.15


class AskCog(commands.Cog, name="Ask"):
    """Questions and searches over the article library."""

    def __init__(self, bot: ArticleBot) -> None:
        self.bot = bot

    # -- what the replies hold -------------------------------------------------------------

    def _answer_card(self, answer: Answer) -> discord.Embed:
        """The answer with the question's key words in bold in its passage."""
        text, bold = self.bot.service.shown_passage(answer)
        return render.answer_embed(replace(answer, passage=text or None), bold)

    def _answered(self, answer: Answer, owner: int) -> tuple[discord.Embed, discord.ui.View | None]:
        """The reply to an answered question: the newest articles for "what's new?", the
        two articles of "compare A with B" as a list, else the answer card. A period's or an
        author's list ("articles from 2021", "articles by NAME") is headed by what it lists."""
        if listed := answer.listed:  # "what's new?", a period's or an author's articles
            embed = render.list_pages(answer.passage or "Newest articles", listed)[0]
            if answer.more_of_tag:  # "750 articles tagged rust": the newest few, then /tag
                render.more_in_tag(embed, answer.more_of_tag, len(listed))
            return embed, menu_view("card", listed, "Open one…", owner)
        if answer.wants == COMPARE and len(answer.alternatives) > 1:  # "compare A with B"
            return render.compared_embed(answer), menu_view(
                "card", answer.alternatives, "Open one…", owner
            )
        card = self._answer_card(answer)
        if answer.tentative and (
            named := commands_named(answer.question, self._moderators_commands(), exact=True)
        ):
            # "Reload the library" only half-matched an article: the command asked for
            # first (journey26: the Library of Things was the closest match).
            card.description = "\n".join([*named, "", card.description or ""])
            card = render.fit(card)
        return card, answer_view(answer, owner)

    async def _nothing_found(
        self, question: str, owner: int | None, member: Hashable
    ) -> tuple[discord.Embed, discord.ui.View | None]:
        steps = await self.bot.service.next_steps(question)
        # The articles offered are the list the member saw last: "the second one".
        self.bot.conversations.offered([a.slug for a in steps.articles], member)
        lead = f"I found nothing in the library that answers {typed(question)}."
        named = commands_named(question, self._moderators_commands())
        return next_steps_embed(steps, lead, commands=named), next_steps_view(steps, owner)

    def _commands(self) -> list[tuple[str, str, list[str], bool]]:
        """This bot's commands: name, description, subcommands, and whether for moderators."""
        out = []
        for command in self.bot.tree.get_commands():
            if not isinstance(command, app_commands.Command | app_commands.Group):
                continue
            for_moderators = command.default_permissions is not None or bool(
                command.extras.get("moderators")
            )
            subs = [c.name for c in getattr(command, "commands", [])]
            out.append((command.name, command.description, subs, for_moderators))
        return out

    def _moderators_commands(self) -> list[tuple[str, str, list[str]]]:
        """The moderators' commands of this bot: name, description, subcommands."""
        return [(n, d, subs) for n, d, subs, mod in self._commands() if mod]

    async def _help(self) -> discord.Embed:
        """Help: the commands this bot has, with examples from the loaded library."""
        me = self.bot.user
        commands = self._commands()
        everyone = [(n, d) for n, d, _, mod in commands if not mod]
        moderators = [(n, d) for n, d, _, mod in commands if mod]
        examples = await self.bot.service.examples()
        name = me.display_name if me is not None else "ArticleBot"
        return help_embed(name, examples, everyone, moderators)

    # -- commands ------------------------------------------------------------------------

    @app_commands.command(name="ask", description="Ask the library a question")
    @app_commands.describe(question="What you want to know")
    @app_commands.allowed_contexts(**EVERYWHERE)
    async def ask(
        self, interaction: discord.Interaction, question: app_commands.Range[str, 1, 1000]
    ) -> None:
        # Answers normally take milliseconds; under a burst, acknowledge ("thinking…")
        # before Discord's 3 s run out, then send the answer as a follow-up.
        talk = self.bot.conversations
        member = (interaction.channel_id, interaction.user.id)
        answer = await in_time(interaction, self.bot.service.ask(question, talk.about(member)))
        talk.answered(answer, member)
        if answer.reply is not None:  # small talk
            await send(interaction, render.reply_content(answer.reply))
            return
        if answer.article is None:
            embed, view = await self._nothing_found(question, None, member)
            await send(interaction, embed=embed, view=view, ephemeral=True)
            return
        embed, view = self._answered(answer, interaction.user.id)
        await send(interaction, embed=embed, view=view)

    @app_commands.command(name="search", description="Search the library by title, tag or text")
    @app_commands.describe(
        query='Words, a title, tag:NAME, author:NAME, date:2021 or "an exact phrase"'
    )
    @app_commands.allowed_contexts(**EVERYWHERE)
    async def search(
        self, interaction: discord.Interaction, query: app_commands.Range[str, 1, 1000]
    ) -> None:
        if hint := missing_name(query):
            await send(interaction, embed=render.error_embed(hint), ephemeral=True)
            return
        service = self.bot.service
        response = await service.search(query, limit=25)
        hits = response.hits
        if not hits:
            steps = await service.next_steps(query, response)
            embed = next_steps_embed(steps, f"Nothing found for {typed(query)}.", searching=True)
            await send(interaction, embed=embed, view=next_steps_view(steps), ephemeral=True)
            return
        size = render.PAGE_SIZE

        def page_menu(p: int) -> Any:
            return menu("card", hits[p * size : (p + 1) * size], "Open a result…")

        pages = render.search_pages(response, size)
        await Pager.start(interaction, pages, timeout=self.bot.view_timeout, items=page_menu)

    @app_commands.command(name="help", description="What I can do, with examples to try")
    @app_commands.allowed_contexts(**EVERYWHERE)
    async def help(self, interaction: discord.Interaction) -> None:
        await send(interaction, embed=await self._help(), ephemeral=True)

    # -- mentions --------------------------------------------------------------------------

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Answer "@bot question" in channels (and any message in a DM) like /ask, as a reply."""
        me = self.bot.user
        if me is None or message.author.bot or message.author.id == me.id:
            return
        # The bot's own role (the one Discord makes when it joins, named like it) addresses
        # it too: Discord's @ autocomplete offers it beside the bot, and members pick either
        # (journey22: "@ArticleBot how many toasters…?" as the role got no reply).
        own_role = message.guild.self_role if message.guild is not None else None
        by_role = own_role is not None and own_role in message.role_mentions
        if message.guild is not None and me not in message.mentions and not by_role:
            return
        question = re.sub(rf"<@!?{me.id}>", " ", message.content or "")
        if own_role is not None:
            question = question.replace(own_role.mention, " ")
        question = as_seen(question).strip()
        try:
            await self._answer_mention(message, question)
        except Exception:
            trace = uuid.uuid4().hex[:8]
            log.exception("unexpected error (trace id %s) answering a mention", trace)
            with contextlib.suppress(discord.HTTPException):
                await reply_to(
                    message, embed=render.error_embed(f"Sorry, something went wrong (id {trace}).")
                )

    def _typed_command(self, text: str) -> tuple[str, str] | None:
        """A slash command of this bot typed into a message ("@ArticleBot /search heat
        pumps", "/picks now" in a DM): its name and the rest; None for anything else (a
        path such as "/usr/bin/go" names no command)."""
        m = re.match(r"/([a-z]+)\b\s*(.*)", text, re.S | re.I)
        if m is None:
            return None
        names = {c.name for c in self.bot.tree.get_commands()}
        name = m.group(1).lower()
        return (name, m.group(2).strip()) if name in names else None

    async def _answer_mention(self, message: discord.Message, question: str) -> None:
        if typed := self._typed_command(question):
            # Typed as text, a command is not run: "/ask …" is its question, "/help" the
            # help; any other says how commands are run rather than searching "/picks now".
            name, rest = typed
            if name not in ("ask", "help"):
                await reply_to(
                    message,
                    f"`/{name}` is a command: type `/{name}` in the message box and choose "
                    "it from the list that appears. In a message, ask me in plain words.",
                )
                return
            question = rest if name == "ask" else ""
        if not question:
            await self._reply(message, await self._help(), None)
            return
        if self.bot.cooldown.hit(message.author.id) is not None:
            # A public "slow down" reply would be noise in the channel: react instead.
            with contextlib.suppress(discord.HTTPException):
                await message.add_reaction("\N{HOURGLASS WITH FLOWING SAND}")
            return
        talk = self.bot.conversations
        member = (message.channel.id, message.author.id)
        # A reply to one of the bot's answers is about that answer's article; so is a
        # message pasting the link to one (Discord's "Copy Message Link", journey23).
        ref = message.reference.message_id if message.reference is not None else None
        if linked := MESSAGE_LINK.search(question):
            question = MESSAGE_LINK.sub(" ", question).strip()
            topic = talk.about(("reply", int(linked["id"])))
            slug = topic.slug if topic is not None else None
            if slug is not None:  # one of its answers: what the words ask is about it
                ref = int(linked["id"])
            if not question:  # the link alone: that answer's article again, if it is one
                if slug is not None:
                    await self._linked_answer(message, slug, member)
                else:
                    await reply_to(message, UNKNOWN_MESSAGE)
                return
        about = (talk.about(("reply", ref)) if ref is not None else None) or talk.about(member)
        question = await self._quoting_back(question, about)
        answer = await self.bot.service.ask(question, about)
        talk.answered(answer, member)
        if answer.reply is not None:  # small talk
            await reply_to(message, render.reply_content(answer.reply))
            return
        if answer.article is None:
            found = await self._nothing_found(question, message.author.id, member)
            await self._reply(message, *found)
            return
        sent = await self._reply(message, *self._answered(answer, message.author.id))
        # (With the member's key: a byline or link reply goes on from the text shown before.)
        talk.answered(answer, member, ("reply", sent.id))

    async def _linked_answer(self, message: discord.Message, slug: str, member: Hashable) -> None:
        """The card of the article of one of the bot's answers whose link was pasted alone;
        the conversation is about it then ("who wrote it?")."""
        article = await self.bot.service.article(slug)
        if article is None:  # removed since the answer
            await reply_to(message, embed=render.error_embed(GONE))
            return
        self.bot.conversations.opened(article.slug, member)
        embed, view = await article_reply(
            self.bot.service, article, "card", owner=message.author.id
        )
        await reply_to(message, embed=embed, view=view)

    async def _quoting_back(self, question: str, about: Topic | None) -> str:
        """The member's own words of a message that quotes the conversation's article back
        ("> We fixed 212 toasters this year" then "who is she?", journey23): the quote
        shows what they ask about, which the conversation holds already, and its words
        read as the question's sent the answer elsewhere. A quote of anything else (another
        member's words) is part of what is asked, as typed."""
        lines = question.splitlines()
        quoted: list[str] = []
        own: list[str] = []
        rest_quoted = False
        for line in lines:
            if rest_quoted or _QUOTE_LINE.match(line):
                rest_quoted = rest_quoted or line.lstrip().startswith(">>>")
                quoted.append(_QUOTE_LINE.sub("", line))
            else:
                own.append(line)
        said = " ".join(own).strip()
        if not quoted or not said or about is None or about.slug is None:
            return question
        article = await self.bot.service.article(about.slug)
        if article is None:
            return question
        words = _WORD.findall(" ".join(quoted).casefold())
        held = set(
            _WORD.findall(f"{article.title} {article.description or ''} {article.text}".casefold())
        )
        outside = sum(w not in held for w in words)
        return said if words and outside <= QUOTE_WORDS_OUTSIDE * len(words) else question

    async def _reply(
        self, message: discord.Message, embed: discord.Embed, view: discord.ui.View | None
    ) -> discord.Message:
        return await reply_to(message, embed=embed, view=view)


def as_seen(text: str) -> str:
    """A message's text as Discord shows it, as far as its words go: a masked link's text
    without its hidden address, lines without their heading or small-print marks."""
    return _LINE_MARK.sub("", _MASKED_LINK.sub(r"\1", text))


async def setup(bot: ArticleBot) -> None:
    await bot.add_cog(AskCog(bot))
