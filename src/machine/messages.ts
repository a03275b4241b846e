/** Wording of the machine's user-facing problems (script tokens), in English and Chinese. */
import type { Message } from '../model/index.js';

export const machineMessages = {
  bad_script_token: (token: string, position: number): Message => ({
    en: `Script token ${position} "${token}" is not a key (0-9 * #), "wait" or "say:<words>": fix or remove it.`,
    'zh-CN': `脚本第 ${position} 项 "${token}" 不是按键(0-9 * #)、"wait" 或 "say:<话语>":请修正或删除。`,
  }),
};
