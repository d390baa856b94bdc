#!/usr/bin/env bash
# hard27's reload probes (bench/reload_cases_2026-12-07_hard27.md) through the CLI, for one
# source tree: what `reload` says and what `show SLUG` finds after renames, odd files and
# symlink loops. What members get through buttons, conversations and picks is in
# tests/test_slug_aliases.py.
#
#   bench/reload_probes_hard27.sh TREE OUT [WORK]
#
# TREE: a source tree (this worktree, or `git archive main | tar -x -C DIR`); OUT: the
# transcript written; WORK: scratch folders (default a new one under /tmp).
set -u
TREE=$(cd "$1" && pwd)
OUT=$2
WORK=${3:-$(mktemp -d /tmp/reload_probes.XXXXXX)}
PY=${PY:-/work/main/.venv/bin/python}
: >"$OUT"

bot() { (cd "$TREE" && PYTHONPATH="$TREE" "$PY" -m bot --content "$C" --db "$D" "$@" 2>&1); }
say() { echo "$*" >>"$OUT"; }
run() { say "\$ $*"; bot "$@" | grep -v ' INFO ' | sed 's/ in [0-9.]*s$//' >>"$OUT"; }
show() { say "\$ show $1"; bot show "$1" | head -3 >>"$OUT"; }
art() { # art FILE TITLE [SLUG]
  mkdir -p "$(dirname "$C/$1")"
  { echo "---"; echo "title: '$2'"; [ -n "${3:-}" ] && echo "slug: $3"
    echo "tags:"; echo "  - testing"; echo "---"; echo "<p>The text of $2 is here.</p>"; } >"$C/$1"
}
case_() { # a fresh folder with ten other articles (no removal guard trips)
  say ""; say "## $1"
  C=$WORK/$2/content; D=$WORK/$2/articles.db
  rm -rf "$WORK/$2"; mkdir -p "$C"
  for i in 0 1 2 3 4 5 6 7 8 9; do art "other$i.md" "Other number $i"; done
}

case_ "1 a.md renamed b.md (no slug:)" c1
art a.md Alpha; bot reload >/dev/null
mv "$C/a.md" "$C/b.md"; run reload; show a; show b

case_ "2-3 chained a -> b -> c, then back c -> a" c2
art a.md Alpha; bot reload >/dev/null
mv "$C/a.md" "$C/b.md"; bot reload >/dev/null
mv "$C/b.md" "$C/c.md"; run reload; show a; show b
mv "$C/c.md" "$C/a.md"; run reload; show a; show b; show c

case_ "4 an alias's slug taken by a new a.md" c4
art a.md Alpha; bot reload >/dev/null
mv "$C/a.md" "$C/b.md"; bot reload >/dev/null
art a.md "Another article"; run reload; show a; show b

case_ "5 a.md renamed b.md and edited (no slug:)" c5
art a.md Alpha; bot reload >/dev/null
rm "$C/a.md"; art b.md Alpha; echo "<p>A paragraph added.</p>" >>"$C/b.md"
run reload; show a

case_ "6 the article an alias names removed" c6
art a.md Alpha; bot reload >/dev/null
mv "$C/a.md" "$C/b.md"; bot reload >/dev/null
rm "$C/b.md"; run reload; show a

case_ "edited frontmatter slug: first -> second" ce
art a.md Alpha first; bot reload >/dev/null
art a.md Alpha second; run reload; show first

case_ "8 folder 2010/ renamed archive-2010/ (same bytes), one file edited" c8
for i in 0 1 2; do art "2010/f$i.md" "Old post $i"; done; bot reload >/dev/null
mv "$C/2010" "$C/archive-2010"; art archive-2010/f0.md "Old post 0 edited"
run reload; show f1

case_ "10 odd encodings replacing a served file" c10
for n in utf16 bom latin1 nul badfront; do art "$n.md" "Enc $n" "$n"; done; bot reload >/dev/null
"$PY" - "$C" <<'EOF'
import sys, pathlib
c = pathlib.Path(sys.argv[1])
t = lambda n: f"---\ntitle: 'Enc {n} é'\nslug: {n}\ntags:\n  - testing\n---\n<p>Text é.</p>\n"
(c / "utf16.md").write_bytes(t("utf16").encode("utf-16"))
(c / "bom.md").write_bytes(b"\xef\xbb\xbf" + t("bom").encode())
(c / "latin1.md").write_bytes(t("latin1").encode("latin-1"))
(c / "nul.md").write_bytes(t("nul").encode().replace(b"Text", b"Te\x00xt"))
(c / "badfront.md").write_bytes(t("badfront").encode().replace(b"\xc3\xa9", b"\xff\xfe", 1))
EOF
run reload; for n in utf16 bom latin1 nul badfront; do show $n; done

case_ "11 a served file replaced by a folder a.md/" c11
art a.md Alpha alpha; bot reload >/dev/null
rm "$C/a.md"; art a.md/x.md Inner inner; run reload; show alpha; show inner

case_ "12 symlink loops: a.md -> b.md -> a.md, self.md -> self.md, a folder to itself" c12
art a.md Alpha alpha; art self.md Self self; art 2010/f.md Folder folder; bot reload >/dev/null
rm "$C/a.md" "$C/self.md"; rm -r "$C/2010"
ln -s b.md "$C/a.md"; ln -s a.md "$C/b.md"; ln -s self.md "$C/self.md"; ln -s 2010 "$C/2010"
run reload; show alpha; show self; show folder

case_ "14 a.md (slug: same) renamed c.md while a new b.md (slug: same) arrives" c14
art a.md Alpha same; bot reload >/dev/null
mv "$C/a.md" "$C/c.md"; art b.md Beta same; run reload; show same; show same-2

case_ "15 a.md <-> b.md swapped" c15
art a.md Alpha; art b.md Beta; bot reload >/dev/null
mv "$C/a.md" "$C/t.md"; mv "$C/b.md" "$C/a.md"; mv "$C/t.md" "$C/b.md"
run reload; show a; show b
echo "written $OUT (folders in $WORK)"
