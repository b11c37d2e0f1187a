import { resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { AUDIT_DEFAULTS } from '../defaults/index.ts';
import { InputError, quote, requireInputFile } from '../errors/index.ts';
import {
  type FromWorker,
  type ModuleWorkerData,
  PHASE,
  STATE_BYTES,
  type ToWorker,
  workerState,
} from './module-protocol.ts';

/**
 * Whether this module runs from its TypeScript source (tests and development, through vitest or
 * tsx) rather than from the compiled package: then the worker thread gets tsx (see
 * {@link workerEntry}).
 */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

/**
 * The code a worker thread starts with: it imports the worker module, the compiled `.js`, or in
 * development the `.ts` source after registering tsx's hooks in the thread (Node 20 cannot load
 * TypeScript, and `--import tsx` in a worker's `execArgv` does not apply to an evaluated entry).
 */
function workerEntry(): string {
  const entry = JSON.stringify(
    new URL(`./module-worker.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url).href,
  );
  if (!FROM_SOURCE) return `import(${entry});`;
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return `import(${api}).then((tsx) => { tsx.register(); return import(${entry}); });`;
}

/** Options of {@link IsolatedModule.load}. */
export interface IsolatedModuleOptions {
  /** The export to call; default `advantages`. */
  readonly exportName?: string;
  /** The function expected, for the message when it is missing; default `<exportName>(...)`. */
  readonly signature?: string;
  /**
   * Seconds one call of the function may take before the thread is stopped; default
   * `AUDIT_DEFAULTS.timeout`.
   */
  readonly timeout?: number;
  /**
   * Seconds the thread's start and the module's import may take; default the larger of
   * `timeout` and `AUDIT_DEFAULTS.timeout`, so that a short timeout meant for the function
   * does not stop a slow import (a TypeScript module is compiled on the way).
   */
  readonly loadTimeout?: number;
}

/** Where a failure happened, for its message: e.g. `on pattern 0110 (M=4)` for input `index`. */
export type DescribeInput = (index: number) => string;

interface Pending {
  readonly at: DescribeInput;
  resolve(results: Float64Array[]): void;
  reject(error: Error): void;
}

/**
 * A function exported by a user's module, run in a worker thread of its own, isolated from this
 * process (docs/audit.md, "--module"): whatever the module does ends in a one-line
 * {@link InputError} naming the module and the input, never in the end of this process.
 *
 * - `process.exit(code)` in the module ends only its thread; the call that was running fails,
 *   saying so.
 * - A Promise that never settles, or a top-level `await` that never resolves, leaves the thread
 *   with nothing to do: it ends, and the call (or the load) fails, saying so.
 * - A call that runs longer than `timeout` seconds (a synchronous infinite loop included), or an
 *   import that does, is stopped (the thread is terminated).
 * - An exception, thrown or left uncaught in a timer, fails the call with its first line; so does
 *   running out of memory.
 * - What the module prints (`console.log`, `process.stdout.write`) goes to the thread's own
 *   pipes, which are drained and dropped: nothing reaches this process's stdout or stderr.
 *
 * Inputs are any values that survive structured cloning (arrays of numbers, nested arrays, typed
 * arrays, plain objects); a typed array arrives as a plain array of numbers. Each result must be an
 * array (or typed array) of numbers, of any length; they come back as views of one Float64Array.
 * Batches amortize the cost of crossing threads: one message each way per batch.
 */
export class IsolatedModule {
  /** The batches sent and not yet answered, oldest (the one running) first. */
  private readonly pending: Pending[] = [];
  private failure: Error | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly state: ReturnType<typeof workerState>;
  private loadStarted = Date.now();
  private ready: { resolve(): void; reject(error: Error): void } | undefined;

  private constructor(
    private readonly worker: Worker,
    buffer: SharedArrayBuffer,
    private readonly what: string,
    private readonly label: string,
    private readonly timeout: { readonly call: number; readonly load: number },
  ) {
    this.state = workerState(buffer);
  }

  /**
   * Starts a worker thread that imports the module at `file` and finds its export; resolves once
   * it is ready. Throws an InputError when the file is not a regular file of at most 256 MiB, the
   * module fails to load, has no such function, exits, never finishes loading, or takes longer
   * than `timeout` seconds to load.
   */
  static async load(file: string, options: IsolatedModuleOptions = {}): Promise<IsolatedModule> {
    const exportName = options.exportName ?? 'advantages';
    const timeout = requireSeconds('timeout', options.timeout ?? AUDIT_DEFAULTS.timeout);
    const loadTimeout = requireSeconds(
      'loadTimeout',
      options.loadTimeout ?? Math.max(timeout, AUDIT_DEFAULTS.timeout),
    );
    const what = `module ${quote(file)}`;
    const path = resolve(file);
    requireInputFile(path, what);
    const buffer = new SharedArrayBuffer(STATE_BYTES);
    const data: ModuleWorkerData = {
      path,
      exportName,
      what,
      signature: options.signature ?? `${exportName}(...)`,
      state: buffer,
    };
    // node:worker_threads on first use: the package root imports this module, and loading it is a
    // visible share of that import's time (docs/package.md).
    const { Worker } = process.getBuiltinModule('node:worker_threads');
    const worker = new Worker(workerEntry(), {
      eval: true,
      workerData: data,
      stdout: true,
      stderr: true,
    });
    const module = new IsolatedModule(worker, buffer, what, `${what}: ${exportName}`, {
      call: timeout,
      load: loadTimeout,
    });
    module.listen();
    await new Promise<void>((resolve, reject) => {
      module.ready = { resolve, reject };
      module.arm();
    });
    return module;
  }

  /**
   * Calls the function on every input, in order, and resolves to its results, one array of
   * numbers per input. `at(i)` says where input `i` is for a message (`on pattern 0110 (M=4)`).
   * Batches may be sent before the previous ones are answered (the thread works on the next
   * while this one files the last); they run in the order sent.
   */
  call(inputs: readonly unknown[], at: DescribeInput): Promise<Float64Array[]> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (inputs.length === 0) return Promise.resolve([]);
    return new Promise<Float64Array[]>((resolve, reject) => {
      this.pending.push({ at, resolve, reject });
      this.worker.postMessage({ inputs } satisfies ToWorker);
      if (this.pending.length === 1) {
        this.state.start[0] = Date.now();
        this.arm();
      }
    });
  }

  /** Stops the worker thread. */
  async close(): Promise<void> {
    this.disarm();
    this.failure ??= new Error('the isolated module is closed');
    await this.worker.terminate();
  }

  private listen(): void {
    // The module's output is drained so that it never blocks, and dropped.
    this.worker.stdout.resume();
    this.worker.stderr.resume();
    this.worker.on('message', (message: FromWorker) => this.receive(message));
    this.worker.on('error', (error: Error & { code?: string }) => {
      const why =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? 'ran out of memory'
          : `crashed: ${firstLine(error.message)}`;
      this.fail(new InputError(`${this.where()} ${why}`));
    });
    this.worker.on('exit', () => this.fail(new InputError(this.exitMessage())));
  }

  private receive(message: FromWorker): void {
    if (this.failure !== undefined) return;
    switch (message.type) {
      case 'ready': {
        this.disarm();
        const ready = this.ready;
        this.ready = undefined;
        ready?.resolve();
        return;
      }
      case 'load-error':
        this.fail(message.input ? new InputError(message.message) : new Error(message.message));
        return;
      case 'results': {
        const pending = this.take();
        if (this.pending.length > 0) {
          // The next batch was already sent: its clock starts now at the latest.
          this.state.start[0] = Math.max(this.state.start[0]!, Date.now());
          this.arm();
        }
        const { values, offsets } = message;
        const results: Float64Array[] = [];
        for (let i = 0; i + 1 < offsets.length; i++) {
          results.push(values.subarray(offsets[i]!, offsets[i + 1]!));
        }
        pending?.resolve(results);
        return;
      }
      case 'threw':
        this.fail(
          new InputError(
            `${this.label} threw ${this.pending[0]?.at(message.index)}: ${message.message}`,
          ),
        );
        return;
      case 'bad-output':
        this.fail(
          new InputError(`${this.label} ${this.pending[0]?.at(message.index)}: ${message.message}`),
        );
        return;
    }
  }

  /** Why the thread ended, read from the state it shared. */
  private exitMessage(): string {
    const [phase, , exitCalled, code] = this.state.ints;
    const exited = exitCalled === 1 ? `called process.exit(${code})` : undefined;
    if (phase === PHASE.loading) {
      return exited !== undefined
        ? `${this.what} ${exited} while loading`
        : `${this.what} never finished loading: a top-level await that never settles, with nothing left to settle it`;
    }
    if (phase === PHASE.calling) {
      return exited !== undefined
        ? `${this.label} ${exited} ${this.at()}: a function must return its result, not end the process`
        : `${this.label} returned a Promise that never settles ${this.at()}, with nothing left to settle it`;
    }
    return `${this.what} ${exited ?? 'ended its thread'} between calls`;
  }

  /** The input being called, or the module while it loads. */
  private where(): string {
    return this.state.ints[0] === PHASE.calling && this.pending.length > 0
      ? `${this.label} ${this.at()}`
      : this.what;
  }

  private at(): string {
    return this.pending[0]?.at(this.state.ints[1]!) ?? '';
  }

  /**
   * (Re)starts the clock: the import, or the call in progress, may take `timeout` seconds. The
   * worker records when each call starts, so the clock follows the calls of a batch one by one.
   */
  private arm(): void {
    this.disarm();
    const loading = this.state.ints[0] === PHASE.loading;
    const started = loading ? this.loadStarted : this.state.start[0]!;
    const seconds = loading ? this.timeout.load : this.timeout.call;
    const left = started + seconds * 1000 - Date.now();
    if (left > 0) {
      this.timer = setTimeout(() => this.arm(), left);
      return;
    }
    const what = loading
      ? `${this.what} did not finish loading within ${seconds} s`
      : `${this.label} did not return within ${seconds} s ${this.at()}`;
    this.fail(new InputError(`${what} and was stopped; raise --timeout if it is only slow`));
  }

  private disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private take(): Pending | undefined {
    this.disarm();
    return this.pending.shift();
  }

  private fail(error: Error): void {
    if (this.failure !== undefined) return;
    this.failure = error;
    this.disarm();
    void this.worker.terminate();
    const ready = this.ready;
    this.ready = undefined;
    ready?.reject(error);
    for (const pending of this.pending.splice(0)) pending.reject(error);
  }
}

function requireSeconds(name: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new InputError(`${name} must be a number of seconds > 0, got ${value}`);
  }
  return value;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!;
}
