"""English event lexicon breadth (hand-written entries of `lang/en/events.toml` and CAMEO imports
of `lang/en/verbs.toml`), on invented stories with other names, countries and word orders."""

from __future__ import annotations

from dateline.pipeline import extract
from dateline.sources import SourceDocument
from tests.events.stories import coded


def types(text: str) -> list[str]:
    return [e[0] for e in coded(text)]


# --- CONCEDE -------------------------------------------------------------------------------
def test_a_suspended_tax_is_concede():
    text = "MADRID, June 9, 2022 (Reuters) - The Spanish government suspended the planned diesel tax increase on Monday."
    assert coded(text) == [("CONCEDE", None, [("ESP", "GOV")], [("ESP", None)])]
    scrapped = "ROME, June 9, 2022 (Reuters) - Italian Prime Minister Mario Bianchi scrapped the motorway tolls on Friday."
    assert types(scrapped) == ["CONCEDE"]


def test_dropping_something_else_is_no_concession():
    assert coded("MADRID, June 9, 2022 (Reuters) - Spain's coach dropped two players from the squad on Monday.") == []
    assert coded("MADRID, June 9, 2022 (Reuters) - Fuel prices dropped sharply in Spain on Monday.") == []


def test_backing_down_is_concede_but_not_backing_down_is_not():
    text = "ATHENS, June 9, 2022 (Reuters) - Greek Prime Minister Kostas Andreou backed down on Thursday."
    assert coded(text) == [("CONCEDE", None, [("GRC", "GOV")], [("GRC", None)])]
    refusal = "ATHENS, June 9, 2022 (Reuters) - Andreou told reporters he would never back down."
    assert "CONCEDE" not in types(refusal)


def test_a_reduced_sentence_is_concede_by_the_court():
    text = "SOFIA, June 9, 2022 (Reuters) - A Bulgarian appeals court reduced the sentence of the former mayor."
    assert [(e[0], e[2]) for e in coded(text)] == [("CONCEDE", [("BGR", "JUD")])]
    costs = "SOFIA, June 9, 2022 (Reuters) - Bulgaria's airline reduced its costs last year."
    assert coded(costs) == []


# --- COERCE, MOBILIZE, PROTEST, ASSAULT ----------------------------------------------------
def test_sealing_off_a_district_is_coerce_restrict():
    text = "BRUSSELS, June 9, 2022 (Reuters) - Belgian police sealed off the city centre on Sunday."
    assert coded(text) == [("COERCE", "restrict", [("BEL", "COP")], [("BEL", None)])]
    assert coded("BRUSSELS, June 9, 2022 (Reuters) - The Belgian firm sealed the deal on Sunday.") == []


def test_forces_put_on_alert_are_mobilize():
    text = "DHAKA, June 9, 2022 (Reuters) - Bangladeshi security forces were put on high alert in Chittagong."
    assert [(e[0], e[2]) for e in coded(text)] == [("MOBILIZE", [("BGD", "MIL")])]


def test_security_forces_deployed_are_mobilize():
    text = "LIMA, June 9, 2022 (Reuters) - Peru deployed 4,000 security forces across the southern provinces."
    assert [(e[0], e[2]) for e in coded(text)] == [("MOBILIZE", [("PER", "MIL")])]


def test_taking_part_in_protests_is_protest():
    text = "SEOUL, June 9, 2022 (Reuters) - About 20,000 people took part in protests across South Korea on Saturday."
    assert [(e[0], e[1], e[2]) for e in coded(text)] == [("PROTEST", "demo", [("KOR", "CVL")])]
    assert coded("SEOUL, June 9, 2022 (Reuters) - South Korea took part in the Olympic Games on Saturday.") == []


def test_a_call_to_take_action_is_no_call_to_protest():
    text = "OSLO, June 9, 2022 (Reuters) - Amnesty International called on the Norwegian authorities to take action."
    assert "PROTEST" not in types(text)


def test_missiles_hurled_at_police_are_assault_primitive():
    text = "CARACAS, June 9, 2022 (Reuters) - Protesters hurled bottles and other missiles at riot police in Caracas."
    assert [(e[0], e[1]) for e in coded(text)] == [("ASSAULT", "primitive")]


# --- REJECT --------------------------------------------------------------------------------
def test_rejecting_accusations_or_a_demand_is_reject():
    text = "VILNIUS, June 9, 2022 (Reuters) - Latvia dismissed the accusations as baseless on Monday."
    assert [(e[0], e[2]) for e in coded(text)] == [("REJECT", [("LVA", None)])]
    demand = "VILNIUS, June 9, 2022 (Reuters) - Lithuanian President Rasa Petraitis refused a demand to meet the strikers."
    assert [(e[0], e[2]) for e in coded(demand)] == [("REJECT", [("LTU", "GOV")])]


def test_dismissing_people_is_no_rejection():
    text = "VILNIUS, June 9, 2022 (Reuters) - The Lithuanian airline dismissed 40 pilots on Monday."
    assert "REJECT" not in types(text)


def test_declining_to_attend_is_reject_but_declining_to_comment_is_not():
    text = "VILNIUS, June 9, 2022 (Reuters) - The Estonian foreign minister declined to attend the summit in Riga."
    assert [(e[0], e[2]) for e in coded(text)] == [("REJECT", [("EST", "GOV")])]
    comment = "VILNIUS, June 9, 2022 (Reuters) - The Estonian foreign minister declined to comment on the report."
    assert coded(comment) == []


def test_ruling_out_is_reject():
    text = "QUITO, June 9, 2022 (Reuters) - Ecuadorean President Luis Andrade on Monday ruled out early elections."
    assert [(e[0], e[2]) for e in coded(text)] == [("REJECT", [("ECU", "GOV")])]


# --- THREATEN, SANCTION, RETREAT, ACCUSE, SUPPORT, AGREE -------------------------------------
def test_threatening_to_act_is_threaten():
    text = "VIENNA, June 9, 2022 (Reuters) - Slovenia has threatened to close its border with Croatia."
    assert [(e[0], e[2]) for e in coded(text)] == [("THREATEN", [("SVN", None)])]


def test_vowing_revenge_is_threaten_but_vowing_reforms_is_not():
    text = "KABUL, June 9, 2022 (Reuters) - The Pakistani Taliban vowed revenge after the raid."
    assert [(e[0], e[1]) for e in coded(text)] == [("THREATEN", "violence")]
    reforms = "KABUL, June 9, 2022 (Reuters) - Afghan President Ahmad Karimi vowed reforms on Monday."
    assert coded(reforms) == []


def test_sanctions_imposed_on_no_named_target_are_sanction():
    text = "BRUSSELS, June 9, 2022 (Reuters) - The European Union imposed new sanctions on Tuesday after the vote."
    assert [(e[0], e[2]) for e in coded(text)] == [("SANCTION", [("EUR", None)])]


def test_a_minister_quitting_is_retreat_resign():
    text = "CANBERRA, June 9, 2022 (Reuters) - Australia's trade minister quit on Friday after the scandal."
    assert coded(text) == [("RETREAT", "resign", [("AUS", "GOV")], [])]
    smoking = "CANBERRA, June 9, 2022 (Reuters) - The Australian health minister quit smoking last year."
    assert coded(smoking) == []


def test_an_indictment_on_counts_is_accuse_allege():
    text = "MIAMI, June 9, 2022 (Reuters) - A Florida grand jury indicted the county sheriff on seven counts on Friday."
    assert [(e[0], e[1], e[2]) for e in coded(text)] == [("ACCUSE", "allege", [("USA", "JUD")])]


def test_admiration_expressed_and_a_decision_welcomed_are_support():
    text = "BERLIN, June 9, 2022 (Reuters) - Dutch Prime Minister Pieter de Vries expressed his admiration for Ukraine."
    assert coded(text) == [("SUPPORT", None, [("NLD", "GOV")], [("UKR", None)])]
    welcomed = "BERLIN, June 9, 2022 (Reuters) - Denmark welcomed the court's decision on Monday."
    assert [(e[0], e[2]) for e in coded(welcomed)] == [("SUPPORT", [("DNK", None)])]


def test_welcoming_a_visitor_stays_a_visit():
    text = "BERLIN, June 9, 2022 (Reuters) - Chancellor Olaf Scholz welcomed Danish Prime Minister Mette Frederiksen."
    assert "SUPPORT" not in types(text)


def test_an_invitation_is_agree():
    text = "SANTIAGO, June 9, 2022 (Reuters) - Chile invited Bolivia to talks on the water dispute."
    assert [(e[0], e[2], e[3]) for e in coded(text)] == [("AGREE", [("CHL", None)], [("BOL", None)])]


# --- REQUEST contents, courts, punches, turnout --------------------------------------------
def test_demanding_the_scrapping_of_a_tax_is_a_request():
    text = "DUBLIN, June 9, 2022 (Reuters) - Irish farmers' unions demanded the scrapping of the new carbon tax."
    assert [e[0] for e in coded(text)] == ["REQUEST"]


def test_a_call_for_a_cessation_of_hostilities_is_a_request():
    text = "NAIROBI, June 9, 2022 (Reuters) - The African Union called for an immediate cessation of hostilities in Tigray."
    assert [e[0] for e in coded(text)] == ["REQUEST"]


def test_advising_an_official_to_resign_is_a_request():
    text = "ABUJA, June 9, 2022 (Reuters) - Nigerian senator Ibrahim Musa advised the party chairman Ado Bello to resign."
    assert [(e[0], e[2]) for e in coded(text)] == [("REQUEST", [("NGA", "LEG")])]


def test_a_prison_term_given_is_sanction_convict():
    text = "OSLO, June 9, 2022 (Reuters) - The Norwegian activist Ola Berg has been given a two-year prison term."
    assert [(e[0], e[1], e[2]) for e in coded(text)] == [("SANCTION", "convict", [("NOR", "JUD")])]
    tour = "OSLO, June 9, 2022 (Reuters) - The Norwegian justice minister gave reporters a tour of the prison."
    assert coded(tour) == []


def test_a_guilty_verdict_is_sanction_convict_by_the_court():
    text = "MOSCOW, May 3, 2022 (Reuters) - Ivan Petrov, a former governor, was found guilty of bribery on Tuesday."
    assert [(e[0], e[1], e[2]) for e in coded(text)] == [("SANCTION", "convict", [("RUS", "JUD")])]
    active = "LIMA, May 3, 2022 (Reuters) - A Lima court on Tuesday found former minister Jorge Salas guilty of fraud."
    assert types(active) == ["SANCTION"]
    notes = "LIMA, May 3, 2022 (Reuters) - The police found the missing guilty notes in a car."
    assert coded(notes) == []


def test_throwing_punches_is_assault_beat():
    text = "LYON, June 9, 2022 (Reuters) - A French boxer threw punches at a riot police officer on Saturday."
    assert [(e[0], e[1]) for e in coded(text)] == [("ASSAULT", "beat")]


def test_protesters_turning_out_is_protest_but_voters_are_not():
    text = "SANTIAGO, June 9, 2022 (Reuters) - About 40,000 protesters turned out across Chile on Saturday."
    assert [(e[0], e[1]) for e in coded(text)] == [("PROTEST", "demo")]
    voters = "SANTIAGO, June 9, 2022 (Reuters) - Millions of voters turned out across Chile on Sunday."
    assert coded(voters) == []


# --- batch 4: criticism, admiration, a participle the tagger mistakes ----------------------
def test_security_forces_sealing_off_a_district_is_coded_though_tagged_a_participle():
    # the tagger reads 'sealed' after a compound subject as a participle; the parse has it as the root verb
    text = "Romanian security forces sealed off areas of central Bucharest on Saturday to contain the protesters."
    assert [(e[0], e[1]) for e in coded(text)] == [("COERCE", "restrict")]


def test_admiration_expressed_for_a_movement_is_support():
    text = "MILAN, June 9, 2022 (Reuters) - Italian minister Carlo Rossi expressed his admiration for the striking dockers."
    assert [(e[0], e[2]) for e in coded(text)] == [("SUPPORT", [("ITA", "GOV")])]


def test_faulting_a_view_is_accuse():
    text = "LAGOS, June 9, 2022 (Reuters) - Nigerian senator Musa Ibrahim faulted the view expressed by the party spokesman."
    assert [(e[0], e[2]) for e in coded(text)] == [("ACCUSE", [("NGA", "LEG")])]


# --- batch 5: deportations, slogans, clearing, searches, ultimatums ------------------------
def test_deporting_migrants_is_coerce_deport_but_a_generic_passive_is_not():
    text = "ROME, June 9, 2022 (Reuters) - Malta deported 60 migrants to Libya on Tuesday."
    assert [(e[0], e[1], e[2]) for e in coded(text)] == [("COERCE", "deport", [("MLT", None)])]
    generic = "ROME, June 9, 2022 (Reuters) - In Malta the process of being deported is very slow."
    assert coded(generic) == []


def test_chanting_or_shouting_slogans_is_protest():
    chanted = "ANKARA, June 9, 2022 (Reuters) - Hundreds of Turkish students chanted slogans in Ankara on Friday."
    assert [(e[0], e[1]) for e in coded(chanted)] == [("PROTEST", "demo")]
    shouted = "ANKARA, June 9, 2022 (Reuters) - Dozens of miners were shouting slogans outside the Turkish parliament."
    assert [(e[0], e[1]) for e in coded(shouted)] == [("PROTEST", "demo")]


def test_police_clearing_a_square_is_coerce_restrict_but_a_court_clearing_a_minister_is_not():
    text = "TBILISI, June 9, 2022 (Reuters) - Georgian police cleared the main square on Sunday."
    assert [(e[0], e[1]) for e in coded(text)] == [("COERCE", "restrict")]
    court = "TBILISI, June 9, 2022 (Reuters) - A Georgian court cleared the minister of all charges."
    assert "COERCE" not in types(court)


def test_officers_searching_bags_is_coerce():
    text = "TBILISI, June 9, 2022 (Reuters) - Georgian police officers searched bags at the entrance to the rally."
    assert [(e[0], e[2]) for e in coded(text)] == [("COERCE", [("GEO", "COP")])]


def test_an_ultimatum_issued_is_threaten():
    text = "BAKU, June 9, 2022 (Reuters) - Azerbaijan issued an ultimatum to the Armenian government on Monday."
    assert coded(text) == [("THREATEN", None, [("AZE", None)], [("ARM", "GOV")])]


# --- batch 6: opening fire, a strike staged -------------------------------------------------
def test_opening_fire_is_assault_firearms():
    text = "KARACHI, June 9, 2022 (Reuters) - Pakistani police opened fire on the crowd outside the court on Sunday."
    assert [(e[0], e[1], e[2]) for e in coded(text)] == [("ASSAULT", "firearms", [("PAK", "COP")])]
    shop = "KARACHI, June 9, 2022 (Reuters) - The new Pakistani mall opened on Sunday, and fire crews stood by."
    assert coded(shop) == []


def test_a_strike_staged_is_protest_strike_but_a_strike_launched_on_a_camp_is_not():
    text = "COLOMBO, June 9, 2022 (Reuters) - Sri Lankan dock workers staged a strike in Colombo on Monday."
    assert [(e[0], e[1]) for e in coded(text)] == [("PROTEST", "strike")]
    assert "PROTEST" not in types("COLOMBO, June 9, 2022 (Reuters) - Sri Lankan jets launched a strike on the camp.")


def test_an_expressed_regret_is_disapproval():
    text = "GENEVA, May 28 (Reuters) - UN envoy Maria Lindqvist expressed deep regret over the failure of the talks."
    events = extract(SourceDocument(text=text)).events
    assert [(e.event, e.mode, e.actor[0].country) for e in events] == [("ACCUSE", "disapprove", "UNO")]


# --- REQUEST of something the lexicon cannot type ------------------------------------------
def test_a_call_for_something_untyped_is_a_request_without_a_mode():
    text = "QUITO, June 9, 2022 (Reuters) - Ecuador's opposition leader Ana Villa called for early elections on Monday."
    assert coded(text) == [("REQUEST", None, [("ECU", "OPP")], [])]
    urged = "HANOI, June 9, 2022 (Reuters) - Vietnamese Foreign Minister Tran Minh urged restraint."
    assert types(urged) == ["REQUEST"]


def test_what_a_crowd_demands_and_a_question_asked_are_no_request():
    crowd = "QUITO, June 9, 2022 (Reuters) - Ecuadorean nurses demanded higher wages on Monday."
    assert "REQUEST" not in types(crowd)
    question = "QUITO, June 9, 2022 (Reuters) - The Ecuadorean minister asked questions about the budget."
    assert coded(question) == []


def test_a_visit_paid_is_consult_visit():
    text = "ACCRA, June 9, 2022 (Reuters) - Ghanaian President Kofi Mensah paid a visit to Togo on Monday."
    assert coded(text) == [("CONSULT", "visit", [("GHA", "GOV")], [("TGO", None)])]
    dative = "ACCRA, June 9, 2022 (Reuters) - Ghanaian President Kofi Mensah paid Togolese President Eyadema Kodjo a visit."
    assert coded(dative) == [("CONSULT", "visit", [("GHA", "GOV")], [("TGO", "GOV")])]
    tribute = "ACCRA, June 9, 2022 (Reuters) - Ghanaian President Kofi Mensah paid tribute to Togo's victims."
    assert coded(tribute) == []


# --- ACCUSE: a judgement noun in someone's quoted words ------------------------------------
def test_a_quoted_judgement_noun_is_accuse_disapprove_by_its_speaker():
    text = ('OSLO, June 9, 2022 (Reuters) - "This decision is a disgrace," Norwegian Foreign Minister '
            'Kari Berg said on Tuesday.')
    assert [(e[0], e[1], e[2]) for e in coded(text)] == [("ACCUSE", "disapprove", [("NOR", "GOV")])]
    described = 'OSLO, June 9, 2022 (Reuters) - Norwegian Foreign Minister Kari Berg called the fishing ban "a scandal".'
    assert types(described) == ["ACCUSE"]


def test_a_judgement_noun_outside_quotes_or_unquoted_is_no_event():
    told = "OSLO, June 9, 2022 (Reuters) - The scandal forced Norwegian Foreign Minister Kari Berg to resign."
    assert "ACCUSE" not in types(told)


def test_accusations_called_baseless_in_quoted_words_are_reject():
    text = 'WARSAW, June 9, 2022 (Reuters) - Polish Foreign Minister Jan Nowak said the accusations were "baseless".'
    assert [(e[0], e[2]) for e in coded(text)] == [("REJECT", [("POL", "GOV")])]
    unquoted = "WARSAW, June 9, 2022 (Reuters) - The court found the charges baseless and freed the Polish activist."
    assert "REJECT" not in types(unquoted)


def test_judgements_of_the_french_list_in_quoted_words_are_accuse():
    text = ('NAIROBI, May 2, 2023 (Reuters) - "This decree is unconstitutional," Kenyan opposition leader '
            'Raila Mwangi said on Tuesday.')
    assert [(e[0], e[1], e[2]) for e in coded(text)] == [("ACCUSE", "disapprove", [("KEN", "OPP")])]
    noun = 'NAIROBI, May 2, 2023 (Reuters) - "The vote was a sham," Kenyan opposition leader Raila Mwangi said.'
    assert types(noun) == ["ACCUSE"]
    pending = "NAIROBI, May 2, 2023 (Reuters) - The court will decide whether the decree is unconstitutional."
    assert coded(pending) == []
