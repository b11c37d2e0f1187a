import type { CheckRow } from '../report/index.ts';
import type { Check } from './check.ts';

/** Receives the events of a battery run, in order, from one thread. */
export interface BatteryProgress {
  /** Check `index` (0-based) of `count` starts. */
  start(check: Check, index: number, count: number): void;
  /** Fraction of the current check done, in [0, 1]. */
  advance(fraction: number): void;
  /** The current check ended with this row (verdicts are final only after Holm, at the end). */
  done(row: Pick<CheckRow, 'id' | 'seconds'>): void;
  /** The run ended; release the terminal. */
  stop(): void;
}

/** The progress display when none is given. */
export const silentProgress: BatteryProgress = { start() {}, advance() {}, done() {}, stop() {} };
