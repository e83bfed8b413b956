"""Before/after review of every figure between two git revisions.

A pull request changes figures by changing code; this package shows the
pictures. One job per module:

- ``revisions``: resolve the two revisions, export the older one, and draw
  each one's figures with that revision's own ``scripts/render_figures.py``
  (both sharing the content-addressed figure cache);
- ``compare``: rasterise both SVGs of each figure variant and compare pixels,
  so changed bytes that draw the same picture count as "같은 모양";
- ``report``: the static HTML report (Korean) and a Markdown summary for CI.
"""
