"""parse_article on the seed, the corpus and hostile files: fields, clean text, errors."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.library.parse import ArticleError, parse_article


def make(meta: dict | str, body: str = "<p>Hello there.</p>") -> bytes:
    """An article file from frontmatter (a dict, or raw YAML text) and a body."""
    fm = meta if isinstance(meta, str) else yaml.safe_dump(meta, allow_unicode=True)
    return f"---\n{fm}---\n{body}\n".encode()


def parse(meta: dict | str, body: str = "<p>Hello there.</p>", path: str = "a/b.md"):
    return parse_article(make(meta, body), path)


# --- the seed --------------------------------------------------------------------------


@pytest.fixture
def seed(seed_dir: Path):
    (file,) = sorted(seed_dir.glob("*.md"))
    return parse_article(file.read_bytes(), file.name)


def test_seed_fields(seed) -> None:
    assert seed.title == "Revolutionary therapy treats ‘untreatable’ blood cancer"
    assert seed.slug == (
        "2026-01-31-httpswwwpositivenewssocietyrevolutionary-therapy-treats-untreatable-blood-cancer"
    )
    assert seed.author == "Gavin Haines"
    assert seed.tags == ("health", "science")
    assert seed.cover_image.startswith("https://www.positive.news/wp-content/uploads/2026/01/")
    assert seed.date == datetime(2026, 1, 31, 15, 27, 4, 88000, tzinfo=UTC)
    assert seed.date.tzinfo is not None
    assert seed.link == (
        "https://www.positive.news/society/revolutionary-therapy-treats-untreatable-blood-cancer/"
    )
    assert seed.description.startswith("Gene therapy which turns white blood cells")


def test_seed_clean_text_has_no_captions_or_callouts(seed) -> None:
    assert "Image for" not in seed.text
    assert "Subscribe" not in seed.text
    assert seed.text.startswith("“A few years ago this would have been science fiction,”")
    assert seed.word_count > 300
    assert seed.reading_minutes == 1  # ~344 words at 230 a minute


def test_seed_sentence_names_alyssa_tapley(seed) -> None:
    hits = [s for s in seed.sentences if "Alyssa Tapley" in s.text]
    assert len(hits) == 1
    assert hits[0].text.startswith("In 2022, 13-year-old Alyssa Tapley from Leicestershire")
    assert hits[0].text.endswith("to receive the BE-CAR7 treatment.")
    paragraphs = seed.text.split("\n\n")
    assert hits[0].text in paragraphs[hits[0].paragraph]


def test_seed_quotes_have_their_speakers(seed) -> None:
    by_text = {q.text: q.speaker for q in seed.quotes}
    assert by_text["A few years ago this would have been science fiction"] == "Prof Waseem Qasim"
    chiesa = [q for q in seed.quotes if q.text.startswith("Although most children")]
    assert chiesa and chiesa[0].speaker == "Dr Rob Chiesa"
    # Scare quotes are not quotes, and the repeated opening quote appears once.
    assert "living drug" not in by_text
    assert len(seed.quotes) == len({q.text for q in seed.quotes})


# --- the corpus ------------------------------------------------------------------------


def test_every_20th_blog_article_parses_with_text(blogs_dir: Path) -> None:
    files = sorted(blogs_dir.rglob("*.md"))[::20]
    assert len(files) >= 50
    for file in files:
        rel = file.relative_to(blogs_dir).as_posix()
        article = parse_article(file.read_bytes(), rel)
        assert article.title, rel
        assert article.text.strip(), rel
        assert article.sentences, rel
        assert article.date and article.date.tzinfo, rel
        assert article.link and article.link.startswith("https://"), rel
        assert article.slug == slug_in(file), rel
        assert "<p>" not in article.text and "</" not in article.text.replace("</>", ""), rel


def slug_in(file: Path) -> str:
    for line in file.read_text().splitlines():
        if line.startswith("slug:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"no slug line in {file}")


def test_every_real_export_parses_or_gives_a_reason(real_dir: Path) -> None:
    parsed = failed = 0
    for file in sorted(real_dir.rglob("*.md")):
        try:
            article = parse_article(file.read_bytes(), file.relative_to(real_dir).as_posix())
        except ArticleError as e:
            assert str(e) and "\n" not in str(e)
            failed += 1
            continue
        parsed += 1
        for field in (article.text, article.description or ""):
            assert "<script" not in field and "<style" not in field
        assert article.cover_image is None or article.cover_image.startswith("http")
    assert parsed >= 20
    assert failed <= 2


def _real(real_dir: Path, fragment: str):
    (file,) = [f for f in real_dir.rglob("*.md") if fragment in f.name]
    return parse_article(file.read_bytes(), file.name)


def test_real_empty_body_parses_with_no_text(real_dir: Path) -> None:
    article = _real(real_dir, "heres-what-america-looked-like")
    assert article.text == "" and article.sentences == () and article.reading_minutes == 0
    assert article.title == "Here's What America Looked Like Before the EPA"


def test_real_empty_title_is_reported(real_dir: Path) -> None:
    (file,) = [f for f in real_dir.rglob("*.md") if "ieeexplore" in f.name]
    with pytest.raises(ArticleError, match="missing title"):
        parse_article(file.read_bytes(), file.name)


def test_real_plain_text_body(real_dir: Path) -> None:
    article = _real(real_dir, "why-the-guardian-is-no-longer-posting")
    assert article.text.startswith("We wanted to let readers know")
    assert len(article.sentences) == 1


def test_real_pre_mail_text_keeps_its_lines(real_dir: Path) -> None:
    article = _real(real_dir, "mailarchiveietf")
    assert "Hi Bryan, Daniel, and the ATP Working Group,\n\nI want to thank" in article.text
    assert "Architectural considerations: Generalizing AT Protocol beyond\nBluesky" in (
        article.text
    )
    assert any(s.text.startswith("I want to thank the authors") for s in article.sentences)


def test_real_null_and_empty_cover_images_are_none(real_dir: Path) -> None:
    assert _real(real_dir, "groundmist").cover_image is None  # cover_image: null
    assert _real(real_dir, "donate-books-app").cover_image is None  # cover_image: ''


def test_real_page_with_scripts_and_styles(blogs_dir: Path) -> None:
    hits = 0
    for file in sorted(blogs_dir.rglob("*.md")):
        raw = file.read_bytes()
        if b"<script" not in raw and b"<style" not in raw:
            continue
        article = parse_article(raw, file.name)
        assert "plotly" not in article.text and "{" not in article.text.split("\n\n")[0]
        hits += 1
    assert hits >= 3


# --- messy but valid -------------------------------------------------------------------


def test_whole_html_page_body_has_no_script_or_style_text() -> None:
    body = (
        "<!DOCTYPE html><html><head><title>T</title><style>.x{color:red}</style>"
        "<script>window.track('x')</script></head><body><nav>Menu</nav>"
        "<main><p>The real story.</p></main><script>more()</script></body></html>"
    )
    article = parse({"title": "Page"}, body)
    assert article.text == "The real story."


def test_description_that_is_only_a_url_is_kept() -> None:
    url = "https://example.com/some/where"
    assert parse({"title": "T", "description": url}).description == url


def test_description_html_is_stripped() -> None:
    article = parse({"title": "T", "description": "<p>Short <b>summary</b> &amp; more</p>"})
    assert article.description == "Short summary & more"
    assert parse({"title": "T", "description": None}).description is None
    assert parse({"title": "T", "description": "  "}).description is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("null", None),
        ("/images/cover.jpg", None),
        ("ftp://host/x.jpg", None),
        ("https://", None),
        ("https://cdn.example.com/c.jpg?w=1", "https://cdn.example.com/c.jpg?w=1"),
        (42, None),
        (["https://x.com/a.jpg"], None),
    ],
)
def test_cover_image_only_real_http_urls(value, expected) -> None:
    assert parse({"title": "T", "cover_image": value}).cover_image == expected


def test_link_falls_back_to_is_based_on() -> None:
    assert parse({"title": "T", "isBasedOn": "https://a.org/x"}).link == "https://a.org/x"
    assert parse({"title": "T", "link": "mailto:x@y", "isBasedOn": "http://b.org"}).link == (
        "http://b.org"
    )
    assert parse({"title": "T", "link": "/relative"}).link is None


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["Go", " go ", "Rust", "", None, "rust"], ("go", "rust")),
        ("Science, health ,, SCIENCE", ("science", "health")),
        (["a", 3, True, {"x": 1}, ["y"]], ("a", "3", "true")),
        ({"not": "a list"}, ()),
        (None, ()),
        (7, ("7",)),
    ],
)
def test_tags_are_cleaned(tags, expected) -> None:
    assert parse({"title": "T", "tags": tags}).tags == expected


@pytest.mark.parametrize(
    ("fm", "expected"),
    [
        ("date: '2026-01-31T15:27:04.088Z'", datetime(2026, 1, 31, 15, 27, 4, 88000, UTC)),
        ("date: 2020-05-01", datetime(2020, 5, 1, tzinfo=UTC)),
        ("date: 2020-05-01 10:00:00", datetime(2020, 5, 1, 10, tzinfo=UTC)),
        (
            "date: 2020-05-01T10:00:00+02:00",
            datetime(2020, 5, 1, 10, tzinfo=timezone(timedelta(hours=2))),
        ),
        ("date: '2020-05-01T10:00:00'", datetime(2020, 5, 1, 10, tzinfo=UTC)),
        ("date: 2020-02-30", None),
        ("date: next tuesday", None),
        ("date: 12345", None),
        ("dateFolder: 2019/03/21", datetime(2019, 3, 21, tzinfo=UTC)),
        ("date: nonsense\ndateFolder: 2019/03/21", datetime(2019, 3, 21, tzinfo=UTC)),
    ],
)
def test_dates_are_timezone_aware_or_none(fm: str, expected) -> None:
    article = parse(f"title: T\n{fm}\n")
    assert article.date == expected
    if article.date is not None:
        assert article.date.tzinfo is not None


def test_slug_from_frontmatter_or_path() -> None:
    assert parse({"title": "T", "slug": " 2019-03-21-httpsgodevblogdebug-opt "}).slug == (
        "2019-03-21-httpsgodevblogdebug-opt"
    )
    assert parse({"title": "T", "slug": "My Post / Two?"}).slug == "my-post-two"
    assert parse({"title": "T"}, path="2024/05/Hello World.md").slug == "hello-world"
    assert parse({"title": "T", "slug": "???"}, path="x/ok.md").slug == "ok"


def test_odd_value_types_are_coerced_not_fatal() -> None:
    article = parse({"title": 2024, "author": ["Ann", "Bob"], "slug": 12, "link": 5})
    assert article.title == "2024"
    assert article.author == "Ann, Bob"
    assert article.slug == "12"
    assert article.link is None
    assert parse("title: No\n").title == "No"  # YAML 1.1 would make this False


def test_an_author_blurb_is_no_byline() -> None:
    # A read-later export scraped the "About the author" box into `author`
    # (../shared/corpus/real, 404media.co, 2025-09-03): shown as the byline it is nonsense.
    blurb = (
        "About The Author & Matthew Gault Is A Writer Covering Weird Tech & Nuclear War"
        " & Video Games. He S Worked For Reuters & Motherboard & The New York Times."
    )
    assert parse({"title": "T", "author": blurb}).author is None
    assert parse({"title": "T", "author": [blurb, "Ann Lee"]}).author == "Ann Lee"
    assert parse({"title": "T", "author": {"name": blurb}}).author is None
    # Names, however many and however joined, stay.
    names = "Robert F. Kennedy Jr., Mary Ann de la Cruz & Bob Ray and Cy Wu"
    assert parse({"title": "T", "author": names}).author == names
    org = "The Foundation for Individual Rights and Expression"
    assert parse({"title": "T", "author": org}).author == org


def test_bom_and_crlf_are_tolerated() -> None:
    raw = b"\xef\xbb\xbf---\r\ntitle: Hello\r\n---\r\n<p>Body one.</p>\r\n"
    article = parse_article(raw, "x.md")
    assert article.title == "Hello" and article.text == "Body one."


def test_markdown_body() -> None:
    article = parse({"title": "T"}, "# Head\n\nA *plain* paragraph. Second one.\n")
    assert article.text == "Head\n\nA plain paragraph. Second one."
    assert [s.text for s in article.sentences] == ["Head", "A plain paragraph.", "Second one."]
    assert [s.paragraph for s in article.sentences] == [0, 1, 1]


# Documents the loader's shortcut for flat mappings (parse._flat_mapping) must read as
# PyYAML's own constructor does, or hand over to it: anchors, merge keys, duplicate keys,
# typed keys, binary, sets, nested maps, a list at the top, odd dates, YAML 1.1 words.
ODD_FRONTMATTERS = [
    "title: T\ntags: &t [a, b]\nalso: *t\n",
    "base: &b {title: T}\n<<: *b\nauthor: A\n",
    "title: A\ntitle: B\n",
    "1: x\n2.5: y\nnull: z\ntrue: w\n2020-01-02: d\n",
    "title: !!binary aGk=\n",
    "tags: !!set {x, y}\n",
    "tags: !!omap [x: 1]\n",
    "author: {name: Ann}\ntags: [a, [b]]\n",
    "- title\n- T\n",
    "date: 2020-01-01\nd2: 2020-13-45\nt: 2020-01-01T10:00:00Z\n",
    "a: no\nb: On\nc: TRUE\nd: ~\ne: 0x1f\nf: 1_000\ng: .inf\nh: .nan\ni:\n",
    "title: !!str 12\nslug: !!int '12'\n=: v\n",
    "title: !custom x\n",
]


@pytest.mark.parametrize("text", ODD_FRONTMATTERS)
def test_frontmatter_reads_as_pyyaml_reads_it(text: str) -> None:
    from bot.library import parse as parse_module

    class Stock(parse_module._BaseLoader):  # the same constructors, PyYAML's own walk
        yaml_constructors = parse_module._Loader.yaml_constructors

    def read(loader: type) -> str:
        try:
            return repr(yaml.load(text, Loader=loader))  # noqa: S506 - safe loaders
        except yaml.YAMLError as exc:
            return f"{type(exc).__name__}: {exc}"

    assert read(parse_module._Loader) == read(Stock)


# --- failures --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"---\ntitle: [unclosed\n---\nbody\n", r"bad YAML in frontmatter at line \d+"),
        (b"---\ntitle: a\n  b: c\n---\nbody\n", r"bad YAML in frontmatter at line 3"),
        (b"---\ntitle: !!python/object:os.system x\n---\n", "bad YAML"),
        (b"---\nauthor: Ann\n---\n<p>Body</p>\n", "missing title"),
        (b"---\ntitle: ''\n---\n<p>Body</p>\n", "missing title"),
        (b"---\ntitle:\n---\n<p>Body</p>\n", "missing title"),
        (b"---\n---\n<p>Body</p>\n", "missing title"),
        (b"<p>No frontmatter at all</p>\n", "missing title"),
        (b"---\ntitle: never closed\n<p>Body</p>\n", "missing title"),
        (b"", "missing title"),
        (b"---\n- a\n- b\n---\nbody\n", "frontmatter is not a mapping"),
        (b"---\njust a string\n---\nbody\n", "frontmatter is not a mapping"),
        (b"---\ntitle: caf\xe9\n---\nbody\n", r"not UTF-8 text \(byte 0xe9 at offset 14\)"),
        (b"---\ntitle: x\n---\n\x00\x01\x02binary", "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_failure_reasons(raw: bytes, reason: str) -> None:
    with pytest.raises(ArticleError, match=reason) as info:
        parse_article(raw, "bad.md")
    assert "\n" not in str(info.value)


def test_file_over_the_size_limit() -> None:
    raw = make({"title": "Big"}, "<p>" + "word " * 700_000 + "</p>")
    with pytest.raises(ArticleError, match=r"^file is 3\.5 MB, over the 2\.0 MB limit$"):
        parse_article(raw, "big.md")
    small = make({"title": "Small"})
    with pytest.raises(ArticleError, match="over the 10 bytes limit"):
        parse_article(small, "small.md", max_bytes=10)
    assert parse_article(small, "small.md", max_bytes=len(small)).title == "Small"


# --- property tests --------------------------------------------------------------------

yaml_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=st.just(UTC)),
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
KEYS = ["title", "author", "date", "dateFolder", "description", "link", "isBasedOn", "slug"]
frontmatters = st.dictionaries(
    st.one_of(st.sampled_from([*KEYS, "tags", "cover_image", "content", "handler"]), st.text()),
    yaml_values,
    max_size=8,
)
bodies = st.lists(
    st.one_of(
        st.text(max_size=30),
        st.sampled_from(
            ["<p>", "</p>", "<pre>", "</pre>", "<script>", "<html><body>", "<figure>", "---\n"]
        ),
        st.sampled_from(["“", "”", '"', ". ", "said ", "<figcaption>Image for x", "\n\n"]),
    ),
    max_size=25,
).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(frontmatters, bodies)
def test_random_frontmatter_and_bodies_only_raise_article_error(meta: dict, body: str) -> None:
    try:
        fm = yaml.safe_dump(meta, allow_unicode=True)
    except yaml.YAMLError:
        return
    try:
        article = parse_article(f"---\n{fm}---\n{body}".encode("utf-8", "replace"), "p/q.md")
    except ArticleError as e:
        assert str(e) and "\n" not in str(e)
        return
    assert article.title and article.slug
    assert article.date is None or article.date.tzinfo is not None
    assert all(t == t.strip().lower() and t for t in article.tags)
    assert article.cover_image is None or article.cover_image.startswith(("http://", "https://"))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_only_raise_article_error(raw: bytes) -> None:
    for data in (raw, b"---\ntitle: x\n" + raw, b"---\ntitle: x\n---\n" + raw):
        try:
            parse_article(data, "r.md")
        except ArticleError as e:
            assert str(e) and "\n" not in str(e)


def test_date_only_frontmatter_values_survive_roundtrip() -> None:
    # A YAML date object (not a string) as a title or tag is coerced to text.
    article = parse({"title": date(2020, 1, 2), "tags": [date(2020, 1, 2)]})
    assert article.title == "2020-01-02" and article.tags == ("2020-01-02",)


def test_the_parser_version_covers_every_module_parsing_uses() -> None:
    """A module that parsing imports but the version leaves out could change what files
    parse to without the cache noticing (see bot.library.sync)."""
    from bot.library.parse import PARSING_MODULES
    from tests.conftest import project_modules_imported

    assert project_modules_imported("bot.library.parse") == set(PARSING_MODULES)


def test_a_title_of_control_characters_only_is_missing() -> None:
    # YAML's escapes are decoded after the file's control characters were removed.
    raw = b'---\ntitle: "\\e\\x07"\n---\n<p>Some text.</p>\n'
    with pytest.raises(ArticleError, match="^missing title"):
        parse_article(raw, "a.md")
