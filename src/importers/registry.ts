/**
 * The importers ivr-escape knows, and how one is chosen: `--from` names one;
 * otherwise the most confident `detect` wins. A file that is not a flow at
 * all (empty, comments only, broken JSON, a statechart, an include wrapper)
 * gets a one-line reason instead of a guess. `importFiles` also checks sizes
 * before anything is parsed and validates what the importer produced.
 */
import { IvrError, DEFAULT_MAX_BYTES, issue, loadMenuValue, type Issue, type Menu } from '../model/index.js';
import type { FormatId, Importer, ImportOptions, ImportResult, ImportWarning, SourceFile } from './importer.js';
import { message } from './build-menu.js';
import { checkSize, parseUntrustedJson } from './safe-json.js';
import { twilioStudio } from './twilio-studio.js';
import { amazonConnect } from './amazon-connect.js';
import { voiceXmlImporter } from './voicexml.js';
import { asteriskImporter } from './asterisk.js';
import { freeswitchImporter } from './freeswitch.js';

/** Every importer, in the order `--from` lists them. */
export const IMPORTERS: readonly Importer[] = [twilioStudio, amazonConnect, voiceXmlImporter, asteriskImporter, freeswitchImporter];

/** Formats whose files name places where calls can start (`--context`). */
const CONTEXT_FORMATS: readonly FormatId[] = ['asterisk'];

/** Below this, a detector's guess is not trusted. */
const MIN_CONFIDENCE = 0.3;

export type Detection =
  | { ok: true; importer: Importer; confidence: number }
  | { ok: false; problem: Issue; file: string };

export function importerFor(id: string): Importer | undefined {
  return IMPORTERS.find((importer) => importer.id === id);
}

function reason(code: string, en: string, zh: string, at: { line?: number; column?: number } = {}): Issue {
  return { ...issue(code, [], message(en, zh)), ...at };
}

/** What is left once comments of every format we read are removed. */
function withoutComments(text: string): string {
  return text
    .replace(/;--[\s\S]*?--;/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .split('\n')
    .filter((line) => !/^\s*(;|#(?!include|exec)|\/\/)/.test(line))
    .join('\n')
    .trim();
}

/** Why a file is not a flow, when that is plain from its text; undefined when it may be one. */
function notAFlow(file: SourceFile): Issue | undefined {
  const text = file.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return reason('empty_file', 'The file is empty.', '文件为空。');
  if (withoutComments(text) === '') {
    return reason('comments_only', 'The file holds only comments: there is no flow to import.', '文件只有注释:没有可导入的流程。');
  }
  // `[general]` opens a dialplan, not a JSON array.
  if (/^\s*(\{|\[\s*([[{"\d-]|\]|$))/.test(text)) {
    try {
      parseUntrustedJson(file.name, text, Number.MAX_SAFE_INTEGER);
    } catch (error) {
      if (error instanceof IvrError && error.issues[0] !== undefined) return error.issues[0];
      throw error;
    }
    if (/"format"\s*:\s*"ivr-menu\/1"/.test(text.slice(0, 8192))) {
      return reason('already_a_menu', 'This is already an ivr-menu/1 menu: there is nothing to import; use it as it is (ivr validate, ivr escape).', '这已是 ivr-menu/1 菜单:无需导入,可直接使用(ivr validate、ivr escape)。');
    }
    return undefined;
  }
  const head = text.slice(0, 8192);
  if (/<scxml[\s>]/.test(head)) {
    return reason('scxml', 'SCXML is not an IVR flow format we import: it is a statechart (its dialogs would be VoiceXML).', 'SCXML 不是我们可导入的 IVR 流程格式:它是状态图(其对话应为 VoiceXML)。');
  }
  const body = withoutComments(text).replace(/<\?xml[^>]*\?>/, '');
  if (/^<include>\s*(<X-PRE-PROCESS\b[^>]*\/>\s*)+<\/include>$|^(<X-PRE-PROCESS\b[^>]*\/>\s*)+$/.test(body.replace(/\s+/g, ' ').replace(/> </g, '><').trim())) {
    const data = /data="([^"]*)"/.exec(body)?.[1] ?? 'other files';
    return reason('include_wrapper', `This file only includes ${data}: import those files instead.`, `此文件只是引入 ${data}:请改为导入这些文件。`);
  }
  return undefined;
}

/** The importer for these files: the most confident detector on the first file, or why none fits. */
export function detectFormat(files: readonly SourceFile[]): Detection {
  const entry = files[0];
  if (entry === undefined) return { ok: false, file: '', problem: reason('no_files', 'No file to import.', '没有要导入的文件。') };
  const problem = notAFlow(entry);
  if (problem !== undefined) return { ok: false, problem, file: entry.name };
  let best: { importer: Importer; confidence: number } | undefined;
  for (const importer of IMPORTERS) {
    const confidence = importer.detect([entry]);
    if (confidence >= MIN_CONFIDENCE && (best === undefined || confidence > best.confidence)) best = { importer, confidence };
  }
  if (best !== undefined) return { ok: true, ...best };
  const known = IMPORTERS.map((importer) => importer.title).join(', ');
  return {
    ok: false,
    file: entry.name,
    problem: reason('unknown_format', `Not a flow format ivr import reads (${known}): name one with --from if you are sure.`, `不是 ivr import 能读取的流程格式(${known}):如确定格式,请用 --from 指定。`),
  };
}

export interface ImportedMenu extends ImportResult {
  format: FormatId;
  /** the validated menu (defaults filled in) */
  validated: Menu;
}

/**
 * Imports files with the named importer (or the detected one), refusing
 * oversized files before parsing, and validates the result. `entryChoice`
 * says how the caller chose the entry file (a folder without `--entry`):
 * it comes first among the warnings and is kept in `source.notes`.
 */
export function importFiles(files: readonly SourceFile[], options: ImportOptions & { from?: FormatId; entryChoice?: ImportWarning } = {}): ImportedMenu {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const file of files) checkSize(file.name, file.text, maxBytes);
  let importer: Importer | undefined;
  if (options.from !== undefined) {
    importer = importerFor(options.from);
    if (importer === undefined) {
      throw new IvrError([reason('unknown_importer', `No importer for "${options.from}" yet: use one of ${IMPORTERS.map((i) => i.id).join(', ')}.`, `尚无 "${options.from}" 的导入器:请使用 ${IMPORTERS.map((i) => i.id).join('、')} 之一。`)]);
    }
  } else {
    const detection = detectFormat(files);
    if (!detection.ok) throw new IvrError([detection.problem], { file: detection.file });
    importer = detection.importer;
  }
  if (options.context !== undefined && !CONTEXT_FORMATS.includes(importer.id)) {
    throw new IvrError([reason('context_not_supported',
      `--context names a dialplan context: it applies to ${CONTEXT_FORMATS.join(', ')} files, not to ${importer.title}.`,
      `--context 指定拨号计划上下文:只适用于 ${CONTEXT_FORMATS.join('、')} 文件,不适用于 ${importer.title}。`)], { file: files[0]?.name ?? '' });
  }
  const result = withEntryChoice(importer.import(files, { maxBytes, ...(options.context !== undefined ? { context: options.context } : {}) }), options.entryChoice);
  const checked = loadMenuValue(result.menu);
  if (!checked.ok) {
    const first = checked.issues[0];
    throw new IvrError([reason('import_invalid',
      `The imported menu does not validate (a bug in the ${importer.id} importer, please report it): ${first?.message.en ?? 'unknown problem'}`,
      `导入的菜单未通过校验(${importer.id} 导入器的缺陷,请报告):${first?.message['zh-CN'] ?? '未知问题'}`)], { file: files[0]?.name ?? '' });
  }
  return { ...result, format: importer.id, validated: checked.value };
}

/** The entry note first among the warnings, and as the second line of `source.notes`. */
function withEntryChoice(result: ImportResult, choice: ImportWarning | undefined): ImportResult {
  if (choice === undefined) return result;
  const [first = '', ...rest] = (result.menu.source?.notes ?? '').split('\n');
  const notes = [first, choice.message.en, ...rest].filter((line) => line !== '').join('\n');
  return { menu: { ...result.menu, source: { ...result.menu.source, notes } }, warnings: [choice, ...result.warnings] };
}
