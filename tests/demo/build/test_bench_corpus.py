"""The benchmarks' synthetic help center (bench/corpus.py, made from the demo) still builds strictly.

It broke unseen once: the demo's home took its questions from the FAQ, which the
corpus has not, and every benchmark at scale failed at its first build.
"""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import REPO, read_search_file, run_build


def test_the_benchmark_corpus_builds_strictly_with_its_articles_in_every_language(tmp_path):
    project = tmp_path / "corpus"
    made = subprocess.run([sys.executable, str(REPO / "bench" / "corpus.py"), str(project), "--articles", "8"],
                          capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output[-3000:]
    for language in ("az", "en", "ru", "tr"):
        prefix = "" if language == "az" else f"{language}/"
        assert (tmp_path / "site" / prefix / "article-0007" / "index.html").exists()
        urls = [page[0] for page in read_search_file(tmp_path / "site", language)["pages"]]
        assert f"{prefix}article-0007/" in urls, language
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="article-0000/"' in home  # the home's questions are the corpus's own articles
