"""Daily picks end to end: the real bot against the fake Discord, driven by a fake clock."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
import pytest_asyncio

from bot.discord.app import create_bot
from bot.discord.client import ArticleBot
from bot.discord.picks_scheduler import PicksScheduler
from bot.settings import Settings
from tests.fakeclock import FakeClock
from tests.fakediscord import Channel, FakeDiscord, Guild, User
from tests.fakediscord.fixture import running
from tests.fakediscord.payloads import MANAGE_MESSAGES, SEND_MESSAGES

try:  # the fake's REST half moved to its own module
    from tests.fakediscord.rest import DiscordError
except ImportError:  # pragma: no cover
    from tests.fakediscord.server import DiscordError  # type: ignore[no-redef]


class PicksFake(FakeDiscord):
    """The fake Discord, able to refuse posts to some channels with 403 although the
    bot's cache says it may post there (permissions changed behind its back)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.refuse_posts: set[int] = set()

    async def _create_message(self, rec: Any, args: dict[str, str]) -> tuple[int, Any]:
        if int(args["channel_id"]) in self.refuse_posts:
            raise DiscordError(403, 50013, "Missing Permissions")
        return await super()._create_message(rec, args)


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[PicksFake]:
    async with running(PicksFake()) as fake:
        yield fake


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 23, 6, 0, tzinfo=UTC))


async def start(
    fake: FakeDiscord, settings: Settings, clock: FakeClock
) -> tuple[ArticleBot, PicksScheduler]:
    """Start a bot and wait for the scheduler's first tick, so tests own the next ones."""
    bot = await fake.start_bot(create_bot(settings, clock=clock, guild_ready_timeout=0.05))
    scheduler: Any = bot.get_cog("PicksScheduler")
    # load_extension executes the module afresh, so compare by name, not class identity.
    assert type(scheduler).__name__ == "PicksScheduler"
    # The loop ticks once at start-up, then every TICK_SECONDS (longer than any test).
    await fake.wait_for(lambda: scheduler.ticks >= 1, what="the scheduler's first tick")
    return bot, scheduler


async def fast_ticks(fake: FakeDiscord, cog: Any, seconds: float = 0.02) -> None:
    """Make the running scheduler loop tick every `seconds`."""
    cog.tick.change_interval(seconds=seconds)
    cog.tick.restart()
    ticks = cog.ticks
    await fake.wait_for(lambda: cog.ticks > ticks, what="a tick at the new interval")


async def picks(
    fake: FakeDiscord, sub: str, options: dict[str, Any] | None = None, **kwargs: Any
) -> Any:
    kwargs.setdefault("user", fake.admin)
    return await fake.invoke("picks", options or {}, subcommand=sub, **kwargs)


async def configure(
    fake: FakeDiscord,
    channel: Channel,
    *,
    at: str = "09:00",
    zone: str = "UTC",
    guild: Guild | None = None,
    user: User | None = None,
) -> None:
    kwargs: dict[str, Any] = {"user": user or fake.admin}
    if guild is not None:
        kwargs["guild"] = guild
    done = await picks(fake, "channel", {"channel": channel}, **kwargs)
    assert "will be posted in" in done.content, done.content
    done = await picks(fake, "time", {"time": at, "timezone": zone}, **kwargs)
    assert f"{at} {zone}" in done.content, done.content


def posts(fake: FakeDiscord, channel: Channel) -> list[dict[str, Any]]:
    return [
        m
        for m in fake.message_log
        if int(m["channel_id"]) == channel.id and int(m["author"]["id"]) == fake.bot_user.id
    ]


def post_requests(fake: FakeDiscord, channel: Channel) -> list[Any]:
    return [
        r
        for r in fake.requests
        if r.method == "POST" and r.path == f"/channels/{channel.id}/messages"
    ]


def heading(message: dict[str, Any]) -> str:
    """The day a posted pick is the pick of: its card's first line, "📌 **Pick of …**"."""
    first = message["embeds"][0]["description"].split("\n")[0]
    return first.removeprefix("\N{PUSHPIN} ").strip("*")


def embed_text(embed: dict[str, Any]) -> str:
    parts = [embed.get("title") or "", embed.get("description") or ""]
    parts += [f"{f['name']}\n{f['value']}" for f in embed.get("fields") or []]
    return "\n".join(parts)


def assert_no_mentions_but(fake: FakeDiscord, role_id: int | None = None) -> None:
    """Every message request pings nobody, except picks pinging exactly the ping role."""
    for req in fake.message_requests():
        allowed = req.allowed_mentions
        assert allowed is not None, f"{req!r} has no allowed_mentions"
        assert allowed.get("parse") == [], f"{req!r} parses mentions: {allowed}"
        assert not allowed.get("users"), f"{req!r}: {allowed}"
        roles = [int(r) for r in allowed.get("roles") or []]
        assert roles in ([], [role_id]), f"{req!r} allows roles {roles}"
        if roles:
            assert req.json.get("content") == f"<@&{role_id}>"


# -- configure, post now, refusals ------------------------------------------------------


async def test_configure_then_post_now_with_note_ping_and_thread(
    fake: PicksFake, settings: Settings, clock: FakeClock
) -> None:
    channel = fake.add_channel(fake.guild, "picks")
    locked = fake.add_channel(
        fake.guild,
        "locked",
        overwrites=[
            {"id": str(fake.guild.id), "type": 0, "allow": "0", "deny": str(SEND_MESSAGES)}
        ],
    )
    readers = fake.add_role(fake.guild, "Readers")
    _, cog = await start(fake, settings, clock)

    refused = await picks(fake, "channel", {"channel": locked})
    assert refused.ephemeral and "cannot post" in refused.text
    assert "Send Messages" in refused.text
    # journey22: the channel was named "<​#…>" (defused like article text), not its link.
    assert f"I cannot post in <#{locked.id}>:" in refused.text
    bad_zone = await picks(fake, "time", {"time": "09:00", "timezone": "Mars/Olympus"})
    assert bad_zone.ephemeral and "Unknown timezone" in bad_zone.text
    bad_time = await picks(fake, "time", {"time": "25:00", "timezone": "UTC"})
    assert "Hour must be 00-23" in bad_time.text

    zones = await fake.autocomplete(
        "picks", "timezone", "paris", {"time": "09:00"}, subcommand="time", user=fake.admin
    )
    assert zones[0]["value"] == "Europe/Paris"
    await configure(fake, channel, at="09:30", zone="Europe/Paris")
    tagged = await picks(fake, "tags", {"tags": "Environment, community"})
    assert "`environment` `community`" in tagged.content
    none_tagged = await picks(fake, "tags", {"tags": "no-such-tag"})
    assert none_tagged.ephemeral and none_tagged.text.startswith("No article has any of the tags")
    pinged = await picks(fake, "ping", {"role": readers})
    assert f"<@&{readers.id}>" in pinged.content
    threaded = await picks(fake, "thread", {"state": "on"})
    assert "threads under picks are on" in threaded.content

    shown = await picks(fake, "show")
    text = embed_text(shown.embeds[0])
    assert shown.ephemeral
    assert f"<#{channel.id}>" in text and "09:30 Europe/Paris" in text
    assert "`environment` `community`" in text and f"<@&{readers.id}>" in text
    assert "Monday 23 November 2026 at 09:30 CET" in text  # next run, in the server's zone

    choices = await fake.autocomplete("picks", "title", "salmon", subcommand="now", user=fake.admin)
    assert choices and len(choices) <= 25
    done = await picks(fake, "now", {"title": choices[0]["value"], "note": "Read it @everyone!"})
    assert done.ephemeral and "Posted" in done.content
    [card] = posts(fake, channel)
    embed = card["embeds"][0]
    assert "salmon" in embed["title"].lower() and embed["url"].startswith("https://")
    assert heading(card) == "Pick of the day — Monday 23 November 2026"
    assert embed["thumbnail"]["url"].startswith("https://") and embed["description"]
    # Laid out like every article card: source, date as timestamp, Read link.
    assert embed["author"]["name"] and embed["timestamp"]
    [read] = [c for row in card["components"] for c in row["components"]]
    assert read["label"] == "Read" and read["style"] == 5 and read["url"] == embed["url"]
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert "Quote" in fields and "Tags" in fields
    assert "@everyone" not in fields["From the moderators"].replace("@\u200beveryone", "")
    assert card["content"] == f"<@&{readers.id}>"
    request = post_requests(fake, channel)[-1]
    assert request.json["allowed_mentions"] == {"parse": [], "roles": [readers.id]}
    thread = await fake.wait_for_request(
        lambda r: r.path == f"/channels/{channel.id}/messages/{card['id']}/threads"
    )
    assert thread.status == 201 and "salmon" in thread.json["name"].lower()

    again = await picks(fake, "now")  # the next automatic choice, never the same twice in a row
    assert "Posted" in again.content
    first, second = posts(fake, channel)
    assert second["embeds"][0]["title"] != first["embeds"][0]["title"]
    history = await cog.picks.history(fake.guild.id)
    assert [r.kind for r in history.items] == ["manual", "manual"]
    assert all(r.status == "posted" and r.message_id for r in history.items)
    assert_no_mentions_but(fake, readers.id)


async def test_non_moderator_is_refused_and_the_picks_role_lets_members_in(
    fake: PicksFake, settings: Settings, clock: FakeClock
) -> None:
    channel = fake.add_channel(fake.guild, "picks")
    mods = fake.add_role(fake.guild, "Mods")
    helper = fake.add_user("helper", member_of=None)
    fake.add_member(fake.guild, helper, roles=[mods.id])
    cleaner = fake.add_user("cleaner")
    fake.add_member(fake.guild, cleaner, permissions=MANAGE_MESSAGES)
    _, cog = await start(fake, settings, clock)

    for sub, options in [("channel", {"channel": channel}), ("now", {}), ("show", {})]:
        refused = await picks(fake, sub, options, user=fake.member)
        assert refused.ephemeral, sub
        assert "Only moderators can manage daily picks" in refused.text, sub
    assert (await cog.picks.settings(fake.guild.id)).channel_id is None
    assert posts(fake, channel) == []

    ok = await picks(fake, "channel", {"channel": channel}, user=cleaner)  # Manage Messages
    assert "will be posted in" in ok.content
    assert "Only moderators" in (await picks(fake, "skip", user=helper)).text
    await picks(fake, "role", {"role": mods})
    skipped = await picks(fake, "skip", user=helper)
    assert "will be skipped" in skipped.content
    elevate = await picks(fake, "role", user=helper)  # i.e. clear it
    assert elevate.ephemeral and "needs the Manage Messages permission" in elevate.text
    assert (await cog.picks.settings(fake.guild.id)).manager_role_id == mods.id
    assert (await cog.picks.settings(fake.guild.id)).skip_next
    assert_no_mentions_but(fake)


# -- the schedule -----------------------------------------------------------------------


async def test_scheduled_post_at_the_set_time_by_the_running_loop(
    fake: PicksFake, settings: Settings, clock: FakeClock
) -> None:
    channel = fake.add_channel(fake.guild, "picks")
    clock.set(2026, 11, 23, 8, 0, zone="Europe/Paris")
    _, cog = await start(fake, settings, clock)
    await fast_ticks(fake, cog)
    await configure(fake, channel, at="09:30", zone="Europe/Paris")

    clock.set(2026, 11, 23, 9, 29, 59, zone="Europe/Paris")
    ticks = cog.ticks
    await fake.wait_for(lambda: cog.ticks >= ticks + 3, what="three ticks")
    assert posts(fake, channel) == [], "posted before the set time"

    clock.set(2026, 11, 23, 9, 30, 5, zone="Europe/Paris")
    await fake.wait_for(lambda: posts(fake, channel), what="the scheduled pick")
    ticks = cog.ticks
    await fake.wait_for(lambda: cog.ticks >= ticks + 3, what="three more ticks")
    [card] = posts(fake, channel)
    assert heading(card) == "Pick of the day — Monday 23 November 2026"
    assert card.get("content") in ("", None)  # no ping role: no mention at all

    clock.set(2026, 11, 24, 9, 31, zone="Europe/Paris")
    await fake.wait_for(lambda: len(posts(fake, channel)) == 2, what="the next day's pick")
    # The tick that posted marks the pick posted after Discord's reply: the history is read
    # once later ticks have run, as after the first pick.
    ticks = cog.ticks
    await fake.wait_for(lambda: cog.ticks >= ticks + 3, what="three ticks after the pick")
    first, second = posts(fake, channel)
    assert heading(second) == "Pick of the day — Tuesday 24 November 2026"
    assert second["embeds"][0]["title"] != first["embeds"][0]["title"]
    history = (await cog.picks.history(fake.guild.id)).items
    assert [(r.kind, r.status) for r in history] == [("auto", "posted")] * 2
    assert_no_mentions_but(fake)


async def test_restart_mid_day_posts_late_once_and_never_twice(
    fake: PicksFake, settings: Settings, clock: FakeClock
) -> None:
    channel = fake.add_channel(fake.guild, "picks")
    clock.set(2026, 11, 23, 7, 0)
    _, cog = await start(fake, settings, clock)
    await configure(fake, channel, at="09:00", zone="UTC")
    assert await cog.run_due() == []
    await fake.stop_bot()  # down over 09:00

    clock.set(2026, 11, 23, 13, 0)
    _, cog = await start(fake, settings, clock)  # same state db: the first tick posts late
    await fake.wait_for(lambda: posts(fake, channel), what="the late pick")
    assert await cog.run_due() == []
    await fake.stop_bot()

    clock.set(2026, 11, 23, 15, 0)
    _, cog = await start(fake, settings, clock)
    assert await cog.run_due() == []
    assert len(posts(fake, channel)) == 1, "a restart posted the same day twice"
    [record] = (await cog.picks.history(fake.guild.id)).items
    assert record.status == "posted" and record.day.isoformat() == "2026-11-23"

    clock.set(2026, 11, 24, 9, 0)
    [result] = await cog.run_due()
    assert result.posted and len(posts(fake, channel)) == 2
    assert_no_mentions_but(fake)


async def test_days_with_a_daylight_saving_change(
    fake: PicksFake, settings: Settings, clock: FakeClock
) -> None:
    channel = fake.add_channel(fake.guild, "picks")
    clock.set(2026, 3, 28, 12, 0)
    _, cog = await start(fake, settings, clock)
    # 02:30 does not exist in Paris on 29 March (02:00 → 03:00) and happens twice on 25 October.
    await configure(fake, channel, at="02:30", zone="Europe/Paris")

    clock.set(2026, 3, 29, 0, 59, 59)  # 01:59:59 CET
    assert await cog.run_due() == []
    clock.set(2026, 3, 29, 1, 0, 0)  # 03:00 CEST: the first instant after the gap
    [result] = await cog.run_due()
    assert result.posted
    assert heading(posts(fake, channel)[-1]) == "Pick of the day — Sunday 29 March 2026"
    clock.set(2026, 3, 29, 21, 0)
    assert await cog.run_due() == []

    clock.set(2026, 10, 25, 0, 29, 59)  # 02:29:59 CEST
    assert await cog.run_due() == []
    clock.set(2026, 10, 25, 0, 30)  # the first 02:30
    [result] = await cog.run_due()
    assert result.posted
    assert heading(posts(fake, channel)[-1]) == "Pick of the day — Sunday 25 October 2026"
    clock.set(2026, 10, 25, 1, 30)  # 02:30 CET, the second one
    assert await cog.run_due() == []
    assert len(posts(fake, channel)) == 2


async def test_two_guilds_in_different_zones_and_only_this_process_guilds(
    fake: PicksFake, settings: Settings, clock: FakeClock
) -> None:
    tokyo_channel = fake.add_channel(fake.guild, "picks")
    la = fake.add_guild("LA Guild")
    la_owner = fake.users[la.owner_id]
    la_channel = fake.add_channel(la, "picks")
    clock.set(2026, 11, 23, 16, 30)  # after today's 08:00 in LA: its first pick is tomorrow
    _, cog = await start(fake, settings, clock)
    await configure(fake, tokyo_channel, at="08:00", zone="Asia/Tokyo")
    await configure(
        fake, la_channel, at="08:00", zone="America/Los_Angeles", guild=la, user=la_owner
    )
    # A guild on another process's shards: configured in the shared state, not ours to post.
    elsewhere = 4242
    await cog.picks.set_channel(elsewhere, 1)

    clock.set(2026, 11, 23, 22, 59)
    assert await cog.run_due() == []
    clock.set(2026, 11, 23, 23, 0)  # 08:00 on the 24th in Tokyo, still the 23rd in UTC
    [tokyo] = await cog.run_due()
    assert tokyo.pick.guild_id == fake.guild.id and tokyo.posted
    assert heading(posts(fake, tokyo_channel)[0]) == "Pick of the day — Tuesday 24 November 2026"
    assert posts(fake, la_channel) == []

    clock.set(2026, 11, 24, 16, 0)  # 08:00 PST on the 24th
    [la_pick] = await cog.run_due()
    assert la_pick.pick.guild_id == la.id
    assert heading(posts(fake, la_channel)[0]) == "Pick of the day — Tuesday 24 November 2026"
    assert await cog.picks.state.last_auto_day(elsewhere) is None

    shown = await picks(fake, "show")
    assert "Wednesday 25 November 2026 at 08:00 JST" in embed_text(shown.embeds[0])
    shown = await picks(fake, "show", guild=la, user=la_owner)
    assert "Wednesday 25 November 2026 at 08:00 PST" in embed_text(shown.embeds[0])


# -- failures ---------------------------------------------------------------------------


async def test_permission_lost_or_channel_gone_is_recorded_and_others_still_post(
    fake: PicksFake, settings: Settings, clock: FakeClock
) -> None:
    lost = fake.add_channel(fake.guild, "picks")
    fine_guild = fake.add_guild("Fine")
    fine = fake.add_channel(fine_guild, "picks")
    gone_guild = fake.add_guild("Gone")
    gone = fake.add_channel(gone_guild, "picks")
    refused_guild = fake.add_guild("Refused")
    refused = fake.add_channel(refused_guild, "picks")
    clock.set(2026, 11, 23, 7, 0)
    bot, cog = await start(fake, settings, clock)
    for guild, channel in [
        (fake.guild, lost),
        (fine_guild, fine),
        (gone_guild, gone),
        (refused_guild, refused),
    ]:
        owner = fake.users[guild.owner_id] if guild is not fake.guild else fake.admin
        await configure(fake, channel, guild=guild, user=owner)

    fake.set_overwrites(
        lost,
        [{"id": str(fake.bot_user.id), "type": 1, "allow": "0", "deny": str(SEND_MESSAGES)}],
    )
    fake.delete_channel(gone)
    fake.refuse_posts.add(refused.id)  # Discord says 403 though the bot's cache says yes
    await fake.flush()
    await fake.wait_for(
        lambda: (
            not bot.get_channel(lost.id)
            .permissions_for(bot.get_guild(fake.guild.id).me)
            .send_messages
            and bot.get_channel(gone.id) is None
        ),
        what="the bot to see the channel changes",
    )

    clock.set(2026, 11, 23, 9, 0)
    results = {r.pick.guild_id: r for r in await cog.run_due()}
    assert results[fine_guild.id].posted and len(posts(fake, fine)) == 1
    assert "Send Messages" in results[fake.guild.id].error
    assert "no longer exists" in results[gone_guild.id].error
    assert "refused" in results[refused_guild.id].error
    assert posts(fake, lost) == [] and posts(fake, refused) == []
    assert await cog.run_due() == []  # a failed day is not retried all day long

    shown = await picks(fake, "show")
    text = embed_text(shown.embeds[0])
    assert "Problem" in text and "Send Messages" in text
    [record] = (await cog.picks.history(fake.guild.id)).items
    assert record.status == "failed" and "Send Messages" in record.error
    by_hand = await picks(fake, "now")  # the moderator is told why, as every error: an embed
    assert by_hand.ephemeral and not by_hand.content
    assert "I could not post" in by_hand.text and "Send Messages" in by_hand.text

    fake.set_overwrites(lost, [])  # permission given back: the next day posts, problem cleared
    await fake.flush()
    await fake.wait_for(
        lambda: (
            bot.get_channel(lost.id).permissions_for(bot.get_guild(fake.guild.id).me).send_messages
        ),
        what="the permission to come back",
    )
    clock.set(2026, 11, 24, 9, 0)
    await cog.run_due()
    assert len(posts(fake, lost)) == 1
    assert "Problem" not in embed_text((await picks(fake, "show")).embeds[0])
    assert_no_mentions_but(fake)


# -- history ----------------------------------------------------------------------------


async def test_history_is_paginated(fake: PicksFake, settings: Settings, clock: FakeClock) -> None:
    channel = fake.add_channel(fake.guild, "picks")
    _, cog = await start(fake, settings, clock)
    await configure(fake, channel)
    for i in range(23):
        await cog.picks.state.add_pick(
            fake.guild.id,
            datetime(2026, 10, 1 + i).date(),
            status="posted",
            slug=f"article-{i}",
            title=f"Article number {i}",
            channel_id=channel.id,
            message_id=1000 + i,
            at=datetime(2026, 10, 1 + i, 9, tzinfo=UTC),
        )
    shown = await picks(fake, "history")
    assert shown.ephemeral
    first = shown.embeds[0]
    assert "Article number 22" in first["description"] and "Page 1/3" in first["footer"]["text"]
    turned = await fake.click(shown, custom_id_of(shown.message, "Next"), user=fake.admin)
    assert "Article number 12" in turned.embeds[0]["description"]
    assert "Page 2/3" in turned.embeds[0]["footer"]["text"]
    other = await fake.click(shown, custom_id_of(shown.message, "Next"), user=fake.member)
    assert other.ephemeral and "Only" in other.text


def custom_id_of(message: dict[str, Any], label: str) -> str:
    for row in message.get("components") or []:
        for c in row.get("components") or []:
            if c.get("label") == label:
                return c["custom_id"]
    raise LookupError(label)


async def test_loop_survives_a_failing_tick(
    fake: PicksFake, settings: Settings, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, cog = await start(fake, settings, clock)
    await fast_ticks(fake, cog)

    async def broken(guild_ids: set[int] | None = None) -> list[Any]:
        raise RuntimeError("state database unreachable")

    monkeypatch.setattr(cog.picks, "due", broken)
    ticks = cog.ticks
    await fake.wait_for(lambda: cog.ticks >= ticks + 2, what="ticks after a failure")
    assert cog.tick.is_running()


async def test_show_after_skip_names_the_pick_that_will_post(
    fake: PicksFake, settings: Settings, clock: FakeClock
) -> None:
    # journey21: "Status: on (the next pick is skipped)" above "Next pick: Monday … 09:30",
    # the very run skipped: the moderator could not tell when the next pick comes.
    channel = fake.add_channel(fake.guild, "picks")
    clock.set(2026, 11, 23, 8, 0, zone="Europe/Paris")
    await start(fake, settings, clock)
    await configure(fake, channel, at="09:30", zone="Europe/Paris")
    await picks(fake, "skip")
    shown = await picks(fake, "show")
    fields = {f["name"]: f["value"] for f in shown.embeds[0]["fields"]}
    assert fields["Status"] == "on (the next pick is skipped)"
    assert fields["Next pick"] == (
        "Tuesday 24 November 2026 at 09:30 CET (the one on Monday 23 November 2026 is skipped)"
    )
    await picks(fake, "on")  # turning picks on again keeps or clears the skip: either way, true
    fields = {f["name"]: f["value"] for f in (await picks(fake, "show")).embeds[0]["fields"]}
    skip = "skipped" in fields["Status"]
    assert ("Tuesday 24 November" in fields["Next pick"]) == skip


async def test_a_repeat_pick_now_says_it_was_picked_before_and_why(
    fake: PicksFake, settings: Settings, clock: FakeClock
) -> None:
    # journey22: with the picks' tags allowing one article, /picks now posted it twice on
    # one day, and the moderator read "Posted … in #picks." both times.
    channel = fake.add_channel(fake.guild, "picks")
    clock.set(2026, 5, 10, 12, 0)
    await start(fake, settings, clock)
    await configure(fake, channel)
    await picks(fake, "tags", {"tags": "ageing"})  # one bundled article has it
    first = await picks(fake, "now")
    assert first.content.startswith("Posted **Hearing aids") and "before" not in first.content
    again = await picks(fake, "now")
    assert "It was picked before, on 10 May 2026: every article the picks may choose" in (
        again.content
    )
    named = await picks(fake, "now", {"title": "hearing aids"})
    assert named.content.endswith("It was picked before, on 10 May 2026.")
    await picks(fake, "tags")
    other = await picks(fake, "now")  # the whole library: a fresh article, no note
    assert "before" not in other.content


async def test_an_automatic_repeat_says_so_on_the_card_and_in_picks_show(
    fake: PicksFake, settings: Settings, clock: FakeClock
) -> None:
    # journey23, journey24: with one article under the picks' tags, the schedule posted it
    # day after day with no word to anyone (/picks now told its moderator; the schedule no one).
    channel = fake.add_channel(fake.guild, "picks")
    clock.set(2026, 5, 10, 8, 0)
    _, cog = await start(fake, settings, clock)
    await configure(fake, channel, at="09:00", zone="UTC")
    await picks(fake, "tags", {"tags": "ageing"})  # one bundled article has it
    clock.set(2026, 5, 10, 9, 1)
    [first] = await cog.run_due()
    clock.set(2026, 5, 11, 9, 1)
    [again] = await cog.run_due()
    assert first.before is None and again.before is not None
    cards = [m["embeds"][0]["description"] for m in posts(fake, channel)]
    assert "(again" not in cards[0]
    assert (
        "Pick of the day — Monday 11 May 2026 (again: first picked Sunday 10 May 2026)"
        in (cards[1])
    )
    fields = {f["name"]: f["value"] for f in (await picks(fake, "show")).embeds[0]["fields"]}
    problem = next(v for k, v in fields.items() if "Problem" in k)
    assert "repeated “Hearing aids" in problem and "/picks tags widens the choice" in problem
    assert_no_mentions_but(fake)


async def test_picks_tags_that_match_nothing_offer_the_closest_tags(
    fake: PicksFake, settings: Settings, clock: FakeClock
) -> None:
    # journey22: "No article has any of the tags 🌊" (or a typo) named no tag to use instead.
    channel = fake.add_channel(fake.guild, "picks")
    await start(fake, settings, clock)
    await configure(fake, channel)
    typo = await picks(fake, "tags", {"tags": "enviroment-news"})
    assert typo.ephemeral and typo.text.startswith("No article has any of the tags")
    assert "Closest: `environment`" in typo.text and typo.text.endswith("`/tags` lists every tag.")
    emoji = await picks(fake, "tags", {"tags": "🌊"})
    assert emoji.text.endswith("`/tags` lists every tag.")
    # journey26: one tag with articles and one without were kept with no word of the other.
    some = await picks(fake, "tags", {"tags": "climate, energy"})
    assert some.text.startswith("Picks now come only from articles tagged `climate` `energy`")
    assert "No article is tagged `climate` (`/tags` lists every tag)" in some.text
    assert "`energy` (" not in some.text


async def test_a_city_for_a_timezone_names_the_zones_it_may_mean(
    fake: PicksFake, settings: Settings, clock: FakeClock
) -> None:
    # journey23: "Unknown timezone 'London'" left a new admin to guess the IANA name.
    await start(fake, settings, clock)
    city = await picks(fake, "time", {"time": "08:30", "timezone": "London"})
    assert city.ephemeral and city.text == "Unknown timezone 'London': did you mean Europe/London?"
    nowhere = await picks(fake, "time", {"time": "08:30", "timezone": "Qqqzz"})
    assert nowhere.text == "Unknown timezone 'Qqqzz'"


async def test_a_new_time_keeps_the_zone_set_before_and_reads_7am(
    fake: PicksFake, settings: Settings, clock: FakeClock
) -> None:
    # journey26: moving the picks from 09:00 to 7am needed the zone typed again (Discord
    # refused the command without it) and "7am" was refused for its form.
    channel = fake.add_channel(fake.guild, "picks")
    await start(fake, settings, clock)
    await configure(fake, channel, at="09:00", zone="Europe/Berlin")
    moved = await picks(fake, "time", {"time": "7am"})
    assert moved.content.startswith("Daily picks at 07:00 Europe/Berlin"), moved.content
    evening = await picks(fake, "time", {"time": "7:30 pm", "timezone": "UTC"})
    assert evening.content.startswith("Daily picks at 19:30 UTC"), evening.content


async def test_skip_says_which_day_is_skipped_and_when_the_next_comes(
    fake: PicksFake, settings: Settings, clock: FakeClock
) -> None:
    # journey23: "The next automatic pick will be skipped." named neither day.
    channel = fake.add_channel(fake.guild, "picks")
    clock.set(2026, 5, 11, 7, 0)  # a Monday, before 08:30 in London (07:30 UTC)
    await start(fake, settings, clock)
    await configure(fake, channel, at="08:30", zone="Europe/London")
    skipped = await picks(fake, "skip")
    assert skipped.content == (
        "The pick on Monday 11 May 2026 will be skipped; "
        "the next comes Tuesday 12 May 2026 at 08:30 BST."
    )
