import { isYaohaoError, YaohaoError } from '../errors/YaohaoError';
import { checkPolicy } from '../policy/checkPolicy';
import type { Policy } from '../policy/Policy';
import { presets, type PresetName } from '../policy/presets';
import { readJsonFile } from '../node/readInput';
import { blamingFile } from './blameFile';

/**
 * `--policy`: a preset name, or a policy JSON file (`-`: stdin). Without one, records must carry
 * their own weight. Problems in the file are issues in that file (never blamed on the pool).
 */
export async function resolvePolicy(option: string | undefined): Promise<Policy> {
  if (option === undefined) return presets.explicit;
  if (Object.hasOwn(presets, option)) return presets[option as PresetName];
  let json: unknown;
  try {
    json = await readJsonFile(option, '--policy');
  } catch (error) {
    const unreadable =
      isYaohaoError(error) &&
      error.issues.every((issue) => issue.code !== 'invalid_syntax' && issue.line === undefined);
    if (!unreadable) throw error;
    throw new YaohaoError([
      {
        code: 'invalid_policy',
        path: ['--policy'],
        message: `"${option}" is neither a preset (${Object.keys(presets).join(', ')}) nor a readable policy file (${error.issues[0]!.message})`,
      },
    ]);
  }
  return blamingFile(option, () => checkPolicy(json, []));
}
