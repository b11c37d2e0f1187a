// The messages between an isolated module (isolated-module.ts) and its worker thread
// (module-worker.ts), and the state the worker shares with the parent: what it is doing, the
// input it is on and since when, and whether it called `process.exit`. The parent reads that
// state when the thread ends or takes too long, so it can say what happened in one line.

/** What the worker is doing: `state.ints[0]`. */
export const PHASE = { loading: 0, idle: 1, calling: 2 } as const;

/** What the parent gives the worker when it starts it. */
export interface ModuleWorkerData {
  /** The module's absolute path. */
  readonly path: string;
  /** The export to call. */
  readonly exportName: string;
  /** The module in messages, e.g. `module 'my.ts'`. */
  readonly what: string;
  /** The function expected, e.g. `advantages(rewards: number[]): number[]`. */
  readonly signature: string;
  /** The shared state ({@link workerState}). */
  readonly state: SharedArrayBuffer;
}

/** A batch of inputs to call the function on. */
export interface ToWorker {
  readonly inputs: readonly unknown[];
}

/** What the worker answers. */
export type FromWorker =
  | { readonly type: 'ready' }
  /** The module did not load; `input` when the message is the user's (an InputError). */
  | { readonly type: 'load-error'; readonly message: string; readonly input: boolean }
  /** Every result of the batch: result `i` is `values[offsets[i] .. offsets[i + 1])`. */
  | { readonly type: 'results'; readonly values: Float64Array; readonly offsets: Float64Array }
  | { readonly type: 'threw'; readonly index: number; readonly message: string }
  | { readonly type: 'bad-output'; readonly index: number; readonly message: string };

/** Bytes of the shared state: four int32 and one float64. */
export const STATE_BYTES = 24;

/**
 * The views of the shared state: `ints` = [phase, index of the input being called, 1 if
 * `process.exit` was called, its code]; `start[0]` = when the current call started (ms since the
 * epoch, `Date.now()`, which both threads share).
 */
export function workerState(buffer: SharedArrayBuffer): { ints: Int32Array; start: Float64Array } {
  return { ints: new Int32Array(buffer, 0, 4), start: new Float64Array(buffer, 16, 1) };
}
