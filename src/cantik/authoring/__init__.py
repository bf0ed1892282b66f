"""Course content: the cell helpers of the authoring scripts (:mod:`~cantik.authoring.cells`), the build
of master and learner notebooks (:mod:`~cantik.authoring.build`) and ``cantik kursus``
(:mod:`~cantik.authoring.commands`).

Nothing is imported here, so an authoring script importing :mod:`cantik.authoring.cells` stays light.
"""
