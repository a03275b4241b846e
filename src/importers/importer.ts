/**
 * The contract every importer keeps: foreign flow text in, an `ivr-menu/1`
 * document out, with warnings located in the source (widget name, action id,
 * XML line, dialplan line) for whatever could not be mapped exactly.
 * Importers take text, never paths: `cli/` reads the files.
 */
import type { MenuInput } from '../model/index.js';

export type FormatId = 'twilio-studio' | 'amazon-connect' | 'vxml' | 'asterisk' | 'freeswitch';

/** One source file of a flow bundle (a folder of Connect flows, linked VoiceXML documents, dialplan includes). */
export interface SourceFile {
  /** the name as given on the command line, for messages and provenance */
  name: string;
  text: string;
}

/** Where in the source a warning comes from. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
  /** a widget name, an action id, an extension and priority… */
  element?: string;
}

export interface ImportWarning {
  code: string;
  message: { en: string; 'zh-CN': string };
  at: SourceLocation;
}

export interface ImportResult {
  /** a document of menu-format.md (validate it with loadMenuValue) */
  menu: MenuInput;
  warnings: ImportWarning[];
}

export interface Importer {
  id: FormatId;
  /** a short human name: "Twilio Studio flow JSON" */
  title: string;
  /** how sure this importer is that the files are its format: 0 (no) to 1 (certain) */
  detect(files: readonly SourceFile[]): number;
  /** Throws IvrError (exit 2) with a one-line reason when the files are not a flow it can read. */
  import(files: readonly SourceFile[]): ImportResult;
}
