"""``python -m tools bench``: build-speed and size benchmark (a script, not a test).

Builds synthetic sites of 50, 200 and 1000 pages per language x 5 languages twice:
with our configuration (mkdocs.yml, overrides/, the wegwijs plugin, Pagefind) and with plain
Material + mkdocs-static-i18n (its lunr search; Tigrinya given Material's English
partial, the only way plain Material builds it). Prints build seconds, the largest
page's HTML size and the search index a reader downloads per language, then the
targets: our build within 1.2x of plain, near-linear growth (1000 pages <= 5.5x
the time of 200), page HTML <= 30 KB at 1000 pages. Exit 1 when a target is missed.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tools.wegwijs.project import DEFAULT_ROOT as ROOT
LANGS = ["nl", "en", "ar", "ti", "fa"]
FASES = ["azc", "gekoppeld", "regeldag", "regelweken", "verhuizen", "meedoen"]
THEMAS = ["inburgeren", "verhuizing", "wonen", "geld", "post-digid", "taal", "school", "zorg",
          "werk-meedoen", "gezinshereniging"]
WORDS = {
    "nl": "u krijgt een huis in hilversum de gemeente helpt bij het regelen van uw uitkering "
          "huurcontract zorgverzekering taalschool werk school kinderen brief post digid "
          "afspraak buddy begeleider geld betalen toeslag wachten verhuizen inburgeren".split(),
    "en": "you get a house in hilversum the municipality helps you arrange your benefit rental "
          "contract health insurance language school work children letter post appointment "
          "buddy counsellor money pay allowance wait move integrate".split(),
    "ar": "تحصل على بيت في هيلفرسوم البلدية تساعدك في ترتيب الإعانة عقد الإيجار التأمين الصحي "
          "مدرسة اللغة العمل الأطفال رسالة البريد موعد المرشد المال الدفع الانتظار الانتقال".split(),
    "ti": "ኣብ ሂልቨርሱም ገዛ ትረኽቡ ምምሕዳር ከተማ ይሕግዘኩም ደገፍ ውዕል ክራይ መድሕን ጥዕና "
          "ቤት ትምህርቲ ቋንቋ ስራሕ ቆልዑ ደብዳቤ ቆጸራ ሓጋዚ ገንዘብ ምኽፋል ምጽባይ ምግዓዝ".split(),
    "fa": "شما در هیلورسوم خانه می‌گیرید شهرداری به شما کمک می‌کند کمک‌هزینه قرارداد اجاره "
          "بیمه درمانی مدرسه زبان کار کودکان نامه پست قرار ملاقات راهنما پول پرداخت انتظار".split(),
}
SIZES = (50, 200, 1000)


# --------------------------------------------------------------------------- sites


def _text(lang: str, rng: random.Random, words: int) -> str:
    vocab = WORDS[lang]
    stop = "።" if lang == "ti" else "."
    sentences, count = [], 0
    while count < words:
        n = rng.randint(6, 12)
        sentences.append(" ".join(rng.choice(vocab) for _ in range(n)).capitalize() + stop)
        count += n
    return " ".join(sentences)


def write_docs(docs: Path, pages: int, seed: int = 7) -> None:
    """Synthetic content: 10 thema folders, groups of 10 pages, every page in 5 languages."""
    rng = random.Random(seed)
    for lang in LANGS:
        suffix = "" if lang == "nl" else f".{lang}"
        _write(docs / f"index{suffix}.md", "home", "home", 0, f"Home {lang}", _text(lang, rng, 60))
        for k, thema in enumerate(THEMAS):
            _write(docs / f"t{k}" / f"index{suffix}.md", f"t{k}", "overzicht", k + 1,
                   f"{thema} {lang}", _text(lang, rng, 60))
        groups = {(i % 10, (i // 10) // 10) for i in range(pages)}
        for k, g in groups:
            _write(docs / f"t{k}" / f"g{g}" / f"index{suffix}.md", f"t{k}-g{g}", "overzicht", g,
                   f"Groep {g} {lang}", _text(lang, rng, 40))
        for i in range(pages):
            k, g = i % 10, (i // 10) // 10
            body = "\n\n".join(f"## Deel {s} {{#deel-{s}}}\n\n{_text(lang, rng, 80)}" for s in range(3))
            checklist = "\n".join(f"- [ ] {_text(lang, rng, 6)} {{#p{i}-c{c}}}" for c in range(3))
            _write(docs / f"t{k}" / f"g{g}" / f"p{i}{suffix}.md", f"p{i}", "pagina", i,
                   f"Pagina {i} {lang}", f"{body}\n\n## Checklist {{#checklist}}\n\n{checklist}",
                   thema=THEMAS[k], fase=FASES[i % 6])


def _write(path: Path, page_id: str, page_type: str, order: int, title: str, body: str,
           **extra) -> None:
    meta = [f"id: {page_id}", f"type: {page_type}", f"order: {order}"]
    meta += [f"{key}: {value}" for key, value in extra.items()]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\n" + "\n".join(meta) + f"\n---\n\n# {title}\n\n{body}\n", encoding="utf-8")


PROJECT_DIRS = ("media", "data", "translations")  # read beside mkdocs.yml (project.Project)


def our_config(directory: Path) -> Path:
    """A project in directory: the checkout's mkdocs.yml with overrides by absolute path
    (the plugin is installed) and links to its media/, data/ and translations/."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    path = directory / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    for name in PROJECT_DIRS:
        if not (directory / name).exists():
            (directory / name).symlink_to(ROOT / name, target_is_directory=True)
    return path


PLAIN = """site_name: Bench
site_url: https://example.org/
theme:
  name: material
  language: nl
  custom_dir: plain-overrides
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
{languages}
markdown_extensions: [attr_list, pymdownx.tasklist]
"""


def plain_config(directory: Path) -> Path:
    languages = "\n".join(
        f"        - locale: {lang}\n          name: {lang}\n          build: true"
        + ("\n          default: true" if lang == "nl" else "") for lang in LANGS)
    path = directory / "mkdocs-plain.yml"
    path.write_text(PLAIN.format(languages=languages), encoding="utf-8")
    import material

    partials = Path(material.__file__).parent / "templates" / "partials" / "languages"
    target = directory / "plain-overrides" / "partials" / "languages"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(partials / "en.html", target / "ti.html")
    return path


# --------------------------------------------------------------------------- measure


def build(config: Path, site: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config),
                             "-d", str(site)], cwd=config.parent, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build of {config} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def largest_page(site: Path) -> int:
    return max(p.stat().st_size for p in site.rglob("*.html")
               if p.relative_to(site).parts[0] not in ("assets", "pagefind"))


def index_sizes(site: Path) -> dict[str, int]:
    """Bytes of search index per language (what a reader of that language may fetch)."""
    combined = site / "search" / "search_index.json"
    if combined.exists():  # plain Material: one index for all languages, fetched on load
        return {lang: combined.stat().st_size for lang in LANGS}
    pagefind = site / "pagefind"
    sizes = {}
    for lang in LANGS:
        sizes[lang] = sum(p.stat().st_size for p in pagefind.rglob("*")
                          if p.is_file() and re.search(rf"(^|[._]){lang}[._]", p.name))
    return sizes


def time_check(config_file: Path) -> float:
    from tools.dev import bench_check

    return bench_check.time_check(config_file)


def fmt_kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def main(sizes=SIZES, keep: Path | None = None) -> int:
    rows = []
    with tempfile.TemporaryDirectory(prefix="wegwijs-bench-") as tmp:
        work = keep or Path(tmp)
        for pages in sizes:
            directory = work / f"site-{pages}"
            shutil.rmtree(directory, ignore_errors=True)
            write_docs(directory / "docs", pages)
            config = our_config(directory)
            ours = build(config, directory / "out-ours")
            plain = build(plain_config(directory), directory / "out-plain")
            rows.append({
                "pages": pages, "ours": ours, "plain": plain,
                "html_ours": largest_page(directory / "out-ours"),
                "html_plain": largest_page(directory / "out-plain"),
                "idx_ours": index_sizes(directory / "out-ours"),
                "idx_plain": index_sizes(directory / "out-plain"),
                "check": time_check(config),
            })
            print(f"built {pages} pages/language x 5: ours {ours:.1f} s, plain {plain:.1f} s",
                  flush=True)
    print()
    print(f"{'pages/lang':>10} {'ours s':>8} {'plain s':>8} {'ratio':>6} {'HTML ours':>10} "
          f"{'HTML plain':>11} {'check s':>8}")
    for r in rows:
        check = f"{r['check']:.2f}" if r["check"] is not None else "n/a"
        print(f"{r['pages']:>10} {r['ours']:>8.1f} {r['plain']:>8.1f} {r['ours'] / r['plain']:>6.2f} "
              f"{fmt_kb(r['html_ours']):>10} {fmt_kb(r['html_plain']):>11} {check:>8}")
    print()
    print("search index per language (ours: all Pagefind files of that language, of which a "
          "query fetches a few; plain: the one combined index every page fetches)")
    print(f"{'pages/lang':>10} " + " ".join(f"{lang + ' ours':>10} {lang + ' plain':>10}" for lang in LANGS))
    for r in rows:
        print(f"{r['pages']:>10} " + " ".join(
            f"{fmt_kb(r['idx_ours'][lang]):>10} {fmt_kb(r['idx_plain'][lang]):>10}" for lang in LANGS))
    return report_targets(rows)


def report_targets(rows) -> int:
    print()
    failed = False
    by_pages = {r["pages"]: r for r in rows}
    for r in rows:
        ratio = r["ours"] / r["plain"]
        ok = ratio <= 1.2
        failed |= not ok
        print(f"[{'ok' if ok else 'MISS'}] {r['pages']} pages: our build is {ratio:.2f}x plain (target <= 1.2x)")
    if 200 in by_pages and 1000 in by_pages:
        growth = by_pages[1000]["ours"] / by_pages[200]["ours"]
        ok = growth <= 5.5
        failed |= not ok
        print(f"[{'ok' if ok else 'MISS'}] growth 200 -> 1000 pages: {growth:.2f}x time (target <= 5.5x)")
    if 1000 in by_pages:
        html = by_pages[1000]["html_ours"]
        ok = html <= 30 * 1024
        failed |= not ok
        print(f"[{'ok' if ok else 'MISS'}] largest page at 1000 pages: {fmt_kb(html)} (target <= 30 KB)")
        check = by_pages[1000]["check"]
        if check is not None:
            ok = check < 15
            failed |= not ok
            print(f"[{'ok' if ok else 'MISS'}] content checks at 1000 pages x 5: {check:.1f} s (target < 15 s)")
    return 1 if failed else 0


def register(sub) -> None:
    parser = sub.add_parser("bench", help="build-speed and size benchmark against plain Material")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES),
                        help="pages per language (default: 50 200 1000)")
    parser.add_argument("--keep", type=Path, help="keep the synthetic sites in this folder")
    parser.set_defaults(func=lambda args: main(tuple(args.sizes), args.keep))
