"""Article tone from a French sentiment lexicon, in the manner of GDELT's AvgTone.

``positive`` and ``negative`` are the percentages of the article's words whose lexicon
polarity is above +0.1 or below -0.1; ``score`` is their difference (-100 to +100, in
practice within ±10 as in GDELT). The lexicon is the French adjective subjectivity
lexicon of De Smedt and Daelemans (Pattern, PDDL; ``data/sentiment_fr.tsv``). A word
right after a negation ("pas", "jamais", "ni", "sans") counts with the opposite sign.
"""

from __future__ import annotations

from functools import cache

from veille import data
from veille.model import Tone
from veille.nlp import Parsed

# Words whose polarity is closer to zero than this carry no tone: the lexicon gives
# small polarities to mostly descriptive adjectives ("militaire", "nouveau").
THRESHOLD = 0.1
_NEGATIONS = frozenset({"pas", "jamais", "ni", "sans", "aucun", "aucune"})


@cache
def lexicon() -> dict[str, float]:
    return {row[0]: float(row[1]) for row in data.read_rows("sentiment_fr.tsv")}


def article_tone(parsed: Parsed) -> Tone:
    words = [t for t in parsed.tokens if t.text[:1].isalpha()]
    if not words:
        return Tone(score=0.0, positive=0.0, negative=0.0)
    polarity = lexicon()
    positive = negative = 0
    for n, token in enumerate(words):
        value = polarity.get(token.text.lower(), 0.0)
        if abs(value) <= THRESHOLD:
            continue
        window = {w.text.lower() for w in words[max(0, n - 3) : n]}
        if window & _NEGATIONS:
            value = -value
        if value > 0:
            positive += 1
        else:
            negative += 1
    total = len(words)
    pos, neg = 100 * positive / total, 100 * negative / total
    return Tone(score=round(pos - neg, 3), positive=round(pos, 3), negative=round(neg, 3))
