/** Reads a menu file and validates it, turning problems into one located IvrError. */
import { IvrError, loadMenu, type Issue, type Menu } from '../model/index.js';
import { readTextFile } from './io.js';

export interface LoadedMenu {
  file: string;
  menu: Menu;
  warnings: Issue[];
}

export function loadMenuFile(file: string, maxBytes: number): LoadedMenu {
  const text = readTextFile(file, maxBytes);
  const result = loadMenu(text, { maxBytes });
  if (!result.ok) throw new IvrError(result.issues, { file });
  // Warnings are located on first read (model/load.ts); keep that lazy here too.
  return { file, menu: result.value, get warnings() { return result.warnings; } };
}
