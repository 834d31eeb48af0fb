"""Time expressions resolved against the publication date."""

from __future__ import annotations

import pytest

from veille import nlp
from veille.timex import extract_timex, since

pytestmark = pytest.mark.slow


def values(text, published):
    return [(t.text, t.value, t.precision) for t in extract_timex(nlp.parse(text), published)]


def test_reference_expressions(reference):
    found = {t.text: (t.value, t.precision) for t in reference.timex}
    assert found["4 février 2022"] == ("2022-02-04", "day")
    assert found["février 2022"] == ("2022-02", "month")
    assert found["septembre dernier"] == ("2022-09", "month")
    assert found["mars"] == ("2023-03", "month")
    # "vendredi" under a publication date known to the month only keeps month precision.
    assert found["vendredi"] == ("2023-06", "month")
    for timex in reference.timex:
        assert reference.article.text[timex.start : timex.end] == timex.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il est arrivé vendredi à Paris.", ("vendredi", "2016-11-11", "day")),
        ("Le sommet se tiendra vendredi à Paris.", ("vendredi", "2016-11-18", "day")),
        ("Il l'a dit hier.", ("hier", "2016-11-14", "day")),
        ("Il viendra lundi prochain.", ("lundi prochain", "2016-11-21", "day")),
        ("Il est venu lundi dernier.", ("lundi dernier", "2016-11-14", "day")),
        ("Ils se sont vus en mars.", ("mars", "2016-03", "month")),
        ("Ils se verront en mars.", ("mars", "2017-03", "month")),
        ("Il a été élu en novembre dernier.", ("novembre dernier", "2015-11", "month")),
        ("Il l'a dit la semaine dernière.", ("semaine dernière", "2016-11", "month")),
        ("Ils se sont vus au début du mois.", ("début du mois", "2016-11", "month")),
        ("Ils se verront à la fin du mois prochain.", ("fin du mois prochain", "2016-12", "month")),
        ("Ils se sont vus en début de semaine.", ("début de semaine", "2016-11", "month")),
        ("Il l'a dit l'an dernier.", ("an dernier", "2015", "year")),
        ("Il est parti il y a deux semaines.", ("il y a deux semaines", "2016-11", "month")),
        ("Il est parti il y a trois jours.", ("il y a trois jours", "2016-11-12", "day")),
        ("La loi a été votée le 4 février 2015.", ("4 février 2015", "2015-02-04", "day")),
        ("La loi a été votée le 4 février.", ("4 février", "2016-02-04", "day")),
        ("Le vote aura lieu le 8 février prochain.", ("8 février prochain", "2017-02-08", "day")),
        ("La guerre a commencé en 2005.", ("2005", "2005", "year")),
        ("Il est arrivé au printemps 2012.", ("printemps 2012", "2012", "year")),
    ],
)
def test_relative_and_absolute(text, expected, nlp):
    assert values(text, "2016-11-15") == [expected]


def test_no_anchor_resolves_only_absolute_dates(nlp):
    assert values("Il est venu hier, le 4 février 2015.", None) == [
        ("4 février 2015", "2015-02-04", "day")
    ]


def test_numbers_that_are_not_years(nlp):
    assert values("Il y a 2 362 demandes, 1950 euros et les années 2000.", "2016-11-15") == []
    # A number before the noun it counts is no year; one after a preposition is.
    text = "Environ 2000 soldats et 1500 policiers ont été déployés en 2012."
    assert values(text, "2016-11-15") == [("2012", "2012", "year")]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("sont assiégées depuis deux ans dans cette zone", "2017-01-16", ("2015", "year")),
        ("Depuis trois jours, Daech mobilise ses forces", "2017-01-16", ("2017-01-13", "day")),
        ("menés depuis six mois", "2017-08-20", ("2017-02", "month")),
        ("depuis longtemps", "2017-01-16", None),
        ("depuis deux ans", None, None),
    ],
)
def test_since_gives_the_start_of_a_state(text, published, expected):
    assert since(text, published) == expected


def test_since_a_vague_duration_is_coarse():
    assert since("une recrudescence depuis quelques semaines", "2012-06-22") == ("2012-06", "month")
    # A vague count of months or years leaves the start unknown even to the year.
    assert since("encerclés depuis plusieurs mois", "2017-10-13") is None
    assert since("la ville est bombardée depuis quelques années", "2017-10-13") is None


def test_since_a_year_and_a_half():
    assert since("le pays vit sous la menace depuis un an et demi", "2017-04-02") == (
        "2015",
        "year",
    )
    assert since("la région est frappée depuis plus d'un an et demi", "2017-12-02") == (
        "2016",
        "year",
    )


def test_the_first_month_of_two_takes_the_second_ones_year(nlp):
    assert values("Il se présente à l'élection d'avril et mai 2017.", "2017-02-22") == [
        ("avril", "2017-04", "month"),
        ("mai 2017", "2017-05", "month"),
    ]


def test_the_first_day_of_two_takes_the_second_ones_month(nlp):
    assert values(
        "Le sommet aura lieu les 3 et 4 juin 2018, puis du 10 au 12 mai.", "2018-01-15"
    ) == [
        ("3", "2018-06-03", "day"),
        ("4 juin 2018", "2018-06-04", "day"),
        ("10", "2018-05-10", "day"),
        ("12 mai", "2018-05-12", "day"),
    ]


@pytest.mark.parametrize("city", ["Istanbul", "İstanbul"])
def test_upper_case_and_offsets_whatever_lowercasing_does(city):
    # Expressions are found in any case; "İ" lowercases to two characters, and the
    # offsets still point at the expression in the text as written.
    text = f"À {city}, le sommet s'est tenu LE 4 FÉVRIER 2022, puis en Mars."
    found = extract_timex(nlp.parse(text), "2023-06-16")
    assert [(t.text, t.value) for t in found] == [
        ("4 FÉVRIER 2022", "2022-02-04"),
        ("Mars", "2023-03"),
    ]
    for timex in found:
        assert text[timex.start : timex.end] == timex.text
