/**
 * The only place that reads and writes files. Reading refuses what is not a
 * regular file or is too large before any byte is parsed; writing is atomic
 * (a temporary file renamed into place), so a failed run never leaves a
 * partial output file.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { IvrError, issue, messages, type Message } from '../model/index.js';

function fileError(code: string, file: string, message: Message): IvrError {
  return new IvrError([issue(code, [], message)], { file });
}

/** Reads a text file, refusing directories, missing files and files over `maxBytes`. */
export function readTextFile(file: string, maxBytes: number): string {
  let size: number;
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) {
      throw fileError('is_directory', file, {
        en: 'This is a directory, not a file: name the JSON files inside it (for example menus/*.json).',
        'zh-CN': '这是目录而不是文件:请指定其中的 JSON 文件(例如 menus/*.json)。',
      });
    }
    size = stats.size;
  } catch (error) {
    if (error instanceof IvrError) throw error;
    throw fileError('not_found', file, {
      en: 'No such file: check the path.',
      'zh-CN': '文件不存在:请检查路径。',
    });
  }
  if (size > maxBytes) {
    throw fileError('too_large', file, messages.too_large(size / 2 ** 20, maxBytes / 2 ** 20));
  }
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw fileError('unreadable', file, { en: 'The file cannot be read: check its permissions.', 'zh-CN': '无法读取文件:请检查权限。' });
  }
}

/** Writes a whole file or nothing: a temporary file beside the target, then a rename. */
export function writeFileAtomic(file: string, content: string): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    const descriptor = openSync(temporary, 'w');
    try {
      writeSync(descriptor, content);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
    throw fileError('unwritable', file, { en: 'Cannot write this file: check the folder exists and is writable.', 'zh-CN': '无法写入此文件:请检查目录是否存在且可写。' });
  }
}

export function megabytes(value: number): number {
  return Math.round(value * 2 ** 20);
}
