"""axe-core's verdict on a page, as every browser test that audits accessibility asks for it.

A serious or critical violation means some reader cannot use the page: a
screen reader announces a nameless dialog, text is too faint to read, a table
cannot be scrolled without a mouse. The page is audited with every block laid
out (skipped_blocks.py) and at rest (transitions.py), so what axe measures is
what a reader sees once the page has settled.
"""

from __future__ import annotations

from skipped_blocks import lay_out_every_block
from transitions import bring_to_rest

BLOCKING = ("serious", "critical")


def blocking_violations(page, axe_source: str) -> list[str]:
    """Each serious or critical violation on ``page``: rule, impact, help text and up to five elements."""
    lay_out_every_block(page)
    bring_to_rest(page)  # a panel still fading in would be measured half transparent
    page.add_script_tag(content=axe_source)
    report = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in report["violations"]
        if violation["impact"] in BLOCKING
    ]
