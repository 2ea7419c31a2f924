import type { Command } from 'commander';
import { YaohaoError } from '../../errors/YaohaoError';
import { jsonSchemaOf, SCHEMAS } from '../schemas';
import type { CliContext } from '../context';
import { toStdout } from '../streams';

/** `yaohao schema`. */
export function schemaCommand(cli: Command, _context: CliContext): void {
  cli
    .command('schema [name]')
    .description('print the JSON Schema of input records, the policy, the audit record or a sheet')
    .addHelpText(
      'after',
      `\nNames: ${Object.keys(SCHEMAS).join(', ')}\n\nExamples:\n  yaohao schema           (all of them, by name)\n  yaohao schema record`,
    )
    .action((name: string | undefined) => {
      // Object.hasOwn: `constructor`, `__proto__` and the rest of Object.prototype are not schemas.
      if (name !== undefined && !Object.hasOwn(SCHEMAS, name)) {
        throw new YaohaoError([
          {
            code: 'invalid_value',
            path: ['name'],
            message: `unknown schema ${JSON.stringify(name.slice(0, 40))}; names: ${Object.keys(SCHEMAS).join(', ')}`,
          },
        ]);
      }
      const value =
        name === undefined
          ? Object.fromEntries(
              Object.entries(SCHEMAS).map(([key, { about }]) => [
                key,
                { description: about, schema: jsonSchemaOf(key) },
              ]),
            )
          : jsonSchemaOf(name);
      toStdout(`${JSON.stringify(value, null, 2)}\n`);
    });
}
