"""Flat, drawn illustrations of the trades (looms, fabric, a welding cell, a valve
body, an assembly bench, a workshop class, a worker's portrait) for the demo's
covers, heroes and lesson diagrams. Drawn with Pillow, no downloads and no words in
the picture (captions carry them, in the reader's language). The canvas and colours
(canvas), shared scenery (scenery), one painter per subject (subjects), and the PNG
and Wagtail image made from them (images); this package re-exports nothing."""
