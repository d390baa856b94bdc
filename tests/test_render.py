"""Rendering keeps Discord's limits and defuses markdown and mentions in article text."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import discord
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.discord import render, views
from bot.discord.guidance import help_embed, next_steps_embed, typed
from bot.library.model import Article, Quote
from bot.library.report import FileFailure, FileWarning, ReloadReport
from bot.search.highlight import balance_quotes, key_spans
from bot.search.results import Answer, SearchHit, SearchResponse, TitleChoice
from bot.service import Examples, NextSteps

HOSTILE = "@everyone @here <@123> <@&456> **bold** __u__ `code` ```block``` > quote # head ||spoiler|| [x](http://e.vil)"
DATE = datetime(2025, 2, 8, 10, 15, tzinfo=UTC)


def words(n: int, word: str = "lorem") -> str:
    return " ".join(f"{word}{i}" for i in range(n))


def huge_article(**changes: Any) -> Article:
    base = dict(
        slug="s" * 300,
        title=words(1500) + " " + HOSTILE,  # ~10k characters
        path="a.md",
        author="A. " + words(200),
        date=DATE,
        link="https://example.org/" + "p" * 1500,
        tags=tuple(f"tag{i}-{'x' * 40}" for i in range(100)),
        cover_image="https://example.org/cover.jpg",
        description=(HOSTILE + " ") * 2000,
        text=words(50_000),
        quotes=(Quote(text=HOSTILE * 200, speaker="Dr " + words(300)),),
        word_count=50_000,
        reading_minutes=250,
    )
    base.update(changes)
    return Article(**base)  # type: ignore[arg-type]


def hit(i: int, article: Article) -> SearchHit:
    return SearchHit(
        slug=f"{article.slug}{i}",
        title=article.title,
        link=article.link,
        date=article.date,
        tags=article.tags,
        score=90,
        author=article.author,
        description=article.description,
        cover_image=article.cover_image,
        label=article.title,
    )


def assert_within_limits(embed: discord.Embed) -> None:
    data = embed.to_dict()
    assert len(data.get("title") or "") <= 256
    assert len(data.get("description") or "") <= 4096
    fields = data.get("fields") or []
    assert len(fields) <= 25
    for f in fields:
        assert 0 < len(f["name"]) <= 256 and 0 < len(f["value"]) <= 1024
    assert len((data.get("footer") or {}).get("text") or "") <= 2048
    assert len((data.get("author") or {}).get("name") or "") <= 256
    total = len(data.get("title") or "") + len(data.get("description") or "")
    total += len((data.get("footer") or {}).get("text") or "")
    total += len((data.get("author") or {}).get("name") or "")
    total += sum(len(f["name"]) + len(f["value"]) for f in fields)
    assert total <= 6000


def all_text(embed: discord.Embed) -> str:
    data = embed.to_dict()
    parts = [data.get("title") or "", data.get("description") or ""]
    parts += [f["name"] + "\n" + f["value"] for f in data.get("fields") or []]
    parts.append((data.get("footer") or {}).get("text") or "")
    parts.append((data.get("author") or {}).get("name") or "")
    return "\n".join(parts)


def assert_inert(embed: discord.Embed) -> None:
    text = all_text(embed)
    assert "@everyone" not in text and "@here" not in text
    assert "<@123>" not in text and "<@&456>" not in text
    data = embed.to_dict()
    # The author line and footer are shown without markdown; the rest renders it.
    marked = [data.get("title") or "", data.get("description") or ""]
    marked += [f["value"] for f in data.get("fields") or []]
    for part in marked:
        assert "`code`" not in part
        # Inside a code span (a tag, a command to copy) markdown shows as typed: inert.
        part = re.sub(r"`[^`]*`", "", part)
        assert "**bold**" not in part and "||spoiler||" not in part


def every_embed(article: Article) -> list[discord.Embed]:
    hits = [hit(i, article) for i in range(25)]
    answer = Answer(
        question=HOSTILE * 50,
        article=article,
        passage=(HOSTILE + " ") * 300,
        summary=article.description,
        quote=article.quotes[0],
        alternatives=hits[:4],
    )
    report = ReloadReport(
        added=1,
        failed=[
            FileFailure("deep/" * 100 + f"file{i}.md", HOSTILE * 20, kept=True) for i in range(500)
        ],
        renamed=[HOSTILE * 10] * 40,
        seconds=1.5,
        removed=10**6,
        removed_paths=[HOSTILE * 5 + f"{i}.md" for i in range(10)],
        warned=[FileWarning(HOSTILE * 5 + f"{i}.md", HOSTILE * 20) for i in range(500)],
    )
    status = render.StatusInfo(
        articles=100_000,
        tags=5000,
        files=100_500,
        failing=[(f.path, f.error, f.kept) for f in report.failed],
        stale=3,
        last_reload={"at": "2025-01-01T00:00:00+00:00", "added": 1, "failed": [{}] * 500},
        watcher="on; " + HOSTILE * 100,
        cache_bytes=10**9,
        uptime_seconds=10**7,
        latency_seconds=float("inf"),
        version="0.1.0",
        shards="0, 1 of 2",
        state="sqlite",
    )
    steps = NextSteps(HOSTILE * 100, [HOSTILE * 10] * 3, [HOSTILE] * 3, hits[:5], True)
    examples = Examples(HOSTILE * 20, HOSTILE * 5, HOSTILE * 20)
    commands = [(HOSTILE, HOSTILE * 3)] * 40
    embeds = [
        render.answer_embed(answer, key_spans(answer.passage or "", "everyone bold spoiler")),
        next_steps_embed(steps, f"Nothing answers {typed(HOSTILE * 100)}."),
        next_steps_embed(
            NextSteps(HOSTILE, [], [], hits[:5], False), typed(HOSTILE), searching=True
        ),
        help_embed(HOSTILE * 10, examples, commands, commands),
        render.error_embed(f"No article like {typed(HOSTILE * 1000)}."),
        render.article_embed(article, article.description or "", article.quotes[0]),
        render.quote_embed(article, article.quotes[0]),
        render.summary_embed(article, article.description or ""),
        render.reload_embed(report),
        render.reload_embed(report, served=0, stale=10**6),
        render.status_embed(status),
    ]
    embeds += render.search_pages(SearchResponse(query=HOSTILE * 100, hits=hits))
    corrected = SearchResponse(query=HOSTILE * 100, hits=hits[:3], corrected=HOSTILE * 50)
    embeds += render.search_pages(corrected)
    embeds += render.list_pages(HOSTILE * 50, [render.item_of(h) for h in hits])
    embeds += render.tags_pages([(t * 20, 10**6) for t in article.tags])
    return embeds


def test_an_oversized_article_stays_within_every_limit() -> None:
    for embed in every_embed(huge_article()):
        assert_within_limits(embed)


def test_markdown_and_mentions_in_article_text_are_defused() -> None:
    article = huge_article(title=HOSTILE, description=HOSTILE, author=HOSTILE, tags=("a`b",))
    for embed in every_embed(article):
        assert_inert(embed)


def test_titles_are_cut_at_a_word_boundary_with_an_ellipsis() -> None:
    embed = render.article_embed(huge_article(), "summary")
    assert embed.title.endswith("…") and len(embed.title) <= 256
    assert embed.title[:-1].split()[-1].startswith("lorem")
    assert f"{embed.title[:-1].split()[-1]} " in huge_article().title  # a whole word


def test_passage_is_a_quote_block_and_cover_only_when_http() -> None:
    article = huge_article(cover_image="javascript:alert(1)", link="ftp://example.org/x")
    answer = Answer(question="q", article=article, passage="line one\nline two", summary="S")
    embed = render.answer_embed(answer).to_dict()
    assert embed["description"].startswith("> line one\n> line two")
    assert "thumbnail" not in embed and "url" not in embed


def test_autocomplete_choices_fit() -> None:
    long = TitleChoice(slug="s" * 300, title="t " * 500, date=DATE, repeated=True)
    assert len(render.choice_name(long)) <= 100 and render.choice_name(long).endswith("…")
    assert len(render.choice_value(long)) <= 100
    short = TitleChoice(slug="a-slug", title="A title", date=None)
    assert (render.choice_name(short), render.choice_value(short)) == ("A title", "a-slug")


def test_a_comparison_is_two_linked_items_within_limits_closest_match_first() -> None:
    # "Compare A with B" on huge, hostile articles: a numbered list of both, linked, each
    # with its gist, inert and within every limit; "closest match" first when unsure.
    article = huge_article()
    a, b = hit(0, article), hit(1, article)
    gist = (HOSTILE + " ") * 300
    passage = f"Two articles, side by side.\n“{a.title}”: {gist}\n“{b.title}”: {gist}"
    answer = Answer(
        question="compare a with b",
        article=article,
        passage=passage,
        alternatives=[a, b],
        confidence="low",
        wants="compare",
    )
    embed = render.compared_embed(answer)
    assert_within_limits(embed)
    assert_inert(embed)
    text = embed.description or ""
    assert embed.title == "Two articles, side by side."
    assert text.startswith("*Closest match — it may not answer this.*\n\n**1. [")
    assert "\n\n**2. [" in text and text.count("](https://example.org/") == 2


def test_menus_and_buttons_keep_discords_component_limits() -> None:
    article = huge_article()
    hits = [hit(i, article) for i in range(40)] + [hit(0, article)]  # one twice
    entries = render.menu_entries(hits)
    assert len(entries) == 25 and len({slug for slug, _, _ in entries}) == 25
    for _, label, about in entries:
        assert 0 < len(label) <= 100 and label.endswith("…")
        assert about is not None and 0 < len(about) <= 100 and about.startswith("8 Feb 2025")
    answer = Answer(question="q", article=article, passage="p", alternatives=hits)
    built = [views.answer_view(answer, owner=2**63 - 1)]
    built.append(views.menu_view("summary", hits, HOSTILE * 10, owner=1))
    built.append(views._view([views.ShareButton("summary", article.slug)]))
    built.append(views._view([views.ArticleButton("related", article.slug, HOSTILE * 10)]))
    for view in built:
        assert view is not None
        rows = view.to_components()
        assert len(rows) <= 5
        for row in rows:
            for c in row["components"]:
                assert len(c.get("custom_id") or "") <= 100 and len(c.get("label") or "") <= 80
                assert len(c.get("placeholder") or "") <= 150
                assert len(c.get("options") or []) <= 25
                assert all(len(o["value"]) <= 100 for o in c.get("options") or [])
                assert len(c.get("url") or "") <= 512


def test_the_passage_shows_the_question_key_words_in_bold() -> None:
    passage = "Volunteers fixed 212 toasters — and the café's *kettles* too."
    spans = key_spans(passage, "How many toasters did the café fix?")
    assert [passage[a:b] for a, b in spans] == ["fixed", "toasters", "café's"]
    block = render.quote_block(passage, 1800, spans)
    assert block == (
        "> Volunteers **fixed** 212 **toasters** — and the **café's** \\*kettles\\* too."
    )
    # Each word's stem is remembered across replies; each question picks its own words.
    again = "Cafe cafés CAFÉ, tea and teas."
    assert [again[a:b] for a, b in key_spans(again, "a café?")] == ["Cafe", "cafés", "CAFÉ"]
    assert [again[a:b] for a, b in key_spans(again, "Tea?")] == ["tea", "teas"]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=3000), st.text(max_size=200), st.integers(min_value=20, max_value=2000))
def test_bold_words_never_leave_markup_open(text: str, question: str, limit: int) -> None:
    block = render.quote_block(text, limit, key_spans(text, question))
    assert len(block) <= limit
    markers = block.replace("\\\\", "").replace("\\*", "")
    assert markers.count("*") % 4 == 0  # "**" opened and closed, nothing else unescaped


def test_message_content_is_cut_to_2000() -> None:
    text = render.content(words(5000))
    assert len(text) <= 2000 and text.endswith("…")


def test_long_paths_keep_their_file_name() -> None:
    short = render.shorten_path("a/" * 100 + "the-file.md")
    assert len(short) <= 60 and short.endswith("the-file.md") and "…" in short


def test_list_pages_are_built_when_first_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[Any] = []
    real_item_of = render.item_of
    monkeypatch.setattr(render, "item_of", lambda obj: built.append(obj) or real_item_of(obj))
    items = [render.ListItem(f"Article {i}", None, DATE) for i in range(95)]
    pages = render.list_pages("Tag: go", items)
    assert len(pages) == 10 and built == []  # nothing rendered before a page is asked for
    last = pages[-1]
    assert built == items[90:] and "**95. Article 94**" in (last.description or "")
    assert last.footer.text == "Page 10/10 · 95 articles"
    assert pages[9] is last and len(built) == 5  # a page is built once
    assert [p.footer.text for p in pages[:2]] == [f"Page {n}/10 · 95 articles" for n in (1, 2)]
    assert render.plural(1, "result") == "1 result" and render.plural(5, "result") == "5 results"
    assert len(list(pages)) == 10
    with pytest.raises(IndexError):
        pages[10]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=3000), st.integers(min_value=1, max_value=2500))
def test_cut_never_exceeds_the_limit(text: str, limit: int) -> None:
    out = render.cut(text, limit)
    assert len(out) <= limit
    if len(text) <= limit:
        assert out == text
    else:
        assert out.endswith("…") and not out[:-1].endswith("\\")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=8000), st.text(max_size=400))
def test_any_text_renders_within_limits(body: str, title: str) -> None:
    article = huge_article(title=title or "x", description=body, author=title or None)
    answer = Answer(question=title, article=article, passage=body, summary=body)
    for embed in (
        render.answer_embed(answer),
        render.article_embed(article, body),
        render.quote_embed(article, Quote(body, title or None)),
    ):
        assert_within_limits(embed)


def test_a_card_of_an_article_without_text_says_its_text_was_not_saved() -> None:
    bare = Article(
        slug="otters",
        title="Otters in the gardens",
        path="o.md",
        date=DATE,
        link="https://example.org/otters",
        tags=("favorite",),
    )
    answer = render.answer_embed(Answer(question="otters", article=bare)).to_dict()
    # The answer card has nothing else to say: the note is its first line, not its footer.
    assert answer["description"] == "*The article's text was not saved; the link has it.*"
    assert "footer" not in answer
    assert answer["url"] == "https://example.org/otters"
    card = render.article_embed(bare, "").to_dict()
    assert card["footer"]["text"] == "The article's text was not saved; the link has it."
    full = render.article_embed(huge_article(), "A summary.").to_dict()
    assert full["footer"]["text"] == "250 min read"  # an article with text: no such note


@pytest.mark.parametrize(
    ("passage", "shown"),
    [
        ("“It makes no sense.", "“It makes no sense.”"),  # starts a longer quotation
        ("It isn’t.” She laughed.", "“It isn’t.” She laughed."),  # ends one
        ("He said “yes” and “no”.", "He said “yes” and “no”."),  # paired already
        ("No quotation here.", "No quotation here."),
        # Two windows: the quotation left open in the first closes there, not after the
        # narration of the second (the Pokémon reply read the fans' demand as the
        # spokesman's words).
        (
            "A spokesman said, “We are aware of the video. … Fans demanded a lawsuit.",
            "A spokesman said, “We are aware of the video.” … Fans demanded a lawsuit.",
        ),
        ("He said. … “It was the second.", "He said. … “It was the second.”"),
    ],
)
def test_a_passage_is_shown_with_its_quotation_marks_paired(passage: str, shown: str) -> None:
    assert balance_quotes(passage) == shown


def test_a_passage_of_two_windows_is_one_quote_block_with_both_in_bold() -> None:
    # passage.Passages quotes a close runner-up after the best window, "…" between them.
    passage = (
        "The council said the night bus service will stop. … Night buses were launched in"
        " 2019 as a trial."
    )
    question = "when was the night bus service first launched"
    answer = Answer(question=question, article=huge_article(), passage=passage, summary="S")
    text = render.answer_embed(answer, key_spans(passage, question)).to_dict()["description"]
    block = text.split("\n\n")[0]
    assert block.startswith("> The council") and "\n" not in block
    assert "**service** will stop. … **Night** buses were **launched** in 2019" in block


def _fit_rebuilding_every_part(embed: discord.Embed) -> discord.Embed:
    """render.fit as it was before perf22: every part set again, the total read from
    to_dict(); the reference the faster fit must match."""
    if embed.title:
        embed.title = render.cut(embed.title, render.TITLE)
    if embed.description:
        embed.description = render.cut(embed.description, render.DESCRIPTION)
    if embed.footer.text:
        embed.set_footer(
            text=render.cut(embed.footer.text, render.FOOTER), icon_url=embed.footer.icon_url
        )
    if embed.author.name:
        embed.set_author(
            name=render.cut(embed.author.name, render.AUTHOR),
            url=embed.author.url,
            icon_url=embed.author.icon_url,
        )
    fields = [
        (
            render.cut(f.name or "\u200b", render.FIELD_NAME),
            render.cut(f.value or "\u200b", render.FIELD_VALUE),
            f.inline,
        )
        for f in embed.fields
    ][: render.FIELDS]
    embed.clear_fields()
    for name, value, inline in fields:
        embed.add_field(name=name, value=value, inline=bool(inline))

    def total() -> int:
        data: Any = embed.to_dict()
        n = len(data.get("title") or "") + len(data.get("description") or "")
        n += len((data.get("footer") or {}).get("text") or "")
        n += len((data.get("author") or {}).get("name") or "")
        return n + sum(len(f["name"]) + len(f["value"]) for f in data.get("fields") or [])

    over = total() - render.EMBED_TOTAL
    if over > 0 and embed.description:
        embed.description = render.cut(embed.description, max(len(embed.description) - over, 100))
        over = total() - render.EMBED_TOTAL
    while over > 0 and embed.fields:
        embed.remove_field(len(embed.fields) - 1)
        over = total() - render.EMBED_TOTAL
    if over > 0 and embed.description:
        embed.description = render.cut(embed.description, max(len(embed.description) - over, 1))
    return embed


_SIZES = st.sampled_from([0, 1, 40, 256, 300, 1030, 2100, 4200])


@settings(max_examples=150, deadline=None)
@given(
    title=_SIZES,
    description=_SIZES,
    footer=_SIZES,
    author=_SIZES,
    fields=st.lists(st.tuples(_SIZES, _SIZES, st.booleans()), max_size=28),
    icon=st.booleans(),
)
def test_fit_sends_what_rebuilding_every_part_sent(
    title: int, description: int, footer: int, author: int, fields: list, icon: bool
) -> None:
    # fit sets a part again only when cutting changed it (perf22): the embed sent must be
    # the one the old way made, within limits or not, "fields": [] included.
    def made() -> discord.Embed:
        embed = discord.Embed(title="t " * (title // 2) or None, colour=render.ACCENT)
        embed.description = "d " * (description // 2) or None
        url = "https://example.com/i.png" if icon else None
        if footer:
            embed.set_footer(text="f " * (footer // 2) or "f", icon_url=url)
        if author:
            embed.set_author(name="a " * (author // 2) or "a", url=url)
        for name, value, inline in fields:
            embed.add_field(name="n " * (name // 2), value="v " * (value // 2), inline=inline)
        return embed

    assert render.fit(made()).to_dict() == _fit_rebuilding_every_part(made()).to_dict()


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*"ab1٣². \n\r\t\u00a0\u2003#>-*+_~|`[]\\<>@:/é", "http://x.y/a_b", "https://q.r"]
        ),
        max_size=40,
    ).map("".join)
)
def test_clean_skips_the_markdown_pass_only_where_it_changes_nothing(text: str) -> None:
    # clean runs the markdown substitution only when a character it escapes is there,
    # and the line starts' only when a line opens with one (perf22): the text made must
    # be the one both substitutions made.
    whole = render._MARKDOWN.sub(lambda m: m["url"] or "\\" + m["md"], text)
    expected = render._LINE_START.sub(render._escape_line_start, render.plain(whole))
    assert render.clean(text) == expected


def test_a_closest_match_says_so_first_even_as_a_follow_up() -> None:
    # Issue 15: a low-confidence answer is flagged in its first line; "Following up" next.
    answer = Answer(
        question="who was there?",
        article=huge_article(),
        passage="The summit included talks.",
        confidence="low",
        followup=True,
    )
    lines = render.answer_embed(answer).to_dict()["description"].split("\n\n")
    assert lines[:2] == [
        "*Closest match — it may not answer this.*",
        "*Following up on this article:*",
    ]
    sure = Answer(
        question="q", article=huge_article(), passage="P.", confidence="high", followup=True
    )
    assert render.answer_embed(sure).to_dict()["description"].startswith("*Following up on")


def test_a_link_in_a_passage_stays_whole_with_no_bold_inside() -> None:
    # Bold (or an escape) inside a bare link becomes part of the address Discord links to.
    passage = "Send a PR (to https://github.com/rust-lang/rust) or a release blog post about rust."
    spans = key_spans(passage, "rust release")
    assert any(passage[a:b] == "rust" and a < passage.index(")") for a, b in spans)
    block = render.quote_block(passage, 1800, spans)
    assert "https://github.com/rust-lang/rust)" in block
    assert "**release** blog post about **rust**." in block


def test_a_reload_time_is_discords_timestamp_or_left_as_it_is() -> None:
    from bot.discord.render import discord_time

    assert discord_time("2026-12-07T03:49:01+00:00") == "<t:1796615341:f> (<t:1796615341:R>)"
    assert discord_time("2026-12-07T03:49:01") == "<t:1796615341:f> (<t:1796615341:R>)"
    assert discord_time("yesterday-ish") == "yesterday-ish"
    assert discord_time(None) == "?"


def test_an_error_names_a_channel_by_its_link_and_defuses_every_ping() -> None:
    # journey22: "I cannot post in <​#…>" showed the channel's raw id; a channel link
    # notifies nobody, so the bot's own sentences keep it; users, roles, everyone do not.
    text = render.error_embed("In <#123>: <@456> <@&789> @everyone").description
    assert text.startswith("In <#123>: ") and "<@456>" not in text and "<@&789>" not in text
    assert "@everyone" not in text
    assert render.plain("<#123>") != "<#123>"  # article text: no channel links either


def test_a_reload_says_when_nothing_is_served_and_what_a_failing_file_still_serves() -> None:
    # journey23: an empty content folder reloaded as a row of zeros; a broken file whose
    # article stays served showed only "1 failed".
    empty = render.reload_embed(ReloadReport(), served=0).description or ""
    assert "No article is served: the content folder holds no article" in empty
    broken = ReloadReport(unchanged=12, failed=[FileFailure("a.md", "bad YAML")])
    kept = render.reload_embed(broken, served=13, stale=1).description or ""
    assert "Still served as last read well: 1 article whose file fails now" in kept
    plain = render.reload_embed(ReloadReport(added=3), served=3).description or ""
    assert "served" not in plain


def test_a_card_as_text_keeps_its_words_within_a_message() -> None:
    # Where the bot lacks Embed Links the card goes as text (journey23): title, link,
    # passage, fields and date, within Discord's 2000 characters, mentions still inert.
    article = huge_article(title=HOSTILE, description=HOSTILE)
    answer = Answer(question="q", article=article, passage=(HOSTILE + " ") * 300, summary="S")
    text = render.embed_as_text(render.answer_embed(answer))
    assert text.startswith(render.NO_EMBEDS) and len(text) <= render.CONTENT
    assert "@everyone" not in text.replace("@\u200beveryone", "")
    small = huge_article(title="Short title", link="https://example.org/a")
    card = render.embed_as_text(render.article_embed(small, "A summary."))
    assert "**Short title** <https://example.org/a>" in card and "A summary." in card


def test_a_card_shows_no_quote_that_says_its_summary_again() -> None:
    # journey24: the killer whales card (and its daily picks) showed the newsletter's
    # opening as summary and again as the quote.
    opening = "Here’s some of the most intriguing studies I came across this week: the Sun."
    article = Article(slug="w", title="Killer whales make tools", path="w.md")
    same = render.article_embed(article, opening, Quote(opening[:60] + "…", kind="excerpt"))
    assert not [f for f in same.fields if f.name == "Quote"]
    other = render.article_embed(article, opening, Quote("We saw them use kelp.", "Dr Ames"))
    assert [f.value for f in other.fields if f.name == "Quote"] == [
        "“We saw them use kelp.” — Dr Ames"
    ]
