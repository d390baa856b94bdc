"""/reload and /status when a reload would empty the library (an unmounted volume)."""

from __future__ import annotations

import pytest

from bot.discord.app import create_bot
from bot.settings import Settings
from tests.fakediscord import FakeDiscord


@pytest.fixture
async def running(fake_discord: FakeDiscord, settings: Settings):
    bot = await fake_discord.start_bot(create_bot(settings, guild_ready_timeout=0.05))
    return fake_discord, bot


async def test_an_emptied_folder_is_refused_until_an_admin_confirms(running) -> None:
    fake, bot = running
    for path in bot.settings.content_dir.glob("*.md"):
        path.unlink()
    refused = await fake.invoke("reload", user=fake.admin)
    assert refused.ephemeral
    assert "remove 14 of the 14 articles" in refused.text and not refused.content
    assert "allow_removals" in refused.text
    still = await fake.invoke("ask", {"question": "salmon"})
    assert "salmon" in still.embeds[0]["title"].lower()

    status = await fake.invoke("status", user=fake.admin)
    fields = {f["name"]: f["value"] for f in status.embeds[0]["fields"]}
    assert "remove 14 of the 14 articles" in fields["Warning"]
    assert fields["Articles"] == "14 from 14 files"

    confirmed = await fake.invoke("reload", {"allow_removals": True}, user=fake.admin)
    assert "**14** removed" in confirmed.embeds[0]["description"]
    status = await fake.invoke("status", user=fake.admin)
    fields = {f["name"]: f["value"] for f in status.embeds[0]["fields"]}
    assert "Warning" not in fields and fields["Articles"].startswith("0 ")
