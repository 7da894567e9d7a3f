"""Text from the data is shown as written: no image fetched, no link or formatting made."""
from mali_tracker.markdown import plain


def test_markdown_in_data_text_is_escaped():
    hostile = "![x](http://tracker.example/p.png) **bold** [link](http://a.example) $x$ <b>"
    escaped = plain(hostile)
    assert "![" not in escaped and "](" not in escaped and "**" not in escaped.replace("\\*", "")
    assert escaped.replace("\\", "").replace("\u2060", "") == hostile


def test_bare_addresses_cannot_become_links():
    escaped = plain("see http://a.example, www.b.example or x@c.example")
    assert "http\\:\u2060" in escaped and "www\u2060\\." in escaped and "x@\u2060c" in escaped


def test_accents_and_line_breaks():
    assert plain("Goïta\n à  Ségou") == "Goïta à Ségou"
