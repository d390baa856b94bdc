"""An admin's /reload then /status through the fake Discord (lib25): a file served with a
warning is still named by /status and by a no-change /reload; a symlink to an article the
folder holds is said once and not served twice; file names and frontmatter values that
would ping ping nobody; a member cannot run either command."""

from __future__ import annotations

from typing import Any

import pytest

from bot.library.sync import LibraryError
from bot.settings import Settings
from tests.fakediscord import FakeDiscord
from tests.test_discord_e2e import assert_mentions_locked, embed_text, make_bot


@pytest.fixture
async def running(fake_discord: FakeDiscord, settings: Settings):
    bot = await fake_discord.start_bot(make_bot(settings))
    yield fake_discord, bot
    assert_mentions_locked(fake_discord)


def _fields(embed: dict[str, Any]) -> dict[str, str]:
    return {f["name"]: f["value"] for f in embed.get("fields") or []}


async def test_a_warning_stays_on_status_and_a_repeated_reload(running) -> None:
    fake, bot = running
    content = bot.settings.content_dir
    (content / "@everyone.md").write_text(
        "---\ntitle: Undated <@&1> story\ndate: '@everyone next tuesday'\n---\n<p>Text.</p>\n",
        encoding="utf-8",
    )
    (content / "pinned.md").symlink_to("2025-02-08-repair-cafe-fixes-record-number-of-toasters.md")
    for _ in range(2):  # the second reload changes nothing, and says the same
        result = await fake.invoke("reload", user=fake.admin)
        embed = result.embeds[0]
        assert "of them **1** served with warnings" in embed["description"]
        fields = _fields(embed)
        assert "everyone.md`" in fields["Served with warnings"]  # shown, defanged
        assert "not understood: served undated" in fields["Served with warnings"]
        assert "`pinned.md`: symlink to" in fields["Failed"]
        assert "Renamed slugs" not in fields
    status = await fake.invoke("status", user=fake.admin)
    fields = _fields(status.embeds[0])
    assert fields["Articles"] == "15 from 15 files"  # the link is no second article
    assert "everyone.md`" in fields["Served with warnings: 1"]
    assert "@everyone" not in embed_text(status.embeds[0])
    assert "; 1 served with warnings;" in fields["Last reload"]
    found = await fake.invoke("search", {"query": "toasters"})
    assert embed_text(found.embeds[0]).count("Repair café fixes a record number") == 1
    for command in ("reload", "status"):
        refused = await fake.invoke(command, user=fake.member)
        assert refused.ephemeral and "Manage Server" in refused.text


async def test_status_says_the_content_folder_is_gone(running) -> None:
    # The watcher's reload when the volume is unmounted: said only in the log before, and
    # /status showed the last good reload as if all were well.
    fake, bot = running
    content = bot.settings.content_dir
    content.rename(content.with_name("elsewhere"))
    with pytest.raises(LibraryError):
        await bot.service.library.reload()
    status = await fake.invoke("status", user=fake.admin)
    warning = _fields(status.embeds[0])["Warning"]
    assert "does not exist (moved, or a volume not mounted?)" in warning
    assert "the articles already loaded stay served" in warning
    assert _fields(status.embeds[0])["Articles"] == "14 from 14 files"
    content.with_name("elsewhere").rename(content)
    await bot.service.library.reload()
    status = await fake.invoke("status", user=fake.admin)
    assert "Warning" not in _fields(status.embeds[0])
