#!/bin/sh
# Run bench/qa_probes_*_topic28.txt style probes: each blank-line-separated block is its own
# console session (python -m bot chat, piped); prints every turn's reply.
#   sh bench/nothing_between.sh PROBES CONTENT_DIR DB
probes=$1 content=$2 db=$3
PYTHON=${PYTHON:-python}
grep -v '^#' "$probes" | sed 's/  # .*//' | awk -v RS= '{print > ("'"${TMPDIR:-/tmp}"'/nb_block_" NR)}'
for f in $(ls "${TMPDIR:-/tmp}"/nb_block_* | sort -t_ -k3 -n); do
    echo "===== $(head -1 "$f")"
    env -u DISCORD_TOKEN PYTHONHASHSEED=0 PYTHONPATH=. $PYTHON -m bot --content "$content" --db "$db" chat < "$f"
done
rm -f "${TMPDIR:-/tmp}"/nb_block_*
