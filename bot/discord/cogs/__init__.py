"""One cog per feature; each module has `async def setup(bot)` for load_extension."""
