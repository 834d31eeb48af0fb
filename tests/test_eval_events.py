"""The event scorer's matching: one-to-one and maximum."""

from veille.eval.events import _Item, _matches


def _item(cameo: str, source: str | None, target: str | None, start: int = 0) -> _Item:
    return _Item(start, start + 50, cameo, source, target, None)


def test_a_prediction_is_not_spent_where_another_gold_event_needs_it() -> None:
    # The first gold event fits both predictions at root level; the second fits only the
    # first prediction. Text-order greed would give the first gold that prediction.
    gold = [_item("180", "SYR", None), _item("190", "RUS", "UKR")]
    predicted = [_item("190", "RUS", "UKR"), _item("180", "SYR", None)]
    assert len(_matches(gold, predicted, "root")) == 2
    gold = [_item("190", None, None), _item("193", "RUS", None)]
    predicted = [_item("195", "RUS", None), _item("190", None, None)]
    pairs = _matches(gold, predicted, "root")
    assert len(pairs) == 2
    assert {(g.cameo, p.cameo) for g, p in pairs} == {("190", "190"), ("193", "195")}


def test_levels_and_sentences_constrain_matches() -> None:
    gold = [_item("042", "CHN", "RUS")]
    assert _matches(gold, [_item("043", "CHN", "RUS")], "dyad")
    assert not _matches(gold, [_item("043", "CHN", "RUS")], "full")
    assert not _matches(gold, [_item("042", "CHN", None)], "dyad")
    assert _matches(gold, [_item("042", "CHN", None)], "root")
    assert not _matches(gold, [_item("042", "CHN", "RUS", start=100)], "root")
    assert len(_matches(gold, [_item("042", "CHN", "RUS")] * 2, "dyad")) == 1


def test_places_agree_when_one_name_holds_the_other() -> None:
    from veille.eval.events import _same_place

    assert _same_place("la poche d'Hawija", "Hawija")
    assert _same_place("Pékin", "pekin")
    assert _same_place(None, None)
    assert not _same_place("Mogadiscio", "Somalie")
    assert not _same_place("Kaboul", None)


def test_each_gold_event_is_paired_with_the_record_of_its_own_code() -> None:
    # Two records of one root and dyad in a sentence, the dismissal (116) first and the
    # suspension (115): the gold suspension pairs with the suspension, whose date it is.
    predicted = [_item("116", "KOR", "KOR"), _item("115", "KOR", "KOR")]
    pairs = _matches([_item("115", "KOR", "KOR")], predicted, "dyad")
    assert [(g.cameo, p.cameo) for g, p in pairs] == [("115", "115")]
    pairs = _matches([_item("116", "KOR", "KOR")], predicted[::-1], "dyad")
    assert [(g.cameo, p.cameo) for g, p in pairs] == [("116", "116")]
