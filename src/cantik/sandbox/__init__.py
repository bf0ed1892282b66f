"""Isolated execution of untrusted learner notebooks (bubblewrap sandbox, resource limits).

* :mod:`cantik.sandbox.bwrap` builds the sandbox command (stdlib only);
* :class:`cantik.sandbox.kernel.SandboxKernelManager` starts jupyter kernels inside it, cold or forked from
  the warm zygote (:mod:`cantik.sandbox.zygote`) and confined one by one (:mod:`cantik.sandbox.confine`);
* :class:`cantik.sandbox.execute.SandboxExecute` is nbgrader's ``Execute`` preprocessor on sandboxed
  kernels, stopping only the offending submission when a limit is hit and recording why, in Indonesian.

Nothing heavy is imported here.
"""
