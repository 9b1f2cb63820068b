"""An interaction type is shown as its colour with its name written on it: colours as users may write them,
the WCAG 2 contrast of two colours, and the 4.5:1 the name needs to be read (with the text colour that would
do); every product type's colour has white text on it readable."""
import pytest

from services.common.errors import InvalidInput
from services.messaging import domain
from services.messaging.codes import domain as rules


def test_a_colour_is_written_as_six_upper_case_digits():
    assert rules.colour("#abc") == "#AABBCC"
    assert rules.colour("  1f5fa8 ") == "#1F5FA8"
    assert rules.colour("#1F5FA8") == "#1F5FA8"


@pytest.mark.parametrize("bad", ["red", "#12345", "", None, "#1234567", "#GGGGGG", "# abc"])
def test_anything_but_a_hex_colour_is_refused_naming_the_field(bad):
    with pytest.raises(InvalidInput) as refused:
        rules.colour(bad, "text_colour")
    assert [p.field for p in refused.value.fields] == ["text_colour"]
    assert "#RRGGBB" in refused.value.fields[0].reason


def test_contrast_runs_from_one_to_twenty_one_whichever_way_round():
    assert rules.contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert rules.contrast("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert rules.contrast("#1F5FA8", "#1F5FA8") == pytest.approx(1.0)
    # WCAG's own figure: mid grey #767676 on white is the lightest grey that passes AA, at 4.54:1
    assert rules.contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert rules.contrast("#777777", "#FFFFFF") < rules.CONTRAST_MIN


def test_white_on_yellow_is_refused_and_black_is_suggested():
    with pytest.raises(InvalidInput) as refused:
        rules.readable("#FFFF00", "#FFFFFF")
    [problem] = refused.value.fields
    assert problem.field == "colour"
    assert "1.07:1" in problem.reason and "4.5:1" in problem.reason
    assert "set text_colour to #000000" in problem.reason
    rules.readable("#FFFF00", "#000000")  # black on yellow is fine


def test_a_coloured_text_too_faint_is_refused_with_the_better_of_black_and_white():
    with pytest.raises(InvalidInput) as refused:
        rules.readable("#FF8000", "#FF0000")  # red on orange
    reason = refused.value.fields[0].reason
    assert "#FF0000 text on #FF8000" in reason and "set text_colour to #000000" in reason
    with pytest.raises(InvalidInput) as refused:
        rules.readable("#0000AA", "#000080")  # navy on blue
    assert "set text_colour to #FFFFFF" in refused.value.fields[0].reason


def test_the_boundary_itself_is_readable():
    rules.readable("#767676", "#FFFFFF")  # 4.54:1
    with pytest.raises(InvalidInput):
        rules.readable("#777777", "#FFFFFF")  # 4.48:1


@pytest.mark.parametrize("code", domain.CODES, ids=lambda c: c.code)
def test_every_product_type_has_white_text_readable_on_its_colour(code):
    assert rules.colour(code.colour) == code.colour
    rules.readable(code.colour, domain.WHITE)
    assert rules.contrast(code.colour, domain.WHITE) >= 4.5


def test_the_default_colour_is_readable_with_white_too():
    rules.readable(domain.DEFAULT_COLOUR, domain.WHITE)
