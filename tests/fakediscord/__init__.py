"""A fake Discord on loopback for end-to-end tests of the real discord.py client."""

from .fixture import SpecValidationSkipped, fake_discord
from .payloads import Channel, Guild, Member, Role, User
from .records import InteractionResponse, InteractionResult, RecordedRequest, Replies
from .server import FakeDiscord

__all__ = [
    "Channel",
    "FakeDiscord",
    "Guild",
    "InteractionResponse",
    "InteractionResult",
    "Member",
    "RecordedRequest",
    "Replies",
    "Role",
    "SpecValidationSkipped",
    "User",
    "fake_discord",
]
