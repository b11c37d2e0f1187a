import { fail } from './fail.ts';
import { helpAsOption } from './help-as-option.ts';
import { program } from './program.ts';

// The CLI entry point: every error, expected or not, ends as one line on stderr.
try {
  await program().parseAsync(helpAsOption(process.argv.slice(2)), { from: 'user' });
} catch (error) {
  process.exitCode = fail(error);
}
