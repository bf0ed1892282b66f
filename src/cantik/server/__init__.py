"""The class server, built from Debian/PyPI parts: PostgreSQL gradebook, JupyterHub from the roster.

:mod:`~cantik.server.postgres` starts Debian's PostgreSQL on loopback and gives nbgrader a ``db_url``;
:mod:`~cantik.server.hub` configures JupyterHub from the roster (:mod:`~cantik.server.hubauth`: roster
passwords and the password page; :mod:`~cantik.server.spawner`: the enforced memory limit;
:mod:`~cantik.server.exchange`: nbgrader's shared exchange; :mod:`~cantik.server.accounts`: Unix accounts);
:mod:`~cantik.server.loadtest` measures spawning under load; :mod:`~cantik.server.commands` adds the
``cantik server …`` commands. SQLite stays the single-machine default (``nbgrader_config.py``). Nothing
here imports pandas or matplotlib.
"""
