"""Public Voilà apps of Kelas Cantik: small widget apps for residents and village officials.

The notebooks in ``voila_apps/`` stay thin: each imports one app class from this package and displays it.
Modules:

- :mod:`cantik.apps.registry` -- the list of apps (file, title, description) shown by the gallery.
- :mod:`cantik.apps.ui` -- callback wrapper, phone-friendly layout helpers, figure display.
- :mod:`cantik.apps.voila_config` -- the production Voilà configuration and the default one.
- :mod:`cantik.apps.server` -- build the ``voila`` command line and run it.
- :mod:`cantik.apps.commands` -- the ``cantik aplikasi`` command.
- one module per app (``stunting``, ``rata_median``, ``persen_poin``, ...).

Importing this package (or the registry, config, server and commands modules) imports nothing heavy.
"""
