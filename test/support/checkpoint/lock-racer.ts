// A process of the lock race (src/checkpoint/directory-lock.test.ts): says `ready` once loaded,
// and on the line `go` tries to lock the directory argv[2], then says `won` or
// `refused: MESSAGE`. A winner holds the lock until its standard input closes.
import { createInterface } from 'node:readline';
import { lockDirectory } from '../../../src/checkpoint/directory-lock.ts';

const dir = process.argv[2]!;
const input = createInterface({ input: process.stdin });
input.once('line', () => {
  try {
    const lock = lockDirectory(dir);
    process.stdout.write('won\n');
    input.once('close', () => lock.release());
  } catch (error) {
    process.stdout.write(`refused: ${(error as Error).message}\n`);
    input.close();
  }
});
process.stdout.write('ready\n');
