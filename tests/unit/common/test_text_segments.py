import pytest

from services.common.text_segments import GSM_BASIC, GSM_EXTENSION, Segments, segments

EMOJI = "\N{HOUSE WITH GARDEN}"  # U+1F3E1: beyond U+FFFF, a surrogate pair in UTF-16


def test_no_text_takes_no_part():
    assert segments("") == Segments("GSM-7", 0, 0)


def test_160_plain_characters_are_one_message_and_161_two():
    assert segments("a" * 160) == Segments("GSM-7", 160, 1)
    assert segments("a" * 161) == Segments("GSM-7", 161, 2)


def test_longer_texts_go_in_parts_of_153_septets():
    assert segments("a" * 306) == Segments("GSM-7", 306, 2)
    assert segments("a" * 307) == Segments("GSM-7", 307, 3)
    assert segments("a" * 459).count == 3 and segments("a" * 460).count == 4


def test_e_acute_is_in_the_default_alphabet_and_e_circumflex_is_not():
    assert segments("é" * 160) == Segments("GSM-7", 160, 1)
    assert segments("Café at 7pm, Alex Sample").encoding == "GSM-7"
    assert segments("ê" + "a" * 69) == Segments("UCS-2", 70, 1)
    assert segments("ê" + "a" * 70) == Segments("UCS-2", 71, 2)


def test_ucs2_parts_are_67_code_units():
    assert segments("ê" * 134) == Segments("UCS-2", 134, 2)
    assert segments("ê" * 135) == Segments("UCS-2", 135, 3)


@pytest.mark.parametrize("character", list("^{}\\[~]|€\f"))
def test_extension_table_characters_count_two_septets(character):
    assert segments(character) == Segments("GSM-7", 2, 1)
    assert segments("Rent " + character) == Segments("GSM-7", 7, 1)


def test_the_euro_sign_counts_two():
    assert segments("€" * 80) == Segments("GSM-7", 160, 1)
    assert segments("€" * 80 + "a") == Segments("GSM-7", 161, 2)
    assert segments("£" * 160) == Segments("GSM-7", 160, 1)  # the pound sign is in the default alphabet: one


def test_an_extension_character_is_never_split_between_parts():
    assert segments("a" * 151 + "€" + "a" * 10) == Segments("GSM-7", 163, 2)  # its septets are 152-153: fits
    # septets 153 and 154 would straddle the first part's end: the part ends at 152 and € starts the next
    assert segments("a" * 152 + "€" + "a" * 152) == Segments("GSM-7", 306, 3)  # 2 parts of 153 only if split
    assert segments("a" * 152 + "€" + "a" * 151) == Segments("GSM-7", 305, 2)  # 152, then 2 + 151


def test_emoji_go_as_ucs2_surrogate_pairs():
    assert segments(EMOJI) == Segments("UCS-2", 2, 1)
    assert segments(EMOJI * 35) == Segments("UCS-2", 70, 1)
    assert segments(EMOJI * 36) == Segments("UCS-2", 72, 2)


def test_a_surrogate_pair_is_never_split_between_parts():
    assert segments("a" * 65 + EMOJI + "a" * 10) == Segments("UCS-2", 77, 2)  # units 66-67: fits the first part
    # units 67 and 68 would straddle the first part's end: the part ends at 66 and the pair starts the next
    assert segments("a" * 66 + EMOJI + "a" * 66) == Segments("UCS-2", 134, 3)  # 2 parts of 67 only if split
    assert segments("a" * 66 + EMOJI + "a" * 65) == Segments("UCS-2", 133, 2)  # 66, then 2 + 65


@pytest.mark.parametrize("text", ["Mae'r ŵyl yn dechrau am 6", "Bydd y tŷ ar agor", "Dewch i'r ŵyl ger y tŷ"])
def test_welsh_w_and_y_with_circumflex_force_ucs2(text):
    assert segments(text) == Segments("UCS-2", len(text), 1)
    assert segments(text.replace("ŵ", "w").replace("ŷ", "y")) == Segments("GSM-7", len(text), 1)


def test_welsh_circumflex_letters_take_ucs2_sizes():
    assert segments("ŷ" * 70) == Segments("UCS-2", 70, 1)
    assert segments("ŵ" + "a" * 70) == Segments("UCS-2", 71, 2)


def test_one_character_outside_the_alphabet_makes_the_whole_text_ucs2():
    text = "Hi Alex Sample, your repair is booked for Monday " * 3 + "\u2019"  # a typographic apostrophe
    assert segments(text[:-1]) == Segments("GSM-7", 147, 1)
    assert segments(text) == Segments("UCS-2", 148, 3)  # 67 + 67 + 14


def test_the_alphabets_as_the_standard_has_them():
    assert len(GSM_BASIC) == 127 and len(GSM_EXTENSION) == 10  # 128 positions less the escape; 9 signs and FF
    assert "$" in GSM_BASIC and "¤" in GSM_BASIC and "`" not in GSM_BASIC and "\t" not in GSM_BASIC
    assert "ç" not in GSM_BASIC and "Ç" in GSM_BASIC and "É" in GSM_BASIC and "Ê" not in GSM_BASIC
