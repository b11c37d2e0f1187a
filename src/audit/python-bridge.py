"""The Python side of `rl-objective audit --python FILE.py:FUNC` (docs/theory.md §2, §7).

Imports FUNC from FILE.py, then, for every line "0110..." (binary rewards) or JSON line
"[0,0.5,1]" (graded levels) or "[[0,1],[1,1]]" (M rows of d reward functions: an M x d array)
read from the original standard input, calls FUNC on those rewards and writes one line to the original standard output: the
weights, as the hex digits of M little-endian float64 (exact, and much faster to write than
decimal), or a JSON error record, after which it exits. The first line, a JSON record, says it
is ready (or why it is not). Standard library only; numpy or torch are imported only when the
rewards are to be given as their arrays.

    python -B python-bridge.py FILE FUNC auto|list|numpy|torch

Anything FUNC prints goes to standard error, so it cannot corrupt the replies.
"""

import array
import asyncio
import importlib.machinery
import importlib.util
import inspect
import json
import math
import numbers
import os
import sys


def _protocol_streams():
    """Keeps the original stdin and stdout for the protocol and points FILE's at /dev/null and stderr."""
    requests = os.fdopen(os.dup(0), "r", encoding="ascii")
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.dup2(2, 1)
    return requests, replies


def _die_with_parent():
    """On Linux, asks the kernel for a SIGTERM if the audit that started this process dies, and
    answers it by killing this process's group: the audit starts it as the leader of a group of
    its own, so the group holds whatever FUNC started too."""
    import signal

    def end_group(signum, frame):
        # Only a group of its own: started by hand from a shell, it shares the shell's group.
        if os.getpgrp() == os.getpid():
            os.killpg(0, signal.SIGKILL)
        os._exit(128 + signum)

    try:
        import ctypes

        parent = os.getppid()
        signal.signal(signal.SIGTERM, end_group)
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
        # The audit may have died before the request was made.
        if os.getppid() != parent:
            end_group(signal.SIGTERM, None)
    except Exception:
        pass


def _first_line(error):
    text = str(error).strip()
    return text.splitlines()[0] if text else ""


def _exception(error):
    return {"type": type(error).__name__, "message": _first_line(error)}


def _array_kind(requested):
    """The array type FUNC receives: numpy when it imports (auto), else list; or the one asked for."""
    if requested == "list":
        return "list", None
    if requested in ("auto", "numpy"):
        try:
            import numpy

            return "numpy", numpy
        except Exception:
            if requested == "numpy":
                raise
            return "list", None
    import torch

    return "torch", torch


def _load(path, name):
    directory = os.path.dirname(os.path.abspath(path))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _SHIM_DIRECTORY]
    sys.path.insert(0, directory)
    stem = os.path.splitext(os.path.basename(path))[0]
    module_name = stem if stem.isidentifier() else "audited_module"
    loader = importlib.machinery.SourceFileLoader(module_name, path)
    spec = importlib.util.spec_from_loader(module_name, loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    loader.exec_module(module)
    return module


def _resolve(module, name):
    target = module
    for part in name.split("."):
        if not hasattr(target, part):
            return None
        target = getattr(target, part)
    return target


def _callables(module):
    return sorted(
        name
        for name, value in vars(module).items()
        if callable(value)
        and not name.startswith("_")
        and getattr(value, "__module__", None) == module.__name__
    )


def _rewards(pattern, kind, library):
    if pattern.startswith("["):
        values = json.loads(pattern)
        values = [[float(x) for x in row] if isinstance(row, list) else float(row) for row in values]
    else:
        values = [1.0 if bit == "1" else 0.0 for bit in pattern]
    if kind == "numpy":
        return library.array(values, dtype=library.float64)
    if kind == "torch":
        return library.tensor(values, dtype=library.float64)
    return values


def _describe(value):
    text = repr(value)
    return f"{type(value).__name__} ({text[:40] + '...' if len(text) > 40 else text})"


def _weights(out, M):
    """FUNC's result as M finite float64 (an array.array), or the reason it is not (a string)."""
    if hasattr(out, "detach"):
        out = out.detach()
    if hasattr(out, "tolist") and not isinstance(out, (list, tuple)):
        out = out.tolist()
    if isinstance(out, (str, bytes, dict)) or not hasattr(out, "__iter__"):
        return f"returned {_describe(out)}, not a sequence of {M} numbers"
    values = list(out)
    if len(values) != M:
        return f"returned {len(values)} values, expected {M}"
    # Fast path: plain floats and ints (what .tolist() of a numpy array or a tensor gives).
    if all(type(value) is float or type(value) is int for value in values):
        weights = [float(value) for value in values]
    else:
        weights = []
        for i, value in enumerate(values):
            if hasattr(value, "tolist") and not isinstance(value, numbers.Number):
                value = value.tolist()
            if isinstance(value, bool) or not isinstance(value, numbers.Real):
                return f"value {i} is {_describe(value)}, not a number"
            weights.append(float(value))
    for i, weight in enumerate(weights):
        if not math.isfinite(weight):
            return f"value {i} is {weight}; weights must be finite numbers"
    packed = array.array("d", weights)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed


def _serve(requests, reply, send, fn, kind, library):
    for index, line in enumerate(requests):
        pattern = line.strip()
        try:
            rewards = _rewards(pattern, kind, library)
            out = fn(rewards)
            if inspect.isawaitable(out):
                out = asyncio.run(_awaited(out))
        except KeyboardInterrupt:
            sys.exit(130)
        except BaseException as error:
            reply({"error": "raised", "index": index, **_exception(error)})
            return
        try:
            weights = _weights(out, len(rewards))
        except Exception as error:
            weights = f"returned {_describe(out)}, which could not be read as numbers ({type(error).__name__}: {_first_line(error)})"
        if isinstance(weights, str):
            reply({"error": "output", "index": index, "message": weights})
            return
        send(weights.tobytes().hex())


async def _awaited(awaitable):
    return await awaitable


def main():
    requests, replies = _protocol_streams()

    def send(line):
        replies.write(line + "\n")
        replies.flush()

    def reply(record):
        send(json.dumps(record))

    _die_with_parent()
    if sys.version_info < (3, 8):
        reply({"error": "python", "message": f"Python {sys.version.split()[0]} is too old; need 3.8 or later"})
        return
    path, name, requested = sys.argv[1:4]
    try:
        kind, library = _array_kind(requested)
    except BaseException as error:
        reply({"error": "array", "kind": requested, **_exception(error)})
        return
    try:
        module = _load(path, name)
    except BaseException as error:
        reply({"error": "import", **_exception(error)})
        return
    fn = _resolve(module, name)
    if fn is None or not callable(fn):
        reply({"error": "function", "found": "not callable" if fn is not None else "missing", "callables": _callables(module)})
        return
    version = getattr(library, "__version__", None)
    reply({"ready": True, "python": sys.version.split()[0], "array": kind, "library": version})
    _serve(requests, reply, send, fn, kind, library)


_SHIM_DIRECTORY = os.path.dirname(os.path.abspath(__file__))

if __name__ == "__main__":
    main()
