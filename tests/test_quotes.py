"""Quotation extraction on small texts through the real model."""

from __future__ import annotations

import pytest

import veille
from veille.clean import find_marked

pytestmark = pytest.mark.slow


def quotes(text):
    analysis = veille.analyze(text)
    names = {e.id: e.name for e in analysis.entities}
    return [
        (q.kind, q.text, names.get(q.speaker), names.get(q.addressee), q.verb, q.medium)
        for q in analysis.quotes
    ]


def test_find_marked_pairs_nesting_and_paragraphs():
    text = '« Un “deux” trois », dit-il. « Quatre.\n\n» Cinq », et "six".'
    spans = [text[m.start : m.end] for m in find_marked(text)]
    assert spans == ["Un “deux” trois", "Quatre.\n\n» Cinq", "six"]
    unclosed = "« Sans fin.\n\nAutre paragraphe."
    assert [unclosed[m.start : m.end] for m in find_marked(unclosed)] == ["Sans fin."]


def test_direct_quote_with_inverted_speaker_and_addressee(nlp):
    found = quotes(
        "Le ministre Jean Martin a reçu Paul Durand. "
        "« Nous ne céderons rien sur ce point », a déclaré Jean Martin à Paul Durand."
    )
    assert found == [
        (
            "direct",
            "Nous ne céderons rien sur ce point",
            "Jean Martin",
            "Paul Durand",
            "déclarer",
            None,
        )
    ]


def test_clitic_speaker_and_title_speaker(nlp):
    found = quotes(
        "La ministre française Anne Leroy est arrivée à Berlin. "
        "« La coopération est solide », a-t-elle affirmé. "
        "La ministre a ajouté que les discussions reprendraient en mai."
    )
    assert found[0][:3] == ("direct", "La coopération est solide", "Anne Leroy")
    assert found[1][:3] == ("indirect", "les discussions reprendraient en mai", "Anne Leroy")


def test_country_and_capital_as_speakers(nlp):
    found = quotes("Pékin a affirmé que la visite était une provocation.")
    assert found == [
        ("indirect", "la visite était une provocation", "Pékin", None, "affirmer", None)
    ]


def test_selon_and_medium(nlp):
    found = quotes(
        "Selon un communiqué du ministère de la Santé, l'épidémie a fait dix morts. "
        "Le bilan pourrait s'alourdir, selon Amnesty International."
    )
    assert found[0][0] == "indirect" and found[0][1] == "l'épidémie a fait dix morts"
    assert found[0][2] == "ministère de la Santé"
    assert found[0][5] == "un communiqué du ministère de la Santé"
    assert found[1][:3] == ("indirect", "Le bilan pourrait s'alourdir", "Amnesty International")


def test_whole_que_clause_in_marks_is_mixed(nlp):
    found = quotes("Le président Luc Petit a déclaré que « la réforme sera votée avant l'été ».")
    assert found[0][:3] == ("mixed", "« la réforme sera votée avant l'été »", "Luc Petit")


def test_colon_gives_a_direct_quote(nlp):
    found = quotes("Le député Marc Blanc a déclaré : « Nous voterons contre ce texte demain. »")
    assert found[0][:3] == ("direct", "Nous voterons contre ce texte demain.", "Marc Blanc")


def test_continuation_paragraph_keeps_the_speaker(nlp):
    found = quotes(
        "« Le pays traverse une crise grave », a déclaré Marie Curie.\n\n"
        "« Nous devons agir vite et ensemble pour en sortir. »"
    )
    assert [f[2] for f in found] == ["Marie Curie", "Marie Curie"]
    assert [f[0] for f in found] == ["direct", "direct"]


def test_names_titles_and_scare_quotes_are_not_quotes(nlp):
    assert (
        quotes("Les deux pays vantent leur coopération « sans limites » dans tous les domaines.")
        == []
    )
    assert quotes("Il a lu le rapport intitulé « La guerre des mondes et ses conséquences ».") == []
    assert quotes("La réforme dite « Obamacare » a été abrogée par le Congrès.") == []


def test_not_reporting_senses(nlp):
    assert quotes("Les soldats vérifient les lieux pour s'assurer qu'il n'y a pas de piège.") == []
    assert quotes("Le gouvernement, soutenu par les socialistes, a présenté le budget.") == []
    assert quotes("Il est parti après qu'il a annoncé sa démission.") == []


def test_speaker_is_null_when_the_article_does_not_say(nlp):
    found = quotes("Il a été annoncé que le sommet aurait lieu en juin.")
    assert found and found[0][2] is None


def test_quoted_object_of_a_speech_verb_is_mixed(nlp):
    found = quotes("La Corée du Sud parle d'un « montage » grossier.")
    assert found[0][:3] == ("mixed", "un « montage » grossier", "Corée du Sud")


def test_quoted_predicate_of_a_named_subject(nlp):
    found = quotes("Le pape François « s'associe à la douleur et à l'horreur ».")
    assert found[0][:3] == ("direct", "s'associe à la douleur et à l'horreur", "François")


def test_infinitive_after_accented_verb_and_relative_speaker(nlp):
    found = quotes("Il s'agit de Karim Benali, qui aurait déclaré agir au nom du groupe.")
    assert found[0][:3] == ("indirect", "agir au nom du groupe", "Karim Benali")


def test_data_sources_and_writer_voice_are_not_quotes(nlp):
    assert quotes("Le séisme a fait cinq morts, selon les chiffres les plus récents.") == []
    assert quotes("On note cependant que cet accord connaît des difficultés.") == []
    assert quotes("Il faut dire que le recensement est un sujet sensible.") == []


def test_pronoun_source_phrase_and_adverb_before_que(nlp):
    found = quotes(
        "Le député Paul Morel a pris la défense du ministre. "
        "Pour lui, « tout a été fait dans les règles de l'art ». "
        "Il expliquait alors que les comptes seraient publiés."
    )
    assert [f[:3] for f in found] == [
        ("direct", "tout a été fait dans les règles de l'art", "Paul Morel"),
        ("indirect", "les comptes seraient publiés", "Paul Morel"),
    ]


def test_author_of_a_document_speaks(nlp):
    found = quotes("Un rapport d'Amnesty International affirme que la torture est systématique.")
    assert found[0][:3] == ("indirect", "la torture est systématique", "Amnesty International")


def test_source_named_by_title_or_apposition(nlp):
    found = quotes(
        "Le président français Jean Dupont a reçu le prix. "
        "Selon le président français, ce prêt marque « un nouveau chapitre » entre les pays. "
        "Selon un médecin cité par l'AFP, Paul Martin, on compte de nombreux blessés."
    )
    assert [f[2] for f in found] == ["Jean Dupont", "Paul Martin"]


def test_infinitive_in_quotation_marks(nlp):
    found = quotes("La Corée du Sud a annoncé « prendre toutes les mesures nécessaires ».")
    assert found[0][:3] == ("mixed", "« prendre toutes les mesures nécessaires »", "Corée du Sud")


def test_colon_at_the_end_of_the_paragraph_before_the_quote(nlp):
    found = quotes(
        "Le Parlement a adopté la loi. La ministre de la Justice Claire Dubois a commenté "
        "ainsi ce vote :\n\n« Nous avons adhéré volontairement. Le retrait est aussi volontaire. »"
    )
    assert found[-1][:3] == (
        "direct",
        "Nous avons adhéré volontairement. Le retrait est aussi volontaire.",
        "Claire Dubois",
    )


def test_c_est_a_dire_is_not_speech(nlp):
    found = quotes(
        "Le Parlement a voté le retrait du traité, c'est-à-dire que le pays ne reconnaîtra "
        "plus la cour."
    )
    assert found == []


def test_pronoun_for_an_unnamed_body_has_no_named_speaker(nlp):
    found = quotes(
        "Paul Martin reçoit le portefeuille de la Marine. "
        "Le nouveau gouvernement s'est donné pour objectif de réviser le budget. "
        "Il a cependant déclaré que « cette révision ne doit pas mettre en danger l'euro »."
    )
    assert found[-1][0] == "mixed" and found[-1][2] is None


def test_pronoun_chain_reaches_the_person_named_first(nlp):
    found = quotes(
        "Arnaud Dupuis, ancien ministre de l'économie, avait été le troisième homme de la "
        "primaire. Depuis des années, il défend le protectionnisme. "
        "Après les résultats, il annonce son soutien à Benoît Hamon et appelle à la fin "
        "de la « dérive » de la gauche."
    )
    assert found[-1][2] == "Arnaud Dupuis"


def test_tout_en_precisant_speaks_for_the_subject(nlp):
    found = quotes(
        "François Martin a répondu aux journalistes. Il a ensuite publié un communiqué "
        "expliquant le détail des indemnités, tout en précisant qu'elles figuraient déjà "
        "dans sa déclaration de patrimoine."
    )
    assert found[-1][1:3] == (
        "elles figuraient déjà dans sa déclaration de patrimoine",
        "François Martin",
    )


def test_source_phrase_names_the_speaker_not_the_one_spoken_to(nlp):
    found = quotes(
        "Selon ce que certains de ses anciens camarades ont confié au Canard enchaîné, "
        "« elle ne pouvait pas cumuler les deux emplois »."
    )
    assert found[0][0] == "direct" and found[0][2] is None


def test_source_closing_a_clause_mid_sentence(nlp):
    found = quotes(
        "La Corée du Nord représente donc un danger selon plusieurs observateurs et "
        "porterait la menace à un nouveau niveau."
    )
    assert found[0][:2] == ("indirect", "La Corée du Nord représente donc un danger")
