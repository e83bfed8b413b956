"""Blocks far from the screen are skipped until near (content-visibility: auto, overrides/course.css).

A skipped block has no boxes of its own, so a tool that reads the page by
position sees whatever lies at its estimated place instead: axe-core's colour
check measured a bold word of a skipped list against a dark code cell further
down (1.27:1). Such tools run on the page with every block laid out; that
drawn blocks sit exactly where they would without skipping is a test of its
own (test_phone_pages.py).
"""

EVERY_BLOCK_LAID_OUT = ".md-content__inner > * { content-visibility: visible !important; }"


def lay_out_every_block(page) -> None:
    page.add_style_tag(content=EVERY_BLOCK_LAID_OUT)
