// A child process for the kill-during-write test: records large chunks into the checkpoint
// directory given as argv[2], round and round, until it is killed. Every result is
// `bigResult(index)`, so the test can tell a complete chunk file from a torn one.
import { openCheckpoint, recordChunk } from '../../../src/checkpoint/checkpoint.ts';
import { bigResult, killIdentity } from './kill-fixture.ts';

const dir = process.argv[2]!;
const identity = killIdentity();
openCheckpoint(dir, identity);
process.stdout.write('ready\n');
for (let round = 0; ; round++) {
  const index = round % identity.chunks;
  recordChunk(dir, index, bigResult(index));
}
