/**
 * Reads the audit's data files: the friction weights and the rule profiles
 * of the package's `rules/` folder (or a profile file named by path).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readProfile, type RuleProfile } from '../analysis/rules.js';
import { parseWeights, type FrictionWeights } from '../analysis/score.js';
import { IvrError, locateIssues, usageError } from '../model/index.js';
import { readTextFile } from './io.js';
import { list } from './situation-options.js';

const RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
const WEIGHTS = 'friction-weights';
const MAX_BYTES = 4 * 2 ** 20;

export function loadWeights(): FrictionWeights {
  return parseWeights(JSON.parse(readTextFile(`${RULES_DIR}${WEIGHTS}.json`, MAX_BYTES)));
}

function profileNames(): string[] {
  return readdirSync(RULES_DIR)
    .filter((file) => file.endsWith('.json') && file !== `${WEIGHTS}.json`)
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

/** A profile file, validated: a bad one is refused with every problem at its file:line:column (exit 2). */
function loadProfileFile(file: string): RuleProfile {
  const text = readTextFile(file, MAX_BYTES);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) throw usageError('bad_profile', { en: `${file}: not valid JSON.`, 'zh-CN': `${file}:不是有效的 JSON。` });
    throw error;
  }
  const profile = readProfile(data);
  if (!profile.ok) throw new IvrError(locateIssues(text, profile.issues), { file });
  return profile.value;
}

/** `--rules a,b`: profile names from rules/ or paths to profile files; default every bundled profile. */
export function loadProfiles(option: string | undefined): RuleProfile[] {
  const known = profileNames();
  const wanted = option === undefined ? known : list(option);
  return wanted.map((name) => {
    if (name.endsWith('.json')) return loadProfileFile(name);
    if (!known.includes(name)) {
      throw usageError('unknown_profile', {
        en: `--rules: no profile "${name}"; known: ${known.join(', ')} (or a path to a .json profile).`,
        'zh-CN': `--rules:没有名为 "${name}" 的规则配置;可用:${known.join(', ')}(或 .json 文件路径)。`,
      });
    }
    return loadProfileFile(`${RULES_DIR}${name}.json`);
  });
}
