/**
 * The wording of every problem the model reports, in English and Chinese.
 * Each message names the culprit and, where there is one, the fix.
 */
import type { Message } from './issues.js';

const didYouMean = (suggestion: string | undefined) => ({
  en: suggestion ? ` Did you mean "${suggestion}"?` : '',
  zh: suggestion ? `是否想写 "${suggestion}"?` : '',
});

/** A size for people: `64 MB`, `12.5 MB`, `3.9 KB`, `120 bytes` (1 MB = 2^20 bytes, as --max-mb counts). */
function formatSize(bytes: number): string {
  const round = (value: number) => String(Math.round(value * 10) / 10);
  if (bytes >= 2 ** 20) return `${round(bytes / 2 ** 20)} MB`;
  if (bytes >= 2 ** 10) return `${round(bytes / 2 ** 10)} KB`;
  return `${bytes} bytes`;
}

export const messages = {
  empty_file: (): Message => ({
    en: 'The file is empty: write an ivr-menu/1 JSON document (see docs/menu-format.md).',
    'zh-CN': '文件为空:请写入 ivr-menu/1 JSON 文档(见 docs/menu-format.md)。',
  }),
  invalid_json: (detail: Message): Message => ({
    en: `This is not valid JSON: ${detail.en}. Fix the syntax at this position.`,
    'zh-CN': `不是有效的 JSON:${detail['zh-CN']}。请修正此处的语法。`,
  }),
  /** Sizes in megabytes (2^20 bytes), as --max-mb counts them. */
  too_large: (megabytes: number, limitMegabytes: number): Message => {
    const size = formatSize(Math.round(megabytes * 2 ** 20));
    const limit = formatSize(Math.round(limitMegabytes * 2 ** 20));
    return {
      en: `The file is ${size}, over the ${limit} limit: raise it with --max-mb if you trust the file.`,
      'zh-CN': `文件大小 ${size},超过 ${limit} 上限:如信任该文件,可用 --max-mb 调高上限。`,
    };
  },
  too_deep: (limit: number): Message => ({
    en: `The document nests more than ${limit} levels deep here; a menu needs far fewer (conditions nest a few levels): flatten it.`,
    'zh-CN': `文档在此处嵌套超过 ${limit} 层;菜单远不需要这么深(条件一般只嵌套几层):请减少嵌套。`,
  }),
  repeated_key: (key: string): Message => ({
    en: `The key "${key}" appears twice in this object; JSON keeps only the last, so the first would be lost without a word: remove or rename one.`,
    'zh-CN': `此对象中键 "${key}" 出现了两次;JSON 只保留最后一个,前一个会被悄悄丢弃:请删除或改名其中一个。`,
  }),
  reserved_key: (key: string): Message => ({
    en: `The key "${key}" is not allowed anywhere in a menu file (it could alter objects): rename it.`,
    'zh-CN': `菜单文件中不允许使用键 "${key}"(可能篡改对象原型):请改名。`,
  }),
  schema: (en: string, zh: string): Message => ({ en, 'zh-CN': zh }),
  unknown_node: (what: Message, target: string, suggestion?: string): Message => ({
    en: `${what.en} "${target}", which is not a node of this menu.${didYouMean(suggestion).en}`,
    'zh-CN': `${what['zh-CN']} "${target}",但菜单中没有该节点。${didYouMean(suggestion).zh}`,
  }),
  invalid_node_id: (id: string): Message => ({
    en: `The node id "${id}" is not allowed: use letters, digits, "_", "." and "-", starting with a letter or "_" (and not __proto__, constructor or prototype).`,
    'zh-CN': `节点 id "${id}" 不合法:只能用字母、数字、"_"、"."、"-",以字母或 "_" 开头(且不能是 __proto__、constructor、prototype)。`,
  }),
  duplicate_key: (key: string, first: number): Message => ({
    en: `Key "${key}" is already taken by option ${first} of this menu: give each option its own key.`,
    'zh-CN': `按键 "${key}" 已被本菜单第 ${first} 个选项使用:每个选项须使用不同的按键。`,
  }),
  ignored_length: (field: string, value: number, length: number): Message => ({
    en: `"${field}": ${value} is ignored: "length": ${length} fixes the entry at ${length} digits. Remove one of them.`,
    'zh-CN': `"${field}": ${value} 不起作用:"length": ${length} 已把输入固定为 ${length} 位。请删去其一。`,
  }),
  duplicate_phrase: (phrase: string, first: number): Message => ({
    en: `The phrase "${phrase}" is already accepted by option ${first}; the recogniser will pick that option first.`,
    'zh-CN': `短语 "${phrase}" 已被第 ${first} 个选项接受;语音识别将优先选择该选项。`,
  }),
  unknown_schedule: (name: string, known: string[]): Message => ({
    en: `The schedule "${name}" is not defined under "hours"${known.length ? ` (defined: ${known.join(', ')})` : ''}: add it or fix the name.`,
    'zh-CN': `"hours" 中没有名为 "${name}" 的时间表${known.length ? `(已定义:${known.join('、')})` : ''}:请添加或改正名称。`,
  }),
  unknown_timezone: (zone: string): Message => ({
    en: `"${zone}" is not an IANA time zone: use a name such as "Europe/Madrid" or "Asia/Shanghai".`,
    'zh-CN': `"${zone}" 不是 IANA 时区:请使用如 "Europe/Madrid" 或 "Asia/Shanghai" 的名称。`,
  }),
  empty_interval: (): Message => ({
    en: '"from" equals "to", so this interval is never open: for a whole day use "00:00" to "24:00".',
    'zh-CN': '"from" 与 "to" 相同,此时段永不开放:全天请写 "00:00" 到 "24:00"。',
  }),
  silent_loop: (cycle: string[]): Message => ({
    en: `These nodes loop forever with no caller action and no time passing: ${cycle.join(' → ')}. Give one of them a prompt, or break the loop.`,
    'zh-CN': `以下节点构成无需来电者操作、也不耗时的死循环:${cycle.join(' → ')}。请为其中一个节点加入提示音,或打断循环。`,
  }),
  unreachable_node: (id: string): Message => ({
    en: `Node "${id}" cannot be reached from "start": no option, handler or branch leads to it.`,
    'zh-CN': `从 "start" 无法到达节点 "${id}":没有任何选项、处理器或分支指向它。`,
  }),
  no_agent: (): Message => ({
    en: 'No route from "start" reaches an "agent" node: callers of this menu can never speak to a person.',
    'zh-CN': '从 "start" 出发没有任何路线能到达 "agent" 节点:来电者永远无法接通人工。',
  }),
  unknown_field: (key: string, suggestion?: string): Message => ({
    en: `Unknown field "${key}".${suggestion ? ` Did you mean "${suggestion}"?` : ' Check its spelling against docs/menu-format.md.'}`,
    'zh-CN': `未知字段 "${key}"。${suggestion ? `是否想写 "${suggestion}"?` : '请对照 docs/menu-format.md 检查拼写。'}`,
  }),
  missing_field: (field: string): Message => ({
    en: `Missing required field "${field}".`,
    'zh-CN': `缺少必填字段 "${field}"。`,
  }),
  unknown_node_type: (type: unknown, suggestion?: string): Message => (type === undefined
    ? {
      en: 'This node has no "type": give it one of say, menu, input, branch, agent, hangup.',
      'zh-CN': '此节点缺少 "type":请使用 say、menu、input、branch、agent、hangup 之一。',
    }
    : {
      en: `Unknown node type ${JSON.stringify(type)}: use one of say, menu, input, branch, agent, hangup.${didYouMean(suggestion).en}`,
      'zh-CN': `未知节点类型 ${JSON.stringify(type)}:请使用 say、menu、input、branch、agent、hangup 之一。${didYouMean(suggestion).zh}`,
    }),
  not_a_menu: (): Message => ({
    en: 'This is not an ivr-menu/1 document: it has no "format": "ivr-menu/1" and fields of another format. To convert a platform\'s flow, use `ivr import`.',
    'zh-CN': '这不是 ivr-menu/1 文档:缺少 "format": "ivr-menu/1",且含有其他格式的字段。如需转换平台流程,请使用 `ivr import`。',
  }),
  not_a_prompt: (): Message => ({
    en: 'A prompt is a text, or an object with "text", "seconds" and/or "audio".',
    'zh-CN': '提示音应为一段文字,或含 "text"、"seconds"、"audio" 的对象。',
  }),
  not_a_condition: (): Message => ({
    en: 'A condition is an object with exactly one of "open", "caller", "fact", "not", "all" or "any".',
    'zh-CN': '条件应为仅含 "open"、"caller"、"fact"、"not"、"all"、"any" 之一的对象。',
  }),
  quoted_number: (text: string): Message => ({
    en: `Expected a number, found the text "${text}": write it without quotes (${text.trim()}).`,
    'zh-CN': `应为数字,实为文本 "${text}":请去掉引号(${text.trim()})。`,
  }),
  not_whole_number: (): Message => ({
    en: 'Expected a whole number.',
    'zh-CN': '应为整数。',
  }),
} as const;

/** What a JSON syntax error means, by jsonc-parser's error name. */
export const JSON_SYNTAX: Record<string, Message> = {
  InvalidSymbol: { en: 'unexpected character', 'zh-CN': '意外的字符' },
  InvalidNumberFormat: { en: 'malformed number', 'zh-CN': '数字格式错误' },
  PropertyNameExpected: { en: 'a field name in double quotes was expected', 'zh-CN': '此处应为带双引号的字段名' },
  ValueExpected: { en: 'a value was expected', 'zh-CN': '此处应为一个值' },
  ColonExpected: { en: 'a ":" was expected after the field name', 'zh-CN': '字段名后应为 ":"' },
  CommaExpected: { en: 'a "," was expected between items', 'zh-CN': '各项之间应有 ","' },
  CloseBraceExpected: { en: 'a closing "}" was expected', 'zh-CN': '此处应为 "}"' },
  CloseBracketExpected: { en: 'a closing "]" was expected', 'zh-CN': '此处应为 "]"' },
  EndOfFileExpected: { en: 'the document should end here', 'zh-CN': '文档应在此结束' },
  InvalidCommentToken: { en: 'comments are not allowed in JSON', 'zh-CN': 'JSON 中不允许注释' },
  UnexpectedEndOfComment: { en: 'comments are not allowed in JSON', 'zh-CN': 'JSON 中不允许注释' },
  UnexpectedEndOfString: { en: 'a string is not closed with a double quote', 'zh-CN': '字符串缺少结尾的双引号' },
  UnexpectedEndOfNumber: { en: 'a number ends too early', 'zh-CN': '数字不完整' },
  InvalidUnicode: { en: 'invalid \\u escape', 'zh-CN': '无效的 \\u 转义' },
  InvalidEscapeCharacter: { en: 'invalid escape after "\\"', 'zh-CN': '"\\" 后的转义字符无效' },
  InvalidCharacter: { en: 'a control character (such as a tab or newline) inside a string', 'zh-CN': '字符串中含有控制字符(如制表符或换行)' },
};

export const TRAILING_COMMA: Message = {
  en: 'JSON allows no "," after the last item of an object or list',
  'zh-CN': 'JSON 中对象或列表的最后一项后不能有 ","',
};

export const DOUBLE_COMMA: Message = {
  en: 'two "," in a row: an item is missing between them, or one "," is too many',
  'zh-CN': '连续两个 ",":两者之间缺少一项,或多写了一个 ","',
};

/**
 * The Chinese of the schema's own messages (schema.ts); zod's zh-CN locale
 * words the rest.
 */
export const SCHEMA_MESSAGES_ZH: Record<string, string> = {
  'expected HH:MM (00:00 to 24:00)': '应为 HH:MM(00:00 至 24:00)',
  'expected YYYY-MM-DD': '应为 YYYY-MM-DD 格式的日期',
  'an option needs a "key", "phrases", or both': '选项需要 "key"、"phrases" 或两者兼有',
  'an input needs "length" (exact digits) or "minLength" (with a terminator)': '输入节点需要 "length"(固定位数)或 "minLength"(配合结束键)',
  '"minLength" is greater than "maxLength"': '"minLength" 大于 "maxLength"',
  'expected a slug: lower-case letters, digits and "-"': '应为 slug:小写字母、数字和 "-"',
  'expected an E.164 number such as +18005550100': '应为 E.164 号码,如 +8610012345678',
  'expected a BCP 47 tag such as en-US': '应为 BCP 47 语言标记,如 zh-CN',
};
