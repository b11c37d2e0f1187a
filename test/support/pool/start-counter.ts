import { announceLoaded } from '../../../src/estimators/worker-loaded.ts';

/** A task that only counts its start: slot 0 of `started`, shared with the thread that posts it. */
export interface StartCounterTask {
  readonly started: SharedArrayBuffer;
}

/** Adds 1 to slot 0 of the task's shared counter and wakes a thread waiting on it. */
export function countStart(task: StartCounterTask): number {
  const started = new Int32Array(task.started);
  const count = Atomics.add(started, 0, 1) + 1;
  Atomics.notify(started, 0);
  return count;
}

announceLoaded();
