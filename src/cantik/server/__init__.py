"""The class server: PostgreSQL gradebook (and, later, JupyterHub) built from Debian/PyPI parts.

:mod:`cantik.server.postgres` starts Debian's PostgreSQL on loopback in a project-local folder and gives
nbgrader a ``db_url``; :mod:`cantik.server.commands` adds the ``cantik server …`` commands. SQLite stays
the single-machine default (``nbgrader_config.py``). Nothing here imports pandas or matplotlib.
"""
