import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { packageVersion } from '../report/provenance.ts';
import { identityDifference } from './identity-difference.ts';
import {
  CHECKPOINT_FORMAT_VERSION,
  type RunIdentity,
  runFingerprint,
  runIdentity,
} from './run-identity.ts';

const base = () =>
  runIdentity({
    kind: 'simulate',
    config: { scheme: 'grpo:std=population', M: 8, policy: { kind: 'bernoulli', p: 0.3 } },
    seed: 7,
    chunks: 12,
  });

describe('runIdentity and runFingerprint', () => {
  it('fills the version from package.json and the format version', () => {
    expect(base().version).toEqual({
      package: packageVersion(),
      format: CHECKPOINT_FORMAT_VERSION,
    });
  });

  it('is the sha256 of the canonical JSON, independent of key order', () => {
    const id = base();
    const reordered = runIdentity({
      chunks: 12,
      seed: 7,
      config: { policy: { p: 0.3, kind: 'bernoulli' }, M: 8, scheme: 'grpo:std=population' },
      kind: 'simulate',
    });
    expect(runFingerprint(id)).toMatch(/^[0-9a-f]{64}$/);
    expect(runFingerprint(reordered)).toBe(runFingerprint(id));
    // Independent reference: the hash of a hand-written canonical text.
    const text = `{"chunks":12,"config":{"M":8,"policy":{"kind":"bernoulli","p":0.3},"scheme":"grpo:std=population"},"kind":"simulate","seed":7,"version":{"format":${CHECKPOINT_FORMAT_VERSION},"package":"${packageVersion()}"}}`;
    expect(runFingerprint(id)).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('changes with every field', () => {
    const id = base();
    const variants: RunIdentity[] = [
      { ...id, kind: 'verify' },
      { ...id, seed: '7' },
      { ...id, seed: 8 },
      { ...id, chunks: 13 },
      { ...id, version: { ...id.version, package: '9.9.9' } },
      { ...id, version: { ...id.version, format: id.version.format + 1 } },
      { ...id, config: { ...(id.config as object), M: 16 } },
    ];
    for (const v of variants) expect(runFingerprint(v)).not.toBe(runFingerprint(id));
  });

  it.each([
    [{ kind: '', config: {}, seed: 1, chunks: 1 }, /kind must be a non-empty string/],
    [{ kind: 'x', config: {}, seed: Number.NaN, chunks: 1 }, /seed must be a string or a finite/],
    [{ kind: 'x', config: {}, seed: 1, chunks: 0 }, /chunks must be a positive integer, got 0/],
    [{ kind: 'x', config: {}, seed: 1, chunks: 1.5 }, /chunks must be a positive integer/],
    [{ kind: 'x', config: { eps: Number.NaN }, seed: 1, chunks: 1 }, /config.eps: NaN/],
  ])('refuses %o', (input, message) => {
    expect(() => runIdentity(input)).toThrow(InputError);
    expect(() => runIdentity(input)).toThrow(message);
  });
});

describe('identityDifference', () => {
  const labels = ['checkpoint', 'this run'] as const;

  it('is undefined for equal identities', () => {
    expect(identityDifference(base(), base(), labels)).toBeUndefined();
  });

  it.each<[string, (id: RunIdentity) => RunIdentity, string]>([
    ['seed', (id) => ({ ...id, seed: 8 }), 'seed differs (checkpoint 7, this run 8)'],
    ['seed type', (id) => ({ ...id, seed: '7' }), 'seed differs (checkpoint 7, this run "7")'],
    [
      'seed, also carried in the config (said once)',
      (id) => ({ ...id, seed: 8, config: { ...(id.config as object), seed: 8 } }),
      'seed differs (checkpoint 7, this run 8)',
    ],
    [
      'version',
      (id) => ({ ...id, version: { ...id.version, package: '9.9.9' } }),
      `version differs (checkpoint rl-objective ${packageVersion()} format ${CHECKPOINT_FORMAT_VERSION}, this run rl-objective 9.9.9 format ${CHECKPOINT_FORMAT_VERSION})`,
    ],
    [
      'config',
      (id) => ({
        ...id,
        config: { ...(id.config as object), policy: { kind: 'bernoulli', p: 0.4 } },
      }),
      'config.policy.p differs (checkpoint 0.3, this run 0.4)',
    ],
    ['chunks', (id) => ({ ...id, chunks: 3 }), 'chunks differ (checkpoint 12, this run 3)'],
    [
      'kind',
      (id) => ({ ...id, kind: 'verify' }),
      'kind differs (checkpoint "simulate", this run "verify")',
    ],
  ])('names a different %s', (_, change, message) => {
    expect(identityDifference(base(), change(base()), labels)).toBe(message);
  });

  it('lists several differences on one line and shortens long values', () => {
    const id = base();
    const other = { ...id, seed: 9, config: { ...(id.config as object), scheme: 'x'.repeat(100) } };
    const text = identityDifference(id, other, labels)!;
    expect(text).toMatch(
      /^seed differs .*; config\.scheme differs \(checkpoint "grpo:std=population", this run "x{38}…\)$/,
    );
    expect(text).not.toMatch(/\n/);
  });

  it('names an added or removed key and an array length', () => {
    const id = base();
    const added = { ...id, config: { ...(id.config as object), extra: [1, 2] } };
    expect(identityDifference(id, added, labels)).toBe(
      'config.extra differs (checkpoint absent, this run [1,2])',
    );
    const longer = { ...added, config: { ...(added.config as object), extra: [1, 2, 3] } };
    expect(identityDifference(added, longer, labels)).toBe(
      'config.extra.length differs (checkpoint 2, this run 3)',
    );
  });
});
