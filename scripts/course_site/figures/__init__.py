"""Figures drawn by Python scripts at build time.

Layout of a figure source tree (``figures/`` next to ``mkdocs.yml``)::

    figures/figure_style.py         shared look (palette, font); part of every cache key
    figures/<other>.py              other shared modules, e.g. drawing helpers
    figures/fonts/*.ttf             bundled Hangul font; part of every cache key
    figures/<group>/<name>.py       one script per figure -> figures/<group>/<name>.svg

See ``discover`` for the script contract, ``render_pool`` for how scripts are
run, ``cache`` for how results are kept, ``html`` for how pages show them.
"""
