from __future__ import annotations

from app.domain.plain_text import printable


def test_escape_sequences_and_reordering_marks_are_dropped() -> None:
    assert printable("Evil\x1b]0;pwned\x07 title\x00") == "Evil]0;pwned title"
    assert printable("abc\u202edef") == "abcdef"


def test_newlines_tabs_and_any_script_stay() -> None:
    assert printable("Κάμψεις\n\t腕立て 💪") == "Κάμψεις\n\t腕立て 💪"
