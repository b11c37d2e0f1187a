import { fail } from './fail.ts';
import { program } from './program.ts';

// The CLI entry point: every error, expected or not, ends as one line on stderr.
try {
  await program().parseAsync(process.argv);
} catch (error) {
  process.exitCode = fail(error);
}
