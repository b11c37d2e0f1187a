import fc from 'fast-check';
import { parseExpectation, parseTraceLine } from '../../src/audit/index.ts';
import { target } from '../../src/objective/index.ts';
import { buildPolicy, parsePolicy } from '../../src/policies/index.ts';
import { parseSchemeSpec, scheme } from '../../src/schemes/index.ts';
import { parseSpec } from '../../src/spec/parse-spec.ts';
import { SpecReader } from '../../src/spec/spec-reader.ts';
import { anyJson, anyText, jsonNearMiss, specInput } from './arbitraries.ts';
import { expectClean as ec } from './outcome.ts';

const ONE = process.argv[2] === 'one';
const expectClean = (one: boolean, f: () => unknown) => ec(f, one);

const SCHEMES = [
  'reinforce',
  'rloo',
  'dr-grpo',
  'rs',
  'grpo:std=sample,eps=1e-6,eps-at=var',
  'passk:k=4',
  'verl-grpo',
  'trl-grpo:scale=none',
  'grpo:filter=dapo',
  'chen-passk:k=2',
  'design:target=logit',
  'table:file=x.json',
];
const TARGETS = ['identity', 'log', 'logit', 'arcsin', 'power:q=0.5', 'passk:k=4'];
const POLICIES = [
  'bernoulli:p=0.3',
  'bernoulli:theta=-0.5',
  'softmax:logits=0.1;-0.4;0.3;0,correct=0;2',
  'sequence:V=4,L=3,r=1,seed=7',
  '{"kind":"bernoulli","p":0.3}',
  '{"kind":"corpus","prompts":[{"Q":1,"policy":{"kind":"bernoulli","p":0.5}}]}',
];
const run = (name: string, arb: fc.Arbitrary<any>, f: (x: any) => void, numRuns = 3000) => {
  const r = fc.check(
    fc.property(arb, (x) => {
      f(x);
    }),
    { numRuns, seed: 1 },
  );
  console.log(
    name,
    r.failed
      ? `FAIL ${JSON.stringify(r.counterexample)} ${String(r.errorInstance).slice(0, 300)}`
      : 'ok',
  );
};
run('parseSpec', specInput(SCHEMES), (t) => expectClean(ONE, () => parseSpec(t, 'scheme')));
run('parseSchemeSpec', specInput(SCHEMES), (t) => expectClean(ONE, () => parseSchemeSpec(t)));
run(
  'scheme',
  fc.tuple(
    specInput(SCHEMES),
    fc.oneof(
      fc.integer({ min: 1, max: 40 }),
      fc.constantFrom(0, -1, 1.5, NaN, Infinity, -0, 2 ** 53),
    ),
  ),
  ([t, M]) => expectClean(ONE, () => scheme(t, M)),
  1500,
);
run('target', specInput(TARGETS), (t) => expectClean(ONE, () => target(t)));
run(
  'target.deriv',
  fc.tuple(
    specInput(TARGETS),
    fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(-1, 1.5, NaN)),
  ),
  ([t, n]) =>
    expectClean(ONE, () => {
      const x = target(t);
      x.derivativeInBernstein(n);
    }),
);
run('parseExpectation', specInput(['arcsin:0.05', 'identity', 'passk:k=4:0.02']), (t) =>
  expectClean(ONE, () => parseExpectation(t)),
);
run('parsePolicy', specInput(POLICIES), (t) => expectClean(ONE, () => buildPolicy(parsePolicy(t))));
run(
  'parsePolicyJson',
  fc.oneof(
    anyJson,
    jsonNearMiss(POLICIES.filter((p) => p.startsWith('{')).map((p) => JSON.parse(p))),
  ),
  (v) => expectClean(ONE, () => buildPolicy(parsePolicy(JSON.stringify(v) ?? 'null'))),
);
run(
  'traceLine',
  fc.oneof(
    anyText,
    anyJson.map((v) => JSON.stringify(v)),
    jsonNearMiss([{ rewards: [0, 1], advantages: [-1, 1] }]).map((v) => JSON.stringify(v)),
  ),
  (t) => expectClean(ONE, () => parseTraceLine(t, 1, 'f')),
);
