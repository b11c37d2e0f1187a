import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../errors/index.ts';
import {
  type FromWorker,
  type ModuleWorkerData,
  PHASE,
  type ToWorker,
  workerState,
} from './module-protocol.ts';
import { importUserFunction } from './user-module.ts';

// The worker thread of an isolated module (isolated-module.ts): it imports the user's module and
// calls one of its functions on batches of inputs. Everything the module could do to its process
// stays in this thread: `process.exit` ends only the thread (and is recorded first, so that the
// parent can say so), a Promise that never settles lets the thread's event loop empty (the port is
// unreferenced while user code runs, so the thread exits and the parent sees it), a hang is
// stopped by the parent's clock, and what the module prints goes to the parent's pipes.

const data = workerData as ModuleWorkerData;
const port = parentPort!;
const state = workerState(data.state);

const exit = process.exit.bind(process);
process.exit = ((code?: number | string | null) => {
  state.ints[2] = 1;
  state.ints[3] = Number(code ?? process.exitCode ?? 0) | 0;
  return exit(code ?? undefined);
}) as typeof process.exit;

function post(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? `${error.message}` : String(error);
  return text.split('\n')[0]!;
}

let fn: ((...args: unknown[]) => unknown) | undefined;
try {
  fn = await importUserFunction(data.path, data.exportName, data.what, data.signature);
} catch (error) {
  // Nothing holds the thread open after this message, so it ends by itself.
  post({ type: 'load-error', message: firstLine(error), input: error instanceof InputError });
}
if (fn !== undefined) start();

function start(): void {
  state.ints[0] = PHASE.idle;
  post({ type: 'ready' });
  // Batches run one after another in the order they came, even when the function is async.
  let queue = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    queue = queue.then(() => run(message.inputs));
  });
}

/**
 * Calls the function on every input in order, awaiting each result that is a promise, and posts
 * the results packed into one Float64Array (transferred, not copied) with their offsets; or the
 * first failure, with the index of its input.
 */
async function run(inputs: readonly unknown[]): Promise<void> {
  port.unref();
  state.ints[0] = PHASE.calling;
  const results: ArrayLike<number>[] = new Array(inputs.length);
  let total = 0;
  for (let i = 0; i < inputs.length; i++) {
    state.ints[1] = i;
    state.start[0] = Date.now();
    let out: unknown;
    try {
      out = fn!(asPlainArray(inputs[i]));
      if (typeof (out as PromiseLike<unknown> | null)?.then === 'function') out = await out;
    } catch (error) {
      finish({ type: 'threw', index: i, message: firstLine(error) });
      return;
    }
    const problem = numericProblem(out);
    if (problem !== undefined) {
      finish({ type: 'bad-output', index: i, message: problem });
      return;
    }
    results[i] = out as ArrayLike<number>;
    total += (out as ArrayLike<number>).length;
  }
  const values = new Float64Array(total);
  const offsets = new Float64Array(inputs.length + 1);
  for (let i = 0; i < inputs.length; i++) {
    values.set(results[i]!, offsets[i]!);
    offsets[i + 1] = offsets[i]! + results[i]!.length;
  }
  finish({ type: 'results', values, offsets }, [values.buffer, offsets.buffer]);
}

function finish(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  state.ints[0] = PHASE.idle;
  post(message, transfer);
  port.ref();
}

/**
 * A typed array as the plain array of numbers a user's function expects (`rewards.map` of a
 * Uint8Array would truncate whatever it computes to bytes); anything else as it is.
 */
function asPlainArray(input: unknown): unknown {
  if (!isTypedArray(input)) return input;
  // A plain loop: Array.from goes through the iterator protocol, several times slower.
  const typed = input as unknown as ArrayLike<number>;
  const plain = new Array<number>(typed.length);
  for (let i = 0; i < typed.length; i++) plain[i] = typed[i]!;
  return plain;
}

function isTypedArray(value: unknown): boolean {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

/** Why `out` is not an array of numbers, or `undefined` when it is one. */
function numericProblem(out: unknown): string | undefined {
  const isList = Array.isArray(out) || isTypedArray(out);
  if (!isList) return `expected an array of numbers, got ${out === null ? 'null' : typeof out}`;
  const list = out as ArrayLike<unknown>;
  for (let j = 0; j < list.length; j++) {
    if (typeof list[j] !== 'number') return `value ${j} is ${typeof list[j]}, not a number`;
  }
  return undefined;
}
