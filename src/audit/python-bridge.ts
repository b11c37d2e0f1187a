import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AUDIT_DEFAULTS, type PythonArray } from '../defaults/index.ts';
import { InputError, quote } from '../errors/index.ts';

/** A Python function to audit: its file and its name, from `FILE.py:FUNC`. */
export interface PythonTarget {
  readonly file: string;
  /** A name, or a dotted path such as `Wrapper.advantages`. */
  readonly func: string;
}

const PYTHON_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * Reads `FILE.py:FUNC` (the function after the last colon; `FILE.py` alone names the function
 * `advantages`, as `--module` does). Throws an InputError when FUNC is not a Python name.
 */
export function parsePythonTarget(text: string): PythonTarget {
  const colon = text.lastIndexOf(':');
  if (colon < 0) return { file: text, func: 'advantages' };
  const file = text.slice(0, colon);
  const func = text.slice(colon + 1);
  if (file === '' || !PYTHON_NAME.test(func)) {
    throw new InputError(
      `--python ${quote(text)}: expected FILE.py:FUNC with FUNC a Python name, e.g. my_advantages.py:advantages`,
    );
  }
  return { file, func };
}

/** How to run the Python side of an audit. */
export interface PythonBridgeOptions {
  /** The interpreter, a path or a name on `PATH`. */
  readonly python: string;
  /** The rewards' type; `auto` is numpy when it imports, else list. */
  readonly array: PythonArray | 'auto';
  /**
   * Seconds one call may take before the process is stopped; the start (the interpreter and the
   * import) gets at least `AUDIT_DEFAULTS.timeout`.
   */
  readonly timeout: number;
}

/** The function to load: `func` from the file at `path`, which the user named `file`. */
export interface PythonFunction {
  readonly path: string;
  readonly file: string;
  readonly func: string;
}

/**
 * The Python shim shipped with the package, next to this module. Standard library only; see its
 * docstring for the line protocol.
 */
export const PYTHON_SHIM = fileURLToPath(new URL('./python-bridge.py', import.meta.url));

/** How much of the Python process's standard error is kept to explain a crash. */
const STDERR_TAIL = 4096;

/**
 * Milliseconds to wait, once the Python process has exited, for the rest of its standard error
 * (the line that explains a crash). A process that left the group (its own session) may hold
 * the pipe open for ever, so the wait is bounded.
 */
const STDERR_DRAIN_MS = 250;

/** Milliseconds `close` gives the process to exit on its own once its input is closed. */
const CLOSE_GRACE_MS = 2000;

/** The shim's first line when it is ready (it also names the Python version and the array type). */
interface ReadyReply {
  readonly ready: true;
}

/** The shim's last line when something went wrong (see python-bridge.py). */
type ErrorReply =
  | {
      readonly error: 'raised' | 'import' | 'array';
      readonly type: string;
      readonly message: string;
      readonly kind?: string;
    }
  | { readonly error: 'output' | 'python'; readonly message: string }
  | { readonly error: 'function'; readonly found: string; readonly callables: readonly string[] };

/**
 * One group's rewards as the function receives them: 0/1 rewards (binary, written as `0110`), or
 * graded levels or rows of reward functions (docs/theory.md §10, written as JSON).
 */
export type BridgeRewards = readonly number[] | readonly (readonly number[])[];

interface Batch {
  readonly patterns: readonly BridgeRewards[];
  readonly results: number[][];
  resolve(results: number[][]): void;
}

/**
 * One Python process that imports a weight function from a file and calls it on reward patterns
 * (docs/theory.md §2: the `Z_i` of Algorithm 1 step 3, computed by the user's own code). Patterns are
 * written to the process as lines of `0`/`1` and its replies read back in order, so a whole
 * batch is in flight at once; each reply is the weights' float64 bits, so nothing is rounded.
 *
 * Every failure is an {@link InputError} with a one-line message: no interpreter, an import
 * error (named), a missing function, the function raising (its exception and the pattern), a
 * reply that is not `M` finite numbers, a line on the reply channel that the shim did not write,
 * a call longer than `timeout` seconds (the process is killed), or the process dying.
 *
 * The process leads a process group (and session) of its own, so that whatever the function
 * starts (tokenizer pools, data loaders, compile servers) belongs to it: on a normal end, an
 * error, a timeout, an interrupt or the exit of this process the whole group is killed, and the
 * bridge waits for the Python process itself, never for pipes that its children inherited.
 */
export class PythonBridge {
  private stderr = '';
  private batch: Batch | undefined;
  private starting: (() => void) | undefined;
  private failed: ((error: Error) => void) | undefined;
  private failure: Error | undefined;
  private timer: NodeJS.Timeout | undefined;
  private exited = false;
  private closing = false;
  private readonly killOnExit = () => this.killGroup();
  /**
   * SIGINT or SIGTERM while the bridge is alive: the group, in a session of its own, no longer
   * gets the terminal's signal, so it is killed here; then the signal is raised again for this
   * process's other listeners or its default action.
   */
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.killGroup();
    this.unlisten();
    process.kill(process.pid, signal);
  };
  /** Resolves once the Python process itself has exited (its 'exit', not its pipes' 'close'). */
  private readonly exit: Promise<void>;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly target: PythonFunction,
    private readonly options: PythonBridgeOptions,
  ) {
    this.exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  }

  /**
   * Starts the interpreter on the shim, which imports `target.func` (a name, or a dotted path
   * such as `Wrapper.advantages`) from the Python file at `target.path`; resolves once it is
   * ready.
   */
  static async start(target: PythonFunction, options: PythonBridgeOptions): Promise<PythonBridge> {
    if (!existsSync(PYTHON_SHIM)) {
      throw new Error(`the Python shim ${PYTHON_SHIM} is missing from the installed package`);
    }
    // node:child_process and node:readline on first use: the package root imports this module,
    // and loading them is a visible share of that import's time (docs/package.md).
    const { spawn } = process.getBuiltinModule('node:child_process');
    // detached: a new session, whose process group is led by the interpreter (pgid = its pid).
    const child = spawn(
      options.python,
      ['-B', PYTHON_SHIM, target.path, target.func, options.array],
      { stdio: ['pipe', 'pipe', 'pipe'], detached: true },
    );
    const bridge = new PythonBridge(child, target, options);
    bridge.listen();
    await new Promise<void>((resolve, reject) => {
      bridge.starting = resolve;
      bridge.failed = reject;
      bridge.arm();
    });
    return bridge;
  }

  /**
   * Calls the function on every pattern (an array of 0/1 rewards, of graded levels, or of rows of
   * reward functions, `M x d`), in order, and resolves to its weights: `M` finite numbers per
   * pattern.
   */
  weights(patterns: readonly BridgeRewards[]): Promise<number[][]> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (patterns.length === 0) return Promise.resolve([]);
    return new Promise<number[][]>((resolve, reject) => {
      this.batch = { patterns, results: [], resolve };
      this.failed = reject;
      this.arm();
      this.child.stdin.write(`${patterns.map(patternText).join('\n')}\n`);
    });
  }

  /**
   * Ends the Python process: closes its input, kills it if it has not exited a moment later, and
   * kills whatever else of its group is left.
   */
  async close(): Promise<void> {
    this.closing = true;
    this.disarm();
    if (!this.exited) {
      this.child.stdin.end();
      const grace = setTimeout(() => this.killGroup(), CLOSE_GRACE_MS);
      await this.exit;
      clearTimeout(grace);
    }
    this.release();
  }

  /** Kills every process of the group (the interpreter and what it started), if any is left. */
  private killGroup(): void {
    if (this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // ESRCH: the group is already gone.
    }
  }

  /**
   * After the process has exited: kills the rest of its group and stops reading pipes that
   * processes outside the group may still hold open.
   */
  private release(): void {
    this.killGroup();
    this.unlisten();
    this.child.stdout.destroy();
    this.child.stderr.destroy();
    this.child.stdin.destroy();
  }

  private unlisten(): void {
    process.off('exit', this.killOnExit);
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
  }

  private listen(): void {
    process.on('exit', this.killOnExit);
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
    this.child.stdin.on('error', () => {
      // A closed pipe means the process has died; 'close' below says why.
    });
    this.child.stderr.setEncoding('utf8').on('data', (text: string) => {
      this.stderr = (this.stderr + text).slice(-STDERR_TAIL);
    });
    const { createInterface } = process.getBuiltinModule('node:readline');
    createInterface({ input: this.child.stdout }).on('line', (line) => this.receive(line));
    this.child.on('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'ENOENT' ? 'not found' : (error.code ?? error.message);
      this.fail(
        new InputError(
          `python: cannot start ${quote(this.options.python)} (${why}); install Python 3, or name the interpreter with --python-bin or $PYTHON`,
        ),
      );
    });
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      if (this.closing) return;
      // The line that explains a crash may still be in the pipe: read it, for a moment at most.
      const drained = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, STDERR_DRAIN_MS);
        this.child.stderr.once('end', () => {
          clearTimeout(timer);
          resolve();
        });
        this.killGroup();
      });
      void drained.then(() => {
        const how = signal === null ? `exited with status ${code}` : `was killed by ${signal}`;
        const last = lastLine(this.stderr);
        this.fail(new InputError(`python ${how} ${this.where()}${last === '' ? '' : `: ${last}`}`));
      });
    });
  }

  private receive(line: string): void {
    if (this.failure !== undefined) return;
    if (!line.startsWith('{')) {
      this.accept(line);
      return;
    }
    let reply: ReadyReply | ErrorReply;
    try {
      reply = JSON.parse(line) as ReadyReply | ErrorReply;
    } catch {
      this.fail(this.foreignLine(line));
      return;
    }
    if ('ready' in reply) {
      const start = this.starting;
      this.starting = undefined;
      this.disarm();
      start?.();
    } else {
      this.fail(new InputError(this.explain(reply)));
    }
  }

  /** One pattern's weights: the hex digits of `M` little-endian float64. */
  private accept(hex: string): void {
    const batch = this.batch;
    if (batch === undefined) return;
    const M = batch.patterns[batch.results.length]!.length;
    const bytes = Buffer.from(hex, 'hex');
    if (bytes.length !== 8 * M || hex.length !== 16 * M) {
      this.fail(this.foreignLine(hex));
      return;
    }
    const weights = new Array<number>(M);
    for (let i = 0; i < M; i++) weights[i] = bytes.readDoubleLE(8 * i);
    if (!weights.every(Number.isFinite)) {
      this.fail(this.foreignLine(hex));
      return;
    }
    batch.results.push(weights);
    if (batch.results.length < batch.patterns.length) {
      this.arm();
      return;
    }
    this.batch = undefined;
    this.disarm();
    batch.resolve(batch.results);
  }

  /**
   * A line on the reply channel that the shim cannot have written (it checks every reply before
   * sending it): the function, or a process it started, wrote to the channel itself.
   */
  private foreignLine(line: string): InputError {
    const shown = JSON.stringify(line.length > 40 ? `${line.slice(0, 40)}...` : line);
    const at = this.at();
    return new InputError(
      `${this.label()} wrote ${shown} to the audit's reply channel${at === '' ? '' : ` ${at}`}; print to stdout or stderr instead`,
    );
  }

  /** The one-line message for an error record of the shim. */
  private explain(reply: ErrorReply): string {
    const file = `python file ${quote(this.target.file)}`;
    const fn = this.label();
    switch (reply.error) {
      case 'python':
        return `python ${quote(this.options.python)}: ${reply.message}`;
      case 'array':
        return `python ${quote(this.options.python)} cannot import ${reply.kind} for --python-array ${reply.kind} (${exception(reply)})`;
      case 'import':
        return `${file} failed to import: ${exception(reply)}`;
      case 'function': {
        const defined =
          reply.callables.length > 0
            ? `it defines ${reply.callables.join(', ')}`
            : 'it defines no public functions';
        return reply.found === 'missing'
          ? `${file} has no function ${quote(this.target.func)}; ${defined}`
          : `${file}: ${quote(this.target.func)} is not callable; ${defined}`;
      }
      case 'raised':
        return `${fn} raised ${reply.type} ${this.at()}${reply.message === '' ? '' : `: ${reply.message}`}`;
      case 'output':
        return `${fn} ${this.at()}: ${reply.message}`;
    }
  }

  /** `python 'my.py':f`, the function under audit. */
  private label(): string {
    return `python ${quote(this.target.file)}:${this.target.func}`;
  }

  /** The pattern in flight, e.g. `on pattern 0110 (M=4)`. */
  private at(): string {
    const batch = this.batch;
    const pattern = batch?.patterns[batch.results.length];
    return pattern === undefined ? '' : `on pattern ${patternText(pattern)} (M=${pattern.length})`;
  }

  /** What the process was doing, for a crash or a timeout. */
  private where(): string {
    if (this.starting !== undefined) return `while importing ${quote(this.target.file)}`;
    return `while running ${quote(this.target.file)}:${this.target.func} ${this.at()}`;
  }

  /**
   * (Re)starts the clock on the process's next reply: `timeout` seconds for one call, and at
   * least `AUDIT_DEFAULTS.timeout` for the start (interpreter, numpy or torch, the module),
   * so that a short timeout meant for the function does not stop a slow import.
   */
  private arm(): void {
    this.disarm();
    const importing = this.starting !== undefined;
    const seconds = importing
      ? Math.max(this.options.timeout, AUDIT_DEFAULTS.timeout)
      : this.options.timeout;
    this.timer = setTimeout(() => {
      const what = importing
        ? `python file ${quote(this.target.file)} did not finish importing within ${seconds} s`
        : `${this.label()} did not return within ${seconds} s ${this.at()}`;
      this.fail(new InputError(`${what} and was stopped; raise --timeout if it is only slow`));
    }, seconds * 1000);
  }

  private disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fail(error: Error): void {
    if (this.failure !== undefined) return;
    this.failure = error;
    this.disarm();
    this.release();
    const reject = this.failed;
    this.starting = undefined;
    this.failed = undefined;
    reject?.(error);
  }
}

/** A pattern as the shim reads it: `0110` for 0/1 rewards, else JSON (`[0,0.5,1]`, `[[0,1],[1,1]]`). */
function patternText(pattern: BridgeRewards): string {
  const bits = pattern.every((r) => r === 0 || r === 1);
  return bits ? pattern.join('') : JSON.stringify(pattern);
}

function exception(reply: { readonly type: string; readonly message: string }): string {
  return reply.message === '' ? reply.type : `${reply.type}: ${reply.message}`;
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return lines[lines.length - 1]!.trim();
}
