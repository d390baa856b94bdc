"""Regenerate bench/queries.jsonl: the labelled query set over ../shared/corpus/blogs.

Title, typo and fragment classes are generated with a fixed seed, then curated through the
DROP_* lists below; tags, questions and unrelated queries are hand-written literals. Run:
    .venv/bin/python bench/make_queries.py [--corpus PATH] [--out bench/queries.jsonl]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import Doc, corpus_dir, read_meta  # noqa: E402

SEED = 20260531
OUT = Path(__file__).resolve().parent / "queries.jsonl"
N_EXACT, N_TYPO, N_FRAGMENT, N_FRAGMENT_TYPO = 52, 55, 55, 55


def _words(text: str) -> set[str]:
    return set(text.split())


STOP = _words(
    "a an and are as at be by for from has have how in is it its of on or our the their to "
    "we what when who why with your you do does new all this that into not more vs "
    "about here come"
)
# Words so common in this corpus's titles that they identify nothing on their own.
GENERIC = _words(
    "go rust announcing update updates team release released results survey project "
    "meeting meetings compiler lang council leadership testing pre prerelease call "
    "working group design goals director directors program management steering cycle "
    "year years development cycle cargo security advisory crates io welcome please "
    "contributors rustup version changes blog posts new now announcement"
)

# Titles repeated in the corpus: an exact query for them counts every same-titled slug.
REPEATED_TITLES = [
    "Upcoming compiler-team design meetings",
    "Share your feedback about developing with Go",
    "crates.io: development update",
    "Security advisory for Cargo",
    "Governance Working Group Update",
    "Changes in the Core Team",
]

# Curation: generated items a human judged unfair (ambiguous, or not how people type).
DROP_TITLES: set[str] = set()
DROP_FRAGMENTS: set[str] = {
    "outage postmortem",
    "getting to know the go",
    "prioritizing low",
    "generic arguments",
    "enabling the next iteration",
    "congrats to compiler team members",
    "target has reached tier",
    "target has reached",
    "getting to know",
    "const generic arguments call",
    "six months",
    "concurrent code",
    "space and lto",
    "docs.rs now allows",
    "heard about rust's",
    "gophers in the big",
    "next steps toward",
    "changed default",
    "database launched",
    "times on nightly on linux",
    "strings the mechanics",
    "proposal for adding",
    "chris to library",
}

QWERTY = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


def _neighbours() -> dict[str, str]:
    pos = {c: (r, i) for r, row in enumerate(QWERTY) for i, c in enumerate(row)}
    out: dict[str, str] = {}
    for c, (r, i) in pos.items():
        near = []
        for dr, di in ((0, -1), (0, 1), (-1, 0), (-1, 1), (1, 0), (1, -1)):
            rr, ii = r + dr, i + di
            if 0 <= rr < 3 and 0 <= ii < len(QWERTY[rr]):
                near.append(QWERTY[rr][ii])
        out[c] = "".join(near)
    return out


NEAR = _neighbours()


def typo_word(word: str, rng: random.Random) -> str:
    """One realistic typo inside `word` (never the first letter): near key, swap, drop, double."""
    for _ in range(20):
        i = rng.randrange(1, len(word))
        kind = rng.choice(["near", "swap", "drop", "double"])
        c = word[i]
        if kind == "near" and c.lower() in NEAR:
            r = rng.choice(NEAR[c.lower()])
            new = word[:i] + (r.upper() if c.isupper() else r) + word[i + 1 :]
        elif kind == "swap" and i < len(word) - 1 and word[i] != word[i + 1]:
            new = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif kind == "drop":
            new = word[:i] + word[i + 1 :]
        elif kind == "double" and c.isalpha():
            new = word[:i] + c + word[i:]
        else:
            continue
        if new.lower() != word.lower():
            return new
    return word


_WORD = re.compile(r"[A-Za-z]{5,}")


def add_typos(text: str, n: int, rng: random.Random) -> str | None:
    """`text` with `n` typos in distinct words of at least 5 letters; None if it has too few."""
    spans = [m.span() for m in _WORD.finditer(text)]
    if len(spans) < n:
        return None
    chosen = sorted(rng.sample(spans, n), reverse=True)
    for a, b in chosen:
        text = text[:a] + typo_word(text[a:b], rng) + text[b:]
    return text


def norm(s: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+(?:[.'’][a-z0-9]+)*", s.casefold()))


def tokens(s: str) -> list[str]:
    return norm(s).split()


def title_words(title: str) -> list[str]:
    """Whitespace words of a title, lower-cased, outer punctuation stripped (keeps rust-lang.org)."""
    out = []
    for w in title.split():
        w = w.casefold().strip(".,:;!?()[]`'’“”\"—-")
        if w:
            out.append(w)
    return out


def fragment_candidates(doc: Doc, by_norm: dict[str, list[Doc]], df: Counter) -> list[str]:
    """Contiguous 2-5 word spans of the title that point at this title and no other."""
    if re.search(r"[\"“”]", doc.title):
        return []  # titles quoting other titles make fragments that straddle the quotes
    words = title_words(doc.title)
    others = [(n, set(n.split())) for n in by_norm if n != norm(doc.title)]
    out = []
    for size in range(2, 6):
        for i in range(0, len(words) - size + 1):
            span = words[i : i + size]
            if size >= len(words):
                continue  # the whole title is not a fragment
            if any(not re.search(r"[a-z]", w) for w in span):
                continue  # bare version numbers make fragments about numbers, not titles
            if span[0] in STOP or span[-1] in STOP:
                continue
            toks = tokens(" ".join(span))
            strong = [t for t in toks if t not in STOP and t not in GENERIC]
            if len(strong) < 2 or not any(len(t) >= 5 and df[t] <= 2 for t in strong):
                continue
            phrase = " ".join(span)
            if re.search(r"[()’]|cve-", phrase):
                continue  # nobody half-remembers a CVE number or a parenthesised "(Un)"
            cset = {t for t in toks if t not in STOP}
            if any(norm(phrase) in n or cset <= oset for n, oset in others):
                continue
            out.append(phrase)
    return out


_NUMBERED = re.compile(r"\d+\.\d+")


def _sample_titles(pool: list[Doc], n: int, rng: random.Random) -> list[Doc]:
    """Sample titles, keeping version-numbered ones ("Announcing Rust 1.45.0") to a fifth."""
    numbered = [d for d in pool if _NUMBERED.search(d.title)]
    plain = [d for d in pool if not _NUMBERED.search(d.title)]
    k = n // 5
    picked = rng.sample(numbered, k) + rng.sample(plain, n - k)
    rng.shuffle(picked)
    return picked


def generate(docs: list[Doc], seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    by_norm: dict[str, list[Doc]] = defaultdict(list)
    for d in docs:
        by_norm[norm(d.title)].append(d)
    unique = sorted(
        (v[0] for v in by_norm.values() if len(v) == 1 and v[0].title not in DROP_TITLES),
        key=lambda d: d.slug,
    )
    df = Counter(t for n in by_norm for t in set(n.split()))
    rows: list[dict] = []

    exact = _sample_titles(unique, N_EXACT, rng)
    for d in exact:
        rows.append({"class": "exact_title", "query": d.title, "relevant": [d.slug]})
    for t in REPEATED_TITLES:
        slugs = sorted(d.slug for d in by_norm[norm(t)])
        assert len(slugs) > 1, t
        rows.append({"class": "exact_title", "query": t, "relevant": slugs})

    typo_pool = [d for d in unique if d not in exact and _WORD.search(d.title)]
    for d in _sample_titles(typo_pool, N_TYPO, rng):
        n = 2 if len(_WORD.findall(d.title)) >= 2 and rng.random() < 0.4 else 1
        q = add_typos(d.title, n, rng) or d.title
        if rng.random() < 0.4:
            q = q.lower()
        rows.append({"class": "typo_title", "query": q, "relevant": [d.slug]})

    # Per-title generators and a per-title order: dropping one fragment during curation
    # leaves every other generated query unchanged.
    def own_rng(d: Doc) -> random.Random:
        return random.Random(f"{seed}:{d.slug}")

    frag_pool = []
    for d in sorted(unique, key=lambda d: own_rng(d).random()):
        cands = fragment_candidates(d, by_norm, df)
        own_rng(d).shuffle(cands)
        kept = [c for c in cands if c not in DROP_FRAGMENTS]
        if kept:
            frag_pool.append((d, kept))
    for d, cands in frag_pool[:N_FRAGMENT]:
        rows.append({"class": "fragment", "query": cands[0], "relevant": [d.slug]})
    typo_frags = [(d, [c for c in cs if _WORD.search(c)]) for d, cs in frag_pool[N_FRAGMENT:]]
    typo_frags = [(d, cs) for d, cs in typo_frags if cs][:N_FRAGMENT_TYPO]
    for d, cands in typo_frags:
        q = add_typos(cands[0], 1, own_rng(d))
        rows.append({"class": "fragment_typo", "query": q, "relevant": [d.slug]})

    slugs = {d.slug for d in docs}
    tag_slugs: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        for t in d.tags:
            tag_slugs[t].append(d.slug)
    for query, tag in TAGS:
        assert tag in tag_slugs, tag
        rows.append({"class": "tag", "query": query, "relevant": sorted(tag_slugs[tag])})
    for query, rel in QUESTIONS:
        rel = rel + ALSO_ANSWER.get(query, [])
        missing = [s for s in rel if s not in slugs]
        assert not missing, (query, missing)
        rows.append({"class": "question", "query": query, "relevant": rel})
    for query in UNRELATED:
        rows.append({"class": "unrelated", "query": query, "relevant": []})
    return rows


# (query as typed, tag it stands for)
TAGS: list[tuple[str, str]] = [
    ("generics", "generics"),
    ("concurrency", "concurrency"),
    ("compiler team", "compiler team"),
    ("survey", "survey"),
    ("appengine", "appengine"),
    ("leadership council", "leadership council"),
    ("cargo team", "cargo team"),
    ("crates.io team", "crates.io team"),
    ("governance wg", "governance wg"),
    ("go2", "go2"),
    ("birthday", "birthday"),
    ("protobuf", "protobuf"),
    ("json", "json"),
    ("debug", "debug"),
    ("gopher", "gopher"),
    ("versioning", "versioning"),
    ("clippy team", "clippy team"),
    ("rustdoc team", "rustdoc team"),
    ("async working group", "async working group"),
    ("types team", "types team"),
    ("godoc", "godoc"),
    ("gofix", "gofix"),
    ("cancellation", "cancellation"),
    ("playground", "playground"),
    ("infrastructure team", "infrastructure team"),
    ("release team", "release team"),
]

# (question, [slug of the article whose text answers it]) -- written by reading each article.
QUESTIONS: list[tuple[str, list[str]]] = [
    ("how did Go make its maps faster?", ["2025-02-26-httpsgodevblogswisstable"]),
    (
        "who first described the hash table idea in an IBM memo in 1953",
        ["2025-02-26-httpsgodevblogswisstable"],
    ),
    ("what is the go telemetry opt-in command?", ["2024-09-03-httpsgodevbloggotelemetry"]),
    ("where is uploaded go telemetry data published", ["2024-09-03-httpsgodevbloggotelemetry"]),
    (
        'why do all my goroutines print the last loop value "c"?',
        ["2023-09-19-httpsgodevblogloopvar-preview"],
    ),
    (
        "loop variable captured by closure bug in go, is it being fixed",
        ["2023-09-19-httpsgodevblogloopvar-preview"],
    ),
    (
        "which Go release first shipped a preview of profile-guided optimization?",
        ["2023-09-05-httpsgodevblogpgo", "2023-02-08-httpsgodevblogpgo-preview"],
    ),
    ("how many packages import logrus", ["2023-08-22-httpsgodevblogslog"]),
    (
        "how much less time do workloads spend in GC with GOEXPERIMENT=greenteagc?",
        ["2025-10-29-httpsgodevbloggreenteagc"],
    ),
    (
        "which go version is planned to make the new experimental garbage collector the default",
        ["2025-10-29-httpsgodevbloggreenteagc"],
    ),
    (
        "what GOEXPERIMENT setting do I need to test concurrent code with fake time in go 1.24?",
        ["2025-02-19-httpsgodevblogsynctest"],
    ),
    (
        "why is my go service cpu throttled inside a kubernetes container limit",
        ["2025-08-20-httpsgodevblogcontainer-aware-gomaxprocs"],
    ),
    (
        "how do I stop ../../etc/passwd path traversal when opening files in go",
        ["2025-03-12-httpsgodevblogosroot"],
    ),
    (
        "what was the first v2 package in the go standard library?",
        ["2024-05-01-httpsgodevblograndv2"],
    ),
    (
        "does math/rand use a cryptographically secure random source now?",
        ["2024-05-02-httpsgodevblogchacha8rand"],
    ),
    ("which type foundry designed the Go typeface", ["2016-11-16-httpsgodevbloggo-fonts"]),
    (
        "the gopher mascot was first drawn for which radio station?",
        ["2014-03-24-httpsgodevbloggopher"],
    ),
    (
        "what do the motion lines in the new go logo stand for",
        ["2018-04-26-httpsgodevbloggo-brand"],
    ),
    (
        "how many races did ThreadSanitizer find in the go standard library",
        ["2013-06-26-httpsgodevblograce-detector"],
    ),
    (
        "how do I find functions that are never called in my Go program?",
        ["2023-12-12-httpsgodevblogdeadcode"],
    ),
    ("how to intern strings in the go standard library", ["2024-08-27-httpsgodevblogunique"]),
    (
        "which go version uses proxy.golang.org and sum.golang.org by default",
        ["2019-08-29-httpsgodevblogmodule-mirror-launch"],
    ),
    (
        "why does the go team say boring releases are a good thing",
        ["2023-08-14-httpsgodevblogcompat"],
    ),
    (
        "can the go command download a newer toolchain when go.mod requires it?",
        ["2023-08-14-httpsgodevblogtoolchain"],
    ),
    ("do go modules have a lock file like npm?", ["2022-03-31-httpsgodevblogsupply-chain"]),
    (
        "which Go version first included the Go Cryptographic Module v1.0.0",
        ["2025-07-15-httpsgodevblogfips140"],
    ),
    (
        "which security firm audited the go cryptography packages?",
        ["2025-05-19-httpsgodevblogtob-crypto-audit"],
    ),
    (
        "how do I stop the compiler from optimizing away the code in my go benchmark",
        ["2025-04-02-httpsgodevblogtesting-b-loop"],
    ),
    ("what GOOS value targets wasi preview 1", ["2023-09-13-httpsgodevblogwasi"]),
    (
        "can go get run a program from an untrusted directory on PATH",
        ["2021-01-19-httpsgodevblogpath-security"],
    ),
    (
        "was the thanksgiving 2011 google doodle written in go?",
        ["2011-12-13-httpsgodevblogturkey-doodle"],
    ),
    ("who founded Numerotron", ["2011-12-19-httpsgodevblogstathat"]),
    ("what is the outyet example program", ["2014-09-26-httpsgodevblogdocker"]),
    (
        "what command rewrites all packages under the current directory to use modern go features",
        ["2026-02-17-httpsgodevbloggofix"],
    ),
    (
        "what happened to the notion of core type that came with go 1.18 generics",
        ["2025-03-26-httpsgodevblogcoretypes"],
    ),
    (
        "how does the go compiler deduce type arguments when I call a generic function",
        ["2023-10-09-httpsgodevblogtype-inference"],
    ),
    ("what is the 5th most imported go package?", ["2025-09-09-httpsgodevblogjsonv2-exp"]),
    (
        "how does go run clean-up code after a function returns, even if it panics",
        ["2010-08-04-httpsgodevblogdefer-panic-and-recover"],
    ),
    (
        "how can a go program examine its own types at run time",
        ["2011-09-06-httpsgodevbloglaws-of-reflection"],
    ),
    (
        "how often does if err != nil { return err } really appear in open source go code",
        ["2015-01-12-httpsgodevblogerrors-are-values"],
    ),
    (
        "how do I cancel all the goroutines handling a request when it times out?",
        ["2014-07-29-httpsgodevblogcontext"],
    ),
    (
        "what is a pipeline of stages connected by channels in go",
        ["2014-03-13-httpsgodevblogpipelines"],
    ),
    (
        "why did go define its own encoding instead of just using protocol buffers",
        ["2011-03-24-httpsgodevbloggob"],
    ),
    (
        "what is the difference between concurrency and parallelism according to Rob Pike?",
        ["2013-01-16-httpsgodevblogwaza-talk"],
    ),
    (
        "why does go put the type after the variable name, unlike C?",
        ["2010-07-07-httpsgodevblogdeclaration-syntax"],
    ),
    (
        "did go 1.5 reach gc pauses below the 10 millisecond goal",
        ["2015-08-31-httpsgodevbloggo15gc"],
    ),
    (
        "go keynote at the international symposium on memory management",
        ["2018-07-12-httpsgodevblogismmkeynote"],
    ),
    ("when was the go compiler translated from c to go?", ["2015-08-19-httpsgodevbloggo15"]),
    ("which go release added an embedded tzdata package", ["2020-08-11-httpsgodevbloggo115"]),
    (
        "which go release first shipped generics?",
        ["2022-03-15-httpsgodevbloggo118", "2021-12-14-httpsgodevbloggo118beta1"],
    ),
    (
        "how do I wrap errors with %w and check them with errors.Is",
        ["2019-10-17-httpsgodevbloggo113-errors"],
    ),
    ("which key types can a go map use", ["2013-02-06-httpsgodevblogmaps"]),
    (
        "when did rust stabilize async fn in traits?",
        [
            "2023-12-21-httpsblogrust-langorg20231221async-fn-rpit-in-traits",
            "2023-12-28-httpsblogrust-langorg20231228rust-1750",
        ],
    ),
    (
        "which rust version turned the NLL borrow checker warnings into hard errors on stable",
        ["2019-11-01-httpsblogrust-langorg20191101nll-hard-errors"],
    ),
    (
        "what is the most upvoted issue on the rust repository?",
        ["2021-08-03-httpsblogrust-langorg20210803gats-stabilization-push"],
    ),
    (
        "i got an email from rustfoundation.dev asking me to log in to crates.io, is it legit",
        ["2025-09-12-httpsblogrust-langorg20250912crates-io-phishing-campaign"],
    ),
    (
        "which crate was typosquatting rust_decimal",
        ["2022-05-10-httpsblogrust-langorg20220510malicious-crate-rustdecimal"],
    ),
    (
        "what nightly flag made cargo fetch the crates.io index over http instead of git?",
        ["2022-06-22-httpsblogrust-langorg20220622sparse-registry-testing"],
    ),
    (
        "does cargo automatically delete old files from its home directory cache",
        ["2023-12-11-httpsblogrust-langorg20231211cargo-cache-cleaning"],
    ),
    (
        "should rust libraries commit Cargo.lock?",
        ["2023-08-29-httpsblogrust-langorg20230829committing-lockfiles"],
    ),
    (
        "which rust release makes lld the default linker on x86_64 linux",
        [
            "2025-09-01-httpsblogrust-langorg20250901rust-lld-on-1900-stable",
            "2025-09-18-httpsblogrust-langorg20250918rust-1900",
        ],
    ),
    (
        "what -Z threads option speeds up rustc's front end",
        ["2023-11-09-httpsblogrust-langorg20231109parallel-rustc"],
    ),
    (
        "why did the alignment of 128-bit integers change on x86 in rust",
        ["2024-03-30-httpsblogrust-langorg20240330i128-layout-update"],
    ),
    (
        "when will the old wasm32-wasi target be removed?",
        ["2024-04-09-httpsblogrust-langorg20240409updates-to-rusts-wasi-targets"],
    ),
    (
        "which musl version will rust 1.71 ship with",
        ["2023-05-09-httpsblogrust-langorg20230509updating-musl-targets"],
    ),
    (
        "what is the minimum glibc version required by rust 1.64?",
        ["2022-08-01-httpsblogrust-langorg20220801increasing-glibc-kernel-requirements"],
    ),
    (
        "what is the minimum android api level supported from rust 1.68",
        ["2023-01-09-httpsblogrust-langorg20230109android-ndk-update-r25"],
    ),
    (
        "rust Command arguments not escaped when running .bat files on windows",
        [
            "2024-04-09-httpsblogrust-langorg20240409cve-2024-24576",
            # the follow-up advisory: the same bug, an incomplete fix
            "2024-09-04-httpsblogrust-langorg20240904cve-2024-43402",
        ],
    ),
    (
        "bidirectional unicode override codepoints hiding code in rust source",
        ["2021-11-01-httpsblogrust-langorg20211101cve-2021-42574"],
    ),
    (
        "is std::fs::remove_dir_all vulnerable to a symlink race?",
        ["2022-01-20-httpsblogrust-langorg20220120cve-2022-21658"],
    ),
    (
        "which popular crate was made to depend on the malicious proc-macro1 crate",
        ["2026-08-20-httpsblogrust-langorg20260820supply-chain-attack-on-arrayref"],
    ),
    (
        "which firefox release shipped the stylo css engine written in rust?",
        ["2017-11-14-httpsblogrust-langorg20171114fearless-concurrency-in-firefox-quantum"],
    ),
    (
        "when did the official rust teams grow to over a hundred people",
        ["2018-05-15-httpsblogrust-langorg20180515rust-turns-three"],
    ),
    (
        "what filled up the disk of the docs.rs server in october 2019",
        ["2019-10-24-httpsblogrust-langorginside-rust20191024docsrs-outage-postmortem"],
    ),
    (
        "my crate did not show up in the index after upload during a github outage",
        ["2020-02-26-httpsblogrust-langorginside-rust20200226crates-io-incident-report"],
    ),
    (
        "rustfmt proxy broke after a rustup update in april 2021, what happened?",
        ["2021-04-28-httpsblogrust-langorginside-rust20210428rustup-1240-incident-report"],
    ),
    (
        "until which rust release will RLS builds still be shipped",
        ["2022-07-01-httpsblogrust-langorg20220701rls-deprecation"],
    ),
    (
        "why could crates not be downloaded from static.crates.io in january 2023",
        ["2023-02-08-httpsblogrust-langorginside-rust20230208dns-outage-portmortem"],
    ),
    (
        "what replaced the rust core team in 2023?",
        ["2023-06-20-httpsblogrust-langorg20230620introducing-leadership-council"],
    ),
    (
        "is there a rust front-end for gcc",
        ["2024-11-07-httpsblogrust-langorg20241107gccrs-an-alternative-compiler-for-rust"],
    ),
    (
        "what does the ferrocene language specification have to do with the rust project",
        ["2025-03-26-httpsblogrust-langorg20250326adopting-the-fls"],
    ),
    (
        "which rust version stabilized the naked_asm! macro?",
        [
            "2025-07-03-httpsblogrust-langorg20250703stabilizing-naked-functions",
            "2025-06-26-httpsblogrust-langorg20250626rust-1880",
        ],
    ),
    (
        "which project was the first to be housed in the rust foundation's new lab",
        ["2025-09-03-httpsblogrust-langorg20250903welcoming-the-rust-innovation-lab"],
    ),
    (
        "does rustc still reuse the c++ symbol mangling scheme",
        ["2025-11-20-httpsblogrust-langorg20251120switching-to-v0-mangling-on-nightly"],
    ),
    (
        "which language came close to rust as most admired on stack overflow in 2025?",
        ["2025-12-19-httpsblogrust-langorg20251219what-do-people-love-about-rust"],
    ),
    (
        "what does MIR stand for in the rust compiler",
        ["2016-04-19-httpsblogrust-langorg20160419mir"],
    ),
    (
        "what did dropbox keep asking the rust core team for",
        ["2016-09-08-httpsblogrust-langorg20160908incremental"],
    ),
    (
        "contest to hide deliberate vulnerabilities in innocent-looking rust code",
        ["2016-12-15-httpsblogrust-langorg20161215underhanded-rust"],
    ),
    (
        "how can cargo audit automatically update vulnerable dependencies",
        ["2020-01-23-httpsblogrust-langorginside-rust20200123introducing-cargo-audit-fix-and-more"],
    ),
]

# Further articles that also answer a question: every engine's first result for every
# question (project, ask and the three baselines) was judged, blind to the engine, by the rule
# "its own text states the answer"; those that do are here, with the quote in
# bench/judgments.jsonl (2026-12-03). The hand-written label above stays first.
ALSO_ANSWER: dict[str, list[str]] = {
    "which Go release first shipped a preview of profile-guided optimization?": [
        "2023-11-10-httpsgodevblog14years",
    ],
    "which go version is planned to make the new experimental garbage collector the default": [
        "2026-02-10-httpsgodevbloggo126",
    ],
    "what command rewrites all packages under the current directory to use modern go features": [
        "2025-11-14-httpsgodevblog16years",
    ],
    "how does the go compiler deduce type arguments when I call a generic function": [
        "2019-07-31-httpsgodevblogwhy-generics",
        "2022-03-22-httpsgodevblogintro-generics",
    ],
    "which rust version turned the NLL borrow checker warnings into hard errors on stable": [
        "2019-11-07-httpsblogrust-langorg20191107rust-1390",
    ],
    "is there a rust front-end for gcc": [
        "2025-10-14-httpsblogrust-langorginside-rust20251014program-management-update-2025-09",
    ],
    "what does the ferrocene language specification have to do with the rust project": [
        "2025-07-21-httpsblogrust-langorginside-rust20250721project-director-update",
    ],
}

# Nothing in a Go/Rust blog answers these; the last ones share a word with it on purpose.
UNRELATED: list[str] = [
    "recipe for banana bread",
    "who won the 1998 world cup",
    "best time to plant tulips",
    "how long to boil an egg",
    "symptoms of vitamin d deficiency",
    "cheap flights to lisbon in may",
    "how to train a puppy to sit",
    "taylor swift tour dates",
    "what is the capital of australia?",
    "how many calories in an avocado",
    "best hiking trails in patagonia",
    "how to knit a scarf for beginners",
    "lasagna recipe with ricotta",
    "how to get rid of aphids on roses",
    "who painted the mona lisa",
    "nba finals 2016 game 7 score",
    "how do i fix a leaking kitchen faucet",
    "best sunscreen for sensitive skin",
    "how to make a sourdough starter",
    "tips for running your first marathon",
    "how to treat a sprained ankle",
    "best man wedding speech ideas",
    "what to pack for a beach holiday in thailand",
    "growing tomatoes on a balcony",
    "oscar winners for best actress",
    "how to remove red wine stains from a carpet",
    "good chess openings for beginners",
    "how to care for orchids indoors",
    "meditation techniques for anxiety",
    "how much does a golden retriever puppy cost",
    "how to make pancakes without eggs",
    "what time does the farmers market open on saturday",
    "who is the prime minister of canada",
    "how to lower blood pressure naturally",
    "best beaches in the algarve",
    "how often should i water succulents",
    "lyrics to bohemian rhapsody",
    "how to tie a bow tie",
    "premier league top scorer this season",
    "how long does jet lag last",
    "apple pie crust",
    "python snake diet",
    "rust stains on clothes removal",
    "go karting near me",
    "how to remove rust from a cast iron pan",
    "java coffee beans roast levels",
    "crab cakes recipe",
    "how do i get rid of gophers in my garden",
    "ruby engagement ring prices",
    "track a cargo ship container",
    "green tea health benefits",
    "swiss cheese fondue recipe",
    "black box flight recorder after a plane crash",
    "best playground equipment for toddlers",
    "who won the tour de france in 2019",
]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=None, help="corpus folder (default ../shared/corpus/blogs)")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    rows = generate(read_meta(corpus_dir(args.corpus)))
    with open(args.out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = Counter(r["class"] for r in rows)
    print(
        f"wrote {len(rows)} queries to {args.out}: "
        + ", ".join(f"{k} {v}" for k, v in counts.items())
    )


if __name__ == "__main__":
    main()
