/**
 * The contract every importer keeps: foreign flow text in, an `ivr-menu/1`
 * document out, with warnings located in the source (widget name, action id,
 * XML line, dialplan line) for whatever could not be mapped exactly.
 * Importers take text, never paths: `cli/` reads the files.
 *
 * Bundles: `files[0]` is where the call starts. The other files are only
 * used when the flow refers to them (a Connect `TransferToFlow`, a Twilio
 * `run-subflow`, a VoiceXML `goto` to another document, a dialplan or
 * FreeSWITCH include); an importer must not fail because a companion file is
 * of another kind.
 *
 * Shared helpers for writing an importer live in `build-menu.ts` (a draft
 * graph of source elements → unique node ids, prompts, loop unrolling,
 * provenance) and `safe-json.ts` (size-limited, prototype-safe JSON with
 * line/column lookup).
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
  /** snake_case, stable (listed in docs/importers.md) */
  code: string;
  message: { en: string; 'zh-CN': string };
  at: SourceLocation;
}

export interface ImportResult {
  /** a document of menu-format.md (validate it with loadMenuValue) */
  menu: MenuInput;
  warnings: ImportWarning[];
}

/** Options every importer accepts; all optional, so `import(files)` keeps working. */
export interface ImportOptions {
  /** refuse any file longer than this many characters before parsing it (default: 64 MB) */
  maxBytes?: number;
  /**
   * where calls start inside the source, for formats that name such places
   * (an Asterisk dialplan context); `importFiles` refuses it for the others
   */
  context?: string;
}

export interface Importer {
  id: FormatId;
  /** a short human name: "Twilio Studio flow JSON" */
  title: string;
  /** how sure this importer is that the files are its format: 0 (no) to 1 (certain). Looks at `files[0]`. */
  detect(files: readonly SourceFile[]): number;
  /**
   * Throws IvrError (exit 2) with a one-line reason when the files are not a
   * flow it can read. Never throws for one broken element: maps it
   * conservatively and adds a located warning instead.
   */
  import(files: readonly SourceFile[], options?: ImportOptions): ImportResult;
  /**
   * Optional: given a whole folder, the index of the file where calls start
   * (a Connect flow no other flow transfers to). Without it the CLI uses the
   * first file.
   */
  pickEntry?(files: readonly SourceFile[]): number;
}
