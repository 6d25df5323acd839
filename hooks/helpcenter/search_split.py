"""The search file split for the browser: a small manifest, term shards, per-page text chunks.

`build_search_file` makes one language's whole search file; `split_search_file`
cuts it into what the worker fetches piece by piece:

- `<lang>.json`, the manifest: rules, synonyms, ranking, labels, problem types'
  terms, lunr's index settings (fields, boosts, k1, b, document count, average
  field lengths), the number of sections of each page, and where the shards are;
- `<lang>/t<n>.<hash>.json`, term shards: consecutive sorted terms with their
  postings, each posting a (document gap, term frequency, field length) triple,
  so a query scores documents from the shards it fetched alone;
- `<lang>/d<n>.<hash>.json`, the term dictionary by first letter (terms only),
  fetched only to look for a typo's intended word;
- `<lang>/p<n>.<hash>.json`, one page's documents (anchor, title, text) for
  the results shown.

Every file but the manifest is named by a hash of its content (the page
texts by one hash of them all, `texts` in the manifest: a name per page would
make the manifest grow with the site): a build that changes a file writes a
new name, so hosts can let browsers keep these files for good (netlify.toml)
and a browser never mixes pieces of two builds.

`join_search_file` puts the pieces back together into the whole file (the tests
use it to compare with lunr.py).
"""

from __future__ import annotations

import hashlib
import json

FORMAT = 3
SHARD_BYTES = 16_000  # raw JSON per term shard (5–7 KB gzip): a query fetches a shard per word and per synonym, so small shards waste least (bench/README.md: 48 KB shards made two words 87–112 KB at 1,000 articles, 16 KB 45–67 KB)


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _named(prefix: str, data) -> tuple[str, str]:
    text = dumps(data)
    return f"{prefix}.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:10]}.json", text


def page_chunk(language: str, number: int, texts: str) -> str:
    """Where page `number`'s texts are (search-worker.js builds the same name)."""
    return f"{language}/p{number}.{texts}.json"


def split_search_file(payload: dict, problems: list[dict] | None = None, shard_bytes: int = SHARD_BYTES) -> dict[str, str]:
    """{path relative to search/: JSON text} for one language."""
    language = payload["language"]
    index = payload["index"]
    fields = index["fields"]
    lengths = index["lengths"]
    count = len(lengths[0]) if lengths else 0
    files: dict[str, str] = {}
    shards: list[list[str]] = []
    current: dict = {"terms": [], "postings": []}
    size = 0

    def close() -> None:
        nonlocal current, size
        if current["terms"]:
            name, text = _named(f"{language}/t{len(shards)}", current)
            files[name] = text
            shards.append([current["terms"][0], name])
        current, size = {"terms": [], "postings": []}, 0

    for term, per_field in zip(index["terms"], index["postings"], strict=True):
        triples = []
        for f, flat in enumerate(per_field):
            out, ref = [], 0
            for i in range(0, len(flat), 2):
                ref += flat[i]
                out += (flat[i], flat[i + 1], lengths[f][ref])
            triples.append(out)
        current["terms"].append(term)
        current["postings"].append(triples)
        size += len(term) + 8 * sum(len(t) for t in triples) // 3 + 8
        if size >= shard_bytes:
            close()
    close()
    by_letter: dict[str, list[str]] = {}
    for term in index["terms"]:
        by_letter.setdefault(term[0], []).append(term)
    dictionary = {}
    for number, (letter, words) in enumerate(sorted(by_letter.items())):
        name, text = _named(f"{language}/d{number}", words)
        files[name] = text
        dictionary[letter] = name
    sections: list[int] = [0] * len(payload["pages"])
    for doc in payload["docs"]:
        sections[doc[0]] += 1
    first = 0
    chunks = []
    for number, page in enumerate(payload["pages"]):
        chunks.append(dumps({"page": page, "docs": [doc[1:] for doc in payload["docs"][first:first + sections[number]]]}))
        first += sections[number]
    digest = hashlib.sha256()
    for text in chunks:
        digest.update(text.encode("utf-8") + b"\n")
    texts = digest.hexdigest()[:10]
    for number, text in enumerate(chunks):
        files[page_chunk(language, number, texts)] = text
    manifest = {
        "format": FORMAT,
        "language": language,
        "rules": payload["rules"],
        "synonyms": payload["synonyms"],
        "ranking": payload["ranking"],
        "labels": payload.get("labels", {}),
        "problems": problems or [],
        "index": {
            "version": index["version"], "fields": fields, "pipeline": index["pipeline"], "boosts": index["boosts"],
            "k1": index["k1"], "b": index["b"], "count": count,
            "averages": [sum(per_doc) / count if count else 0 for per_doc in lengths],
        },
        "sections": sections,
        "texts": texts,
        "shards": shards,
        "dictionary": dictionary,
    }
    files[f"{language}.json"] = dumps(manifest)
    return files


def join_search_file(files: dict[str, str], language: str) -> dict:
    """The whole search file (format of build_search_file) from the split one."""
    manifest = json.loads(files[f"{language}.json"])
    meta = manifest["index"]
    count, fields = meta["count"], meta["fields"]
    lengths = [[0] * count for _ in fields]
    terms, postings = [], []
    for _, name in manifest["shards"]:
        shard = json.loads(files[name])
        for term, per_field in zip(shard["terms"], shard["postings"], strict=True):
            flats = []
            for f, triples in enumerate(per_field):
                flat, ref = [], 0
                for i in range(0, len(triples), 3):
                    ref += triples[i]
                    flat += (triples[i], triples[i + 1])
                    lengths[f][ref] = triples[i + 2]
                flats.append(flat)
            terms.append(term)
            postings.append(flats)
    pages, docs = [], []
    for number in range(len(manifest["sections"])):
        chunk = json.loads(files[page_chunk(language, number, manifest["texts"])])
        pages.append(chunk["page"])
        docs += [[number, *doc] for doc in chunk["docs"]]
    index = {key: meta[key] for key in ("version", "fields", "pipeline", "boosts", "k1", "b")}
    index.update(terms=terms, postings=postings, lengths=lengths)
    return {
        "format": manifest["format"], "language": language, "rules": manifest["rules"], "synonyms": manifest["synonyms"],
        "pages": pages, "docs": docs, "ranking": manifest["ranking"], "index": index, "labels": manifest["labels"],
        "problems": manifest["problems"], "dictionary": manifest["dictionary"],
    }
