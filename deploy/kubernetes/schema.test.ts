// The Kubernetes manifests against the Kubernetes API schema, without a cluster: each document
// is validated by kubernetes-models (its classes carry the OpenAPI schema of the API, compiled to
// an ajv validator). Version 4 of kubernetes-models is used because version 5 requires Node 22.
//
// The OpenAPI schema allows fields it does not define, while `kubectl apply` refuses them
// (strict field validation), so a misspelled field would pass validate() and fail on a cluster.
// The test therefore also records which fields the compiled validator reads: a field it never
// looks at, in an object whose keys it does not enumerate (labels, resource lists and other maps
// are enumerated), is not in the schema.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

const here = fileURLToPath(new URL('.', import.meta.url));

/** A kubernetes-models class: its prototype's validate() checks `this` against the schema. */
interface Model {
  prototype: { validate(this: unknown): void };
}
const MODELS: Record<string, Model> = {
  'batch/v1 Job': Job,
  'v1 PersistentVolumeClaim': PersistentVolumeClaim,
};

/** The documents of every manifest in this folder, by file. */
function manifests(): [string, Record<string, unknown>][] {
  return readdirSync(here)
    .filter((name) => name.endsWith('.yaml'))
    .flatMap((name) =>
      parseAllDocuments(readFileSync(join(here, name), 'utf8')).map(
        (doc) => [name, doc.toJS() as Record<string, unknown>] as [string, Record<string, unknown>],
      ),
    );
}

interface Visit {
  readonly path: string;
  readonly keys: readonly string[];
  readonly read: Set<string>;
  listed: boolean;
}

/** A deep copy of `value` behind proxies that record, per object, which keys were read. */
function watched(value: unknown, path: string, visits: Visit[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  const visit: Visit = {
    path,
    keys: Object.keys(value),
    read: new Set(),
    listed: Array.isArray(value),
  };
  visits.push(visit);
  const copy = Array.isArray(value)
    ? value.map((v, k) => watched(v, `${path}[${k}]`, visits))
    : Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, watched(v, path ? `${path}.${k}` : k, visits)]),
      );
  return new Proxy(copy, {
    get(target, key, receiver) {
      if (typeof key === 'string') visit.read.add(key);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === 'string') visit.read.add(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      visit.listed = true;
      return Reflect.ownKeys(target);
    },
  });
}

/**
 * Validates `doc` with the model of its apiVersion and kind (throws on a schema violation) and
 * returns the paths of the fields the schema does not define.
 */
function validate(doc: Record<string, unknown>): string[] {
  const model = MODELS[`${doc.apiVersion} ${doc.kind}`];
  if (model === undefined) throw new Error(`no model for ${doc.apiVersion} ${doc.kind}`);
  const visits: Visit[] = [];
  model.prototype.validate.call(watched(doc, '', visits));
  return visits
    .filter((visit) => !visit.listed)
    .flatMap((visit) =>
      visit.keys
        .filter((key) => !visit.read.has(key))
        .map((key) => (visit.path ? `${visit.path}.${key}` : key)),
    );
}

describe('the Kubernetes manifests against the API schema', () => {
  const docs = manifests();

  it('are the shard Job, the merge Job and the volume claim', () => {
    expect(
      docs
        .map(([name, doc]) => `${name}: ${doc.kind} ${(doc.metadata as { name: string }).name}`)
        .sort(),
    ).toEqual([
      'merge.yaml: Job rl-objective-merge',
      'verify-shards.yaml: Job rl-objective-verify',
      'volume.yaml: PersistentVolumeClaim rl-objective-out',
    ]);
  });

  it.each(docs)('%s is valid, with no field outside the schema', (_, doc) => {
    expect(validate(doc)).toEqual([]);
  });
});

describe('the schema check can fail', () => {
  const [, shards] = manifests().find(([name]) => name === 'verify-shards.yaml')!;
  type Edit = (job: {
    spec: Record<string, unknown> & {
      template: { spec: { containers: Record<string, unknown>[] } };
    };
  }) => void;
  const edited = (edit: Edit) => {
    const copy = structuredClone(shards);
    edit(copy as Parameters<Edit>[0]);
    return copy;
  };

  it.each<[string, Edit, RegExp]>([
    [
      'a count written as a string',
      (job) => (job.spec.completions = '4'),
      /completions must be integer/,
    ],
    [
      'a value outside an enum',
      (job) => (job.spec.podReplacementPolicy = 'Sometimes'),
      /podReplacementPolicy must be equal to one of the allowed values/,
    ],
    [
      'a container without a name',
      (job) => delete job.spec.template.spec.containers[0]!.name,
      /containers\/0 must have required property name/,
    ],
    [
      'args that are not strings',
      (job) => (job.spec.template.spec.containers[0]!.args = [4]),
      /args\/0 must be string/,
    ],
  ])('rejects %s', (_, edit, message) => {
    expect(() => validate(edited(edit))).toThrow(message);
  });

  it('names a misspelled field', () => {
    const misspelled = edited((job) => {
      job.spec.completionMod = job.spec.completionMode;
      delete job.spec.completionMode;
      job.spec.template.spec.containers[0]!.volumeMount = [];
    });
    expect(validate(misspelled)).toEqual([
      'spec.completionMod',
      'spec.template.spec.containers[0].volumeMount',
    ]);
  });

  it('lets maps have any key (labels, resource lists)', () => {
    const mapped = edited((job) => {
      (
        job.spec.template.spec.containers[0]!.resources as { limits: Record<string, string> }
      ).limits['ephemeral-storage'] = '1Gi';
    });
    expect(validate(mapped)).toEqual([]);
  });
});
