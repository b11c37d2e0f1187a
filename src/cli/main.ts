import { fail } from './exit-codes.ts';
import { helpAsOption, program } from './program.ts';

// The CLI entry point: every error, expected or not, ends as one line on stderr.
try {
  await program().parseAsync(helpAsOption(process.argv.slice(2)), { from: 'user' });
} catch (error) {
  process.exitCode = fail(error);
}
