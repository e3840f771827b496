"""Performance information drawn from the same records as the work: each figure
is declared once (figures.py), computed on demand from the apps' records and
the timescale engine's obligations (never a copy), and opens onto the children
behind it, named only to a reader who may open them (children.py). Charts are
drawn on the server as SVG beside their tables (charts.py)."""
