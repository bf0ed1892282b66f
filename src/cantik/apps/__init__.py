"""Public Voilà apps of Kelas Cantik: small widget apps for residents and village officials.

The notebooks in ``voila_apps/`` stay thin: each imports one app class from this package and displays it.
Modules:

- :mod:`cantik.apps.registry` -- the list of apps (file, title, description) shown by the gallery.
- :mod:`cantik.apps.base` -- ``AppBase``, the common shape of an app (controls, chart, summary, notes,
  challenge; a failed update takes every result off the screen).
- :mod:`cantik.apps.messages` -- the status line, ``UserInputError`` and the safe callback wrapper.
- :mod:`cantik.apps.inputs` -- the one parser of numbers typed the Indonesian way ("1.000", "1,5").
- :mod:`cantik.apps.formatting` -- numbers shown the Indonesian way ("4,54%", "Rp644.107").
- :mod:`cantik.apps.layout` -- phone-first page parts: labelled controls, rows, header, summary, figure
  notes (SIRUSA style).
- :mod:`cantik.apps.charts` -- phone-first matplotlib figures as SVG ``<img>``, Indonesian tick labels.
- :mod:`cantik.apps.challenge` -- the "Coba ini" predict-then-reveal box.
- :mod:`cantik.apps.tables` -- the cached synthetic tables the apps read.
- :mod:`cantik.apps.voila_config` -- the production Voilà configuration and the default one.
- :mod:`cantik.apps.server` -- build the ``voila`` command line and run it.
- :mod:`cantik.apps.commands` -- the ``cantik aplikasi`` command.
- one module per app (``stunting``, ``rata_median``, ``persen_poin``, ...).

Importing this package (or the registry, config, server and commands modules) imports nothing heavy.
"""
