"""The Discord front end: thin cogs over the core, rendering with render.py."""
