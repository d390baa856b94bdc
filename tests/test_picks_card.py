"""The pick card and the /picks show and history embeds: limits, mentions, local dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import discord
import pytest

from bot.discord import render
from bot.discord.picks_card import (
    format_day,
    history_pages,
    overview_embed,
    pick_embed,
    pick_post,
    ping_mentions,
    record_line,
    thread_name,
)
from bot.library.model import Article, Quote
from bot.picks import PickCandidate, PicksOverview, PlannedPick, local_today
from bot.picks.model import PickRecord, PicksSettings

GUILD, CHANNEL, ROLE = 111, 222, 333
HOSTILE = "@everyone @here <@&999> <@123> <#456> **bold** # heading"


def settings(**changes: object) -> PicksSettings:
    return PicksSettings(guild_id=GUILD, channel_id=CHANNEL, **changes)  # type: ignore[arg-type]


def article(**changes: object) -> Article:
    base: dict[str, object] = {
        "slug": "river-salmon",
        "title": "River restoration brings salmon back",
        "path": "river.md",
        "author": "Ada Writer",
        "date": datetime(2025, 11, 3, tzinfo=UTC),
        "link": "https://example.org/river",
        "tags": ("environment", "rivers"),
        "cover_image": "https://example.org/river.jpg",
        "description": "Salmon are back in the Wendle.",
        "reading_minutes": 4,
    }
    base.update(changes)
    return Article(**base)  # type: ignore[arg-type]


def planned(
    day: date = date(2026, 11, 24), note: str | None = None, **setting_changes: object
) -> PlannedPick:
    candidate = PickCandidate(slug="river-salmon", title="River restoration brings salmon back")
    return PlannedPick(GUILD, day, "auto", candidate, CHANNEL, settings(**setting_changes), note)


def all_text(embed: discord.Embed) -> str:
    data = embed.to_dict()
    parts = [data.get("title", ""), data.get("description", "")]
    parts += [
        (data.get("author") or {}).get("name", ""),
        (data.get("footer") or {}).get("text", ""),
    ]
    parts += [f["name"] + f["value"] for f in data.get("fields", [])]
    return "\n".join(parts)


def embed_size(embed: discord.Embed) -> int:
    data = embed.to_dict()
    total = len(data.get("title", "")) + len(data.get("description", ""))
    total += len((data.get("author") or {}).get("name", ""))
    total += len((data.get("footer") or {}).get("text", ""))
    return total + sum(len(f["name"]) + len(f["value"]) for f in data.get("fields", []))


# -- the card ---------------------------------------------------------------------------


def test_dates_read_in_english_whatever_the_locale() -> None:
    assert format_day(date(2026, 11, 24)) == "Tuesday 24 November 2026"
    assert format_day(date(2026, 3, 1)) == "Sunday 1 March 2026"


def test_the_card_has_every_part() -> None:
    quote = Quote(text="The fish came back within a year.", speaker="Dr Lee")
    embed = pick_embed(planned(note="A lovely read"), article(), "Salmon are back.", quote)
    data = embed.to_dict()
    assert data["description"] == (
        "📌 **Pick of the day — Tuesday 24 November 2026**\n\nSalmon are back."
    )
    assert data["title"] == "River restoration brings salmon back"
    assert data["url"] == "https://example.org/river"
    fields = {f["name"]: f["value"] for f in data["fields"]}
    assert fields["Quote"] == "“The fish came back within a year.” — Dr Lee"
    assert fields["Tags"] == "`environment` `rivers`"
    assert fields["From the moderators"] == "A lovely read"
    # The article card's layout: source as author, date as timestamp, cover as thumbnail,
    # reading time as footer, the accent colour.
    card = render.card_embed(article()).to_dict()
    for part in ("author", "timestamp", "thumbnail", "footer", "color"):
        assert data[part] == card[part], part
    assert data["author"]["name"] == "Ada Writer · example.org"
    assert data["timestamp"].startswith("2025-11-03T00:00:00")
    assert data["thumbnail"]["url"] == "https://example.org/river.jpg"
    assert data["footer"]["text"] == "4 min read"


def test_the_post_has_a_read_link_like_every_card() -> None:
    post = pick_post(planned(), article())
    assert post.view is not None
    [read] = post.view.children
    assert isinstance(read, discord.ui.Button) and read.label == "Read"
    assert read.url == "https://example.org/river"
    assert pick_post(planned(), article(link="ftp://example.org/river")).view is None
    assert pick_post(planned(), None).view is None


@pytest.mark.parametrize(
    "zone, expected",
    [
        ("Asia/Tokyo", "Tuesday 24 November 2026"),
        ("America/Los_Angeles", "Monday 23 November 2026"),
        ("UTC", "Monday 23 November 2026"),
    ],
)
def test_the_date_is_the_guilds_local_day(zone: str, expected: str) -> None:
    instant = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)
    day = local_today(settings(timezone=zone), instant)
    embed = pick_embed(planned(day=day, timezone=zone), article())
    assert (embed.description or "").startswith(f"📌 **Pick of the day — {expected}**")


def test_oversized_articles_stay_within_discords_limits() -> None:
    huge = article(
        title="Salmon " * 200,
        tags=tuple(f"tag{i}" for i in range(400)),
        author="A" * 3000,
        link="https://example.org/" + "x" * 3000,  # too long for an embed url: dropped
        cover_image="https://example.org/" + "y" * 3000,
    )
    quote = Quote(text="word " * 2000, speaker="S" * 500)
    embed = pick_embed(planned(note="n " * 600), huge, "summary " * 2000, quote)
    data = embed.to_dict()
    assert len(data["title"]) <= render.TITLE and data["title"].endswith("…")
    assert len(data["description"]) <= render.DESCRIPTION
    assert all(len(f["value"]) <= render.FIELD_VALUE for f in data["fields"])
    assert len(data["footer"]["text"]) <= render.FOOTER
    assert embed_size(embed) <= render.EMBED_TOTAL
    assert "url" not in data and "thumbnail" not in data


def test_no_mention_can_leak_from_article_or_note() -> None:
    hostile = article(title=HOSTILE, description=HOSTILE, tags=("x",))
    quote = Quote(text=HOSTILE, speaker=HOSTILE)
    post = pick_post(planned(note=HOSTILE), hostile, HOSTILE, quote)
    assert post.content is None
    assert post.allowed_mentions.to_dict() == {"parse": []}
    text = all_text(post.embed)
    assert "@everyone" not in text and "@here" not in text
    assert "<@&999>" not in text and "<@123>" not in text and "<#456>" not in text
    assert "**bold**" not in text


def test_the_ping_role_is_the_only_mention_allowed() -> None:
    post = pick_post(planned(note=HOSTILE, ping_role_id=ROLE), article(), HOSTILE)
    assert post.content == f"<@&{ROLE}>"
    assert post.allowed_mentions.to_dict() == {"parse": [], "roles": [ROLE]}
    assert ping_mentions(None).to_dict() == {"parse": []}


def test_an_article_gone_from_the_library_still_gets_a_card() -> None:
    embed = pick_embed(planned(), None)
    assert embed.title == "River restoration brings salmon back"
    assert (embed.description or "").startswith("📌 **Pick of the day")
    assert embed.url is None and not embed.fields


def test_thread_names_fit_discord() -> None:
    long = PlannedPick(
        GUILD, date(2026, 1, 1), "auto", PickCandidate("s", "word " * 60), CHANNEL, settings()
    )
    assert len(thread_name(long)) <= 100
    assert thread_name(planned()) == "River restoration brings salmon back"


# -- /picks show and history ------------------------------------------------------------


def record(i: int, status: str = "posted", **changes: object) -> PickRecord:
    base: dict[str, object] = {
        "id": i,
        "guild_id": GUILD,
        "day": date(2026, 10, 1) + timedelta(days=i),
        "kind": "auto",
        "status": status,
        "slug": f"a-{i}",
        "title": f"Article {i}",
        "note": None,
        "channel_id": CHANNEL,
        "message_id": 5000 + i if status == "posted" else None,
        "error": None,
        "claimed_at": datetime(2026, 10, 1, tzinfo=UTC) + timedelta(days=i),
        "posted_at": None,
    }
    base.update(changes)
    return PickRecord(**base)  # type: ignore[arg-type]


def test_show_gives_settings_next_run_in_zone_recent_picks_and_the_problem() -> None:
    s = settings(
        time="08:00", timezone="Asia/Tokyo", tags=("go",), ping_role_id=ROLE, problem=HOSTILE
    )
    overview = PicksOverview(
        settings=s,
        next_run=datetime(2026, 11, 23, 23, 0, tzinfo=UTC),
        recent=[record(3, "failed", error="I lost Send Messages"), record(2, "skipped"), record(1)],
        problem="I lost the Send Messages permission in #picks",
        problem_at=datetime(2026, 11, 22, 23, 0, tzinfo=UTC),
    )
    text = all_text(overview_embed(overview))
    assert "Tuesday 24 November 2026 at 08:00 JST" in text
    assert "08:00 Asia/Tokyo" in text and f"<#{CHANNEL}>" in text and f"<@&{ROLE}>" in text
    assert "I lost the Send Messages permission in #picks" in text
    assert "since Monday 23 November 2026 at 08:00 JST" in text
    assert "I lost Send Messages" in text and "skipped" in text
    assert f"https://discord.com/channels/{GUILD}/{CHANNEL}/5001" in text


def test_show_without_a_channel_says_what_to_do() -> None:
    overview = PicksOverview(PicksSettings(guild_id=GUILD), None, [], None, None)
    text = all_text(overview_embed(overview))
    assert "set a channel with /picks channel" in text and "No picks yet" in text


def test_history_pages_newest_first_with_page_numbers() -> None:
    records = [record(i) for i in range(24, -1, -1)]
    pages = history_pages(records, total=25)
    assert len(pages) == 3
    assert pages[0].footer.text == "Page 1/3 · 25 picks"
    assert "Article 24" in pages[0].description and "Article 4" in pages[2].description
    assert history_pages([], 0)[0].description == "No picks yet."


def test_history_lines_escape_titles() -> None:
    line = record_line(record(1, title="[click](https://evil) @everyone"))
    assert "@everyone" not in line and "\\[click\\]" in line
