"""How many parts (segments) a text takes, and so how many credits it costs: 3GPP TS 23.038 (GSM 03.38)
for the alphabet, TS 23.040 for the sizes. Pure rules, no I/O.

A text written wholly in the GSM 7-bit default alphabet goes as GSM-7: 160 septets in one message.
Anything else makes the whole text UCS-2 (UTF-16 on today's handsets): 70 code units in one message.
A longer text is sent as concatenated parts, each carrying a 6-octet user data header (the part's
reference, count and number) out of its 140 octets: 153 septets or 67 code units are left per part.
A character never straddles two parts: an extension-table character (an escape septet and its own)
or a surrogate pair (a character beyond U+FFFF, most emoji) that would straddle them starts the next part."""
from __future__ import annotations

from dataclasses import dataclass

GSM_7, UCS_2 = "GSM-7", "UCS-2"

# The default alphabet (TS 23.038 6.2.1), one septet each, written in table order 0x00-0x7F
# (0x1B, the escape to the extension table, is no character of its own and is left out).
GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅå"  # 0x00-0x0F
    "Δ_ΦΓΛΩΠΨΣΘΞ" "ÆæßÉ"  # 0x10-0x1F
    " !\"#¤%&'()*+,-./"  # 0x20-0x2F: 0x24 is the currency sign ¤, not $ (which is 0x02)
    "0123456789:;<=>?"  # 0x30-0x3F
    "¡ABCDEFGHIJKLMNO"  # 0x40-0x4F
    "PQRSTUVWXYZÄÖÑÜ§"  # 0x50-0x5F
    "¿abcdefghijklmno"  # 0x60-0x6F
    "pqrstuvwxyzäöñüà"  # 0x70-0x7F
)
# The extension table (TS 23.038 6.2.1.1): an escape septet then its own, two septets each.
GSM_EXTENSION = frozenset("\f^{}\\[~]|€")

SINGLE = {GSM_7: 160, UCS_2: 70}  # septets or code units of a text sent as one message
PART = {GSM_7: 153, UCS_2: 67}  # of each part of a longer one


@dataclass(frozen=True)
class Segments:
    encoding: str  # "GSM-7" or "UCS-2"
    characters: int  # septets for GSM-7 (an extension-table character counts 2), UTF-16 code units for UCS-2
    count: int  # the parts the text is sent in: 0 for no text


def segments(text: str) -> Segments:
    """The encoding a text goes in, its length in that encoding's units and the parts it takes."""
    if all(c in GSM_BASIC or c in GSM_EXTENSION for c in text):
        encoding, sizes = GSM_7, [2 if c in GSM_EXTENSION else 1 for c in text]
    else:
        encoding, sizes = UCS_2, [2 if ord(c) > 0xFFFF else 1 for c in text]
    characters = sum(sizes)
    if characters == 0:
        return Segments(encoding, 0, 0)
    if characters <= SINGLE[encoding]:
        return Segments(encoding, characters, 1)
    room, count, used = PART[encoding], 1, 0
    for size in sizes:
        if used + size > room:  # this character starts the next part, whole
            count, used = count + 1, 0
        used += size
    return Segments(encoding, characters, count)
