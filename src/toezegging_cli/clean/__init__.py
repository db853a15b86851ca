"""Layout cleaning: from positioned words (any PDF reader) or plain text to body lines and footnotes.

The PDF side (`pdf.py`) works on a reader-neutral `PageWords` (`layout.py`: words with x0, x1,
top, bottom, size, fontname), so every PDF reader shares these rules. Each step is a small function
that decides from the page's own text, never from coordinates fitted to one ministry's template: the
sidebar column, page furniture (page numbers, running headers), footnotes, reference markers,
hyphenation and paragraph joins. Plain text has its own line and footnote rules (`text.py`).
Metadata (header, closing) is taken out afterwards by `metadata.py`; `build_body`
(`paragraphs.py`) then joins the remaining lines into the body text and its page map; `quality.py`
says whether a text reads as Dutch or as garbage. This package exports the steps under one name.
"""

from toezegging_cli.clean.layout import Layout, Line, PageWords, TextLine, Word, normalize_chars
from toezegging_cli.clean.paragraphs import (
    breaks_paragraph,
    build_body,
    document_vocab,
    is_list_item,
    join_lines,
)
from toezegging_cli.clean.pdf import (
    clean_pdf,
    crosses,
    dedupe_chars,
    dominant_size,
    drop_figure_text,
    drop_page_furniture,
    find_sidebar_x,
    footnote_number,
    footnote_text,
    group_lines,
    is_page_number,
    is_reference_marker,
    line_text,
    pdf_text_lines,
    split_footnotes,
    split_sidebar,
)
from toezegging_cli.clean.quality import looks_dutch, looks_garbled, stopword_shares
from toezegging_cli.clean.text import (
    clean_text,
    split_text_footnotes,
    strip_text_markers,
    text_lines,
    unflatten_header,
)

__all__ = [
    "Layout", "Line", "PageWords", "TextLine", "Word", "breaks_paragraph", "build_body", "clean_pdf",
    "clean_text", "crosses", "dedupe_chars", "document_vocab", "dominant_size", "drop_figure_text",
    "drop_page_furniture", "find_sidebar_x", "footnote_number", "footnote_text", "group_lines",
    "is_list_item", "is_page_number", "is_reference_marker", "join_lines", "line_text",
    "looks_dutch", "looks_garbled", "normalize_chars", "pdf_text_lines", "split_footnotes",
    "split_sidebar", "split_text_footnotes", "stopword_shares", "strip_text_markers", "text_lines",
    "unflatten_header",
]
