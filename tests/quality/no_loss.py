#!/usr/bin/env python3
"""Paragraphs of correct article text must survive cleaning.

Feeds each of the aeb ground-truth bodies (../shared/bench/aeb/ground-truth.json) as plain
text, paragraphs separated by blank lines, to `winnow clean --json`, and reports the share
of paragraphs whose text (white space removed, NFC) is still in the cleaned article, title
included, and the documents left empty. Usage: no_loss.py CLI [--min 0.995] [--show N]
"""
import json, os, subprocess, sys, tempfile, unicodedata

INVISIBLE = dict.fromkeys(map(ord, "\u200b\u00ad\ufeff\u2060"))

def fold(s):
    """Compare text as clean() normalises it: NFC, no white space, no invisible characters."""
    return "".join(unicodedata.normalize("NFC", s).translate(INVISIBLE).split())

def main(argv):
    cli = argv[0]
    minimum = float(argv[argv.index("--min") + 1]) if "--min" in argv else None
    show = int(argv[argv.index("--show") + 1]) if "--show" in argv else 0
    gt_path = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "bench", "aeb", "ground-truth.json")
    truth = json.load(open(gt_path, encoding="utf-8"))
    kept = total = emptied = 0
    lost = []
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for doc_id, doc in sorted(truth.items()):
            path = os.path.join(tmp, doc_id + ".txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(doc["articleBody"])
            paths.append((doc_id, path))
        out = subprocess.run([cli, "clean", "--json", "--no-batch"] + [p for _, p in paths], capture_output=True, check=True)
        results = [json.loads(line) for line in out.stdout.decode("utf-8").splitlines()]
    for (doc_id, _), result in zip(paths, results):
        cleaned = fold(result["title"] + result["text"])
        paragraphs = [p for p in truth[doc_id]["articleBody"].split("\n") if p.strip()]
        if paragraphs and not result["text"].strip():
            emptied += 1
        for p in paragraphs:
            total += 1
            if fold(p) in cleaned:
                kept += 1
            else:
                lost.append((doc_id[:8], p))
    share = kept / total if total else 1.0
    for doc_id, p in lost[:show]:
        print(f"lost [{doc_id}] {p[:120]!r}")
    print(f"paragraphs kept: {kept} of {total} ({share:.4f}); documents emptied: {emptied}")
    if minimum is not None and (share < minimum or emptied):
        return 1
    return 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
