"""The fake Discord drives a real discord.py bot end to end, and catches bad payloads."""

from __future__ import annotations

import asyncio

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.ext import commands

from bot.discord.endpoints import current_endpoints, reset_endpoints, use_endpoints
from tests.fakediscord import FakeDiscord, fake_discord  # noqa: F401  (fixture)
from tests.fakediscord.spec import spec_available

NO_MENTIONS = discord.AllowedMentions.none()
FRUITS = ["apple", "apricot", "banana", "blueberry", "cherry"]

needs_spec = pytest.mark.skipif(
    not spec_available(), reason="../shared/specs/discord-openapi.json is absent"
)


class Pager(discord.ui.View):
    """One "Next" button that turns the page by editing the message."""

    def __init__(self) -> None:
        super().__init__(timeout=60)
        self.page = 1

    @discord.ui.button(label="Next", custom_id="next", style=discord.ButtonStyle.primary)
    async def next_page(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        self.page += 1
        await interaction.response.edit_message(content=f"page {self.page}", view=self)


def make_bot() -> commands.Bot:
    """A tiny bot exercising each interaction kind the fake supports."""
    intents = discord.Intents.default()
    intents.message_content = True
    bot = commands.Bot(
        command_prefix=commands.when_mentioned,
        intents=intents,
        allowed_mentions=NO_MENTIONS,
        guild_ready_timeout=0.05,
    )

    @bot.tree.command(description="Is the bot alive?")
    async def ping(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("pong", allowed_mentions=NO_MENTIONS)

    @bot.tree.command(description="Pick a fruit")
    @app_commands.describe(name="the fruit")
    async def fruit(interaction: discord.Interaction, name: str) -> None:
        await interaction.response.send_message(f"you picked {name}")

    @fruit.autocomplete("name")
    async def fruit_names(
        interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=f, value=f) for f in FRUITS if f.startswith(current)]

    @bot.tree.command(description="Pages with a button")
    async def pages(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("page 1", view=Pager())

    @bot.tree.command(description="Slow answer")
    async def slow(interaction: discord.Interaction, times: int) -> None:
        await interaction.response.defer(thinking=True)
        await asyncio.sleep(0.01)
        await interaction.followup.send(f"done x{times}", allowed_mentions=NO_MENTIONS)

    @bot.tree.command(description="Admins only")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def admin(interaction: discord.Interaction) -> None:
        if not interaction.permissions.manage_guild:
            await interaction.response.send_message("not allowed", ephemeral=True)
            return
        await interaction.response.send_message("ok admin", ephemeral=True)

    @bot.tree.command(description="Sends an oversized embed")
    async def huge(interaction: discord.Interaction) -> None:
        await interaction.response.send_message(embed=discord.Embed(title="x" * 300))

    @bot.event
    async def setup_hook() -> None:
        await bot.tree.sync()

    @bot.event
    async def on_message(message: discord.Message) -> None:
        if bot.user in message.mentions and message.author != bot.user:
            await message.reply(f"hello {message.author.display_name}", mention_author=False)

    return bot


@pytest.fixture
async def running(fake_discord: FakeDiscord):  # noqa: F811
    bot = await fake_discord.start_bot(make_bot())
    yield fake_discord, bot


@needs_spec
async def test_bot_logs_in_and_syncs_validated_commands(running) -> None:
    fake, bot = running
    assert bot.user.id == fake.bot_user.id
    put = [r for r in fake.requests if r.method == "PUT" and r.path.endswith("/commands")]
    assert len(put) == 1 and put[0].status == 200 and put[0].errors == []
    assert put[0].operation == "bulk_set_application_commands"
    names = {c["name"] for c in fake.commands}
    assert names == {"ping", "fruit", "pages", "slow", "admin", "huge"}
    assert fake.command("admin")["default_member_permissions"] == str(1 << 5)


async def test_ping_replies_pong_without_mentions(running) -> None:
    fake, _ = running
    result = await fake.invoke("ping")
    assert result.content == "pong"
    assert result.callback.type == 4
    assert result.responses[0].body["data"]["allowed_mentions"] == {"parse": []}


async def test_autocomplete_offers_matching_choices(running) -> None:
    fake, _ = running
    choices = await fake.autocomplete("fruit", "name", "ap")
    assert [c["name"] for c in choices] == ["apple", "apricot"]
    result = await fake.invoke("fruit", {"name": "cherry"})
    assert result.content == "you picked cherry"


async def test_button_click_edits_the_message(running) -> None:
    fake, _ = running
    result = await fake.invoke("pages")
    assert result.content == "page 1"
    click = await fake.click(result, "next")
    assert click.callback.type == 7
    assert click.content == "page 2"
    assert fake.messages[int(result.message["id"])]["content"] == "page 2"
    with pytest.raises(LookupError):
        await fake.click(result, "no-such-button")


async def test_defer_then_follow_up(running) -> None:
    fake, _ = running
    result = await fake.invoke("slow", {"times": 3})
    assert result.deferred
    assert [r.kind for r in result.responses] == ["callback", "followup"]
    assert result.content == "done x3"
    assert result.responses[1].body["allowed_mentions"] == {"parse": []}


async def test_permissions_reach_the_bot(running) -> None:
    fake, _ = running
    refused = await fake.invoke("admin", user=fake.member)
    assert refused.content == "not allowed" and refused.ephemeral
    allowed = await fake.invoke("admin", user=fake.admin)
    assert allowed.content == "ok admin"


async def test_dm_invocation_has_a_user_not_a_member(running) -> None:
    fake, _ = running
    result = await fake.invoke("ping", dm=True)
    assert "guild_id" not in result.payload and result.payload["user"]["id"] == str(fake.member.id)
    assert result.content == "pong"


async def test_mention_gets_a_reply_with_allowed_mentions(running) -> None:
    fake, _ = running
    replies = await fake.send_message(f"{fake.bot_user.mention} hi there")
    (reply,) = replies.messages
    assert reply["content"] == "hello member"
    assert reply["message_reference"]["message_id"]
    sent = [r for r in fake.message_requests() if r.path.startswith("/channels/")]
    assert sent[-1].allowed_mentions == {"parse": [], "replied_user": False}


async def test_every_message_sets_allowed_mentions(running) -> None:
    fake, _ = running
    await fake.invoke("ping")
    await fake.invoke("slow", {"times": 1})
    await fake.send_message(f"{fake.bot_user.mention} hi")
    sending = fake.message_requests()
    assert len(sending) >= 3
    assert all(r.allowed_mentions is not None for r in sending)


async def test_twenty_concurrent_interactions_all_answered(running) -> None:
    fake, _ = running
    results = await asyncio.gather(*(fake.invoke("slow", {"times": i}) for i in range(20)))
    assert [r.content for r in results] == [f"done x{i}" for i in range(20)]


@needs_spec
async def test_oversized_embed_is_flagged(running) -> None:
    fake, _ = running
    result = await fake.invoke("huge", wait=False)
    await fake.wait_for(lambda: fake.errors, what="a validation error")
    errors = fake.take_errors()
    assert any("embeds/0/title" in e and "too long" in e for e in errors), errors
    assert result.callback is None  # Discord rejected it, as the real one would


@needs_spec
async def test_bogus_field_and_unknown_route_are_flagged(running) -> None:
    fake, bot = running
    channel = bot.get_channel(fake.channel.id)
    route = discord.http.Route("POST", "/channels/{channel_id}/messages", channel_id=channel.id)
    with pytest.raises(discord.HTTPException):
        await bot.http.request(route, json={"content": "x", "bogus": 1})
    with pytest.raises(discord.NotFound):
        await bot.http.request(discord.http.Route("GET", "/no/such/route"))
    errors = fake.take_errors()
    assert any("bogus" in e for e in errors), errors
    assert any("/no/such/route" in e for e in errors), errors


async def test_unregistered_command_cannot_be_invoked(running) -> None:
    fake, _ = running
    with pytest.raises(LookupError, match="not registered"):
        await fake.invoke("nope")


async def test_bot_sending_to_a_channel_without_permission_is_refused(running) -> None:
    fake, bot = running
    secret = fake.add_channel(
        fake.guild,
        "secret",
        overwrites=[{"id": str(fake.guild.id), "type": 0, "allow": "0", "deny": str(1 << 10)}],
    )
    await fake.wait_for(lambda: bot.get_channel(secret.id), what="CHANNEL_CREATE")
    with pytest.raises(discord.Forbidden):
        await bot.get_channel(secret.id).send("hi", allowed_mentions=NO_MENTIONS)


async def test_bot_sees_a_lost_permission_before_the_next_interaction(running) -> None:
    fake, bot = running
    fake.set_role_permissions(fake.guild, fake.guild.bot_role_id, 0)
    fake.set_role_permissions(fake.guild, fake.guild.id, 0)  # @everyone
    result = await fake.invoke("ping")
    assert int(result.payload["app_permissions"]) == 0
    me = bot.get_guild(fake.guild.id).me
    assert not bot.get_channel(fake.channel.id).permissions_for(me).send_messages


async def test_without_the_spec_the_fake_still_serves(monkeypatch) -> None:
    monkeypatch.setattr("tests.fakediscord.server.spec_available", lambda: False)
    fake = FakeDiscord()
    assert "not found" in fake.validation_skipped and fake.validator is None
    await fake.start()
    try:
        bot = await fake.start_bot(make_bot())
        assert (await fake.invoke("ping")).content == "pong"
        assert bot.user.id == fake.bot_user.id
    finally:
        await fake.close()


async def test_use_endpoints_is_reversible() -> None:
    original = current_endpoints()
    use_endpoints("http://127.0.0.1:1/api/v10/", "ws://127.0.0.1:1/gw")
    use_endpoints("http://127.0.0.1:1/api/v10/", "ws://127.0.0.1:1/gw")
    assert current_endpoints() == ("http://127.0.0.1:1/api/v10", "ws://127.0.0.1:1/gw")
    assert discord.http.Route("GET", "/users/@me").url == "http://127.0.0.1:1/api/v10/users/@me"
    reset_endpoints()
    assert current_endpoints() == original


async def test_fake_without_a_bot_answers_rest_and_rejects_bad_tokens() -> None:
    fake = FakeDiscord(validate=False)
    await fake.start()
    try:
        async with aiohttp.ClientSession() as http:
            headers = {"Authorization": f"Bot {fake.token}"}
            async with http.get(f"{fake.api_base}/gateway/bot", headers=headers) as resp:
                assert (await resp.json())["url"] == fake.gateway_url
            async with http.get(f"{fake.api_base}/users/@me") as resp:
                assert resp.status == 401
    finally:
        await fake.close()


def test_the_fake_refuses_embeds_over_6000_characters_together_or_more_than_ten() -> None:
    # The spec limits each part of an embed; the total is Discord's own rule.
    from tests.fakediscord.rules import embed_problems

    part = {"title": "t" * 256, "description": "d" * 2000, "fields": [{"name": "n", "value": "v"}]}
    assert embed_problems({"embeds": [part, part]}) == []  # 4516
    assert embed_problems({"embeds": [part, part, part]}) == [
        "embeds: 6774 characters of text (at most 6000)"
    ]
    assert embed_problems({"embeds": [{"title": "x"}] * 11}) == ["embeds: 11 embeds (at most 10)"]
    assert embed_problems({"content": "no embeds"}) == []
