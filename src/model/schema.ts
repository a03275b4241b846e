/**
 * The `ivr-menu/1` file format as a zod schema: the single source of the
 * Menu types, of the runtime validation and of `schema/menu.schema.json`.
 * Objects are strict so that a typo (`promt`) is an error, not a silent drop.
 * Semantic checks that need the whole document (dangling ids, loops) live in
 * `check.ts`.
 */
import * as z from 'zod';

export const FORMAT_ID = 'ivr-menu/1';

/** Node ids: safe as object keys, never `__proto__` and friends (checked in check.ts). */
export const NODE_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
export const RESERVED_NODE_IDS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'] as const;
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const SECTORS = [
  'bank', 'card', 'telecom', 'delivery', 'ecommerce', 'airline', 'utility',
  'insurance', 'government', 'health', 'other',
] as const;

const seconds = z.number().nonnegative().finite();
const positiveRate = z.number().positive().finite();
const nodeRef = z.string().min(1).describe('id of a node in `nodes`');
const clockTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/, 'expected HH:MM (00:00 to 24:00)');
// A real calendar date (no 2026-13-45, no 29 February outside leap years).
const isoDate = z.iso.date('expected a date YYYY-MM-DD that exists');

/** What a recorded message is for; used by the friction score (forced non-actionable audio). */
export const PROMPT_PURPOSES = ['information', 'legal', 'marketing', 'wait', 'menu'] as const;

export const Prompt = z.union([
  z.string(),
  z.strictObject({
    text: z.string().optional(),
    seconds: seconds.optional().describe('measured length; wins over the estimate from text'),
    audio: z.string().optional().describe('audio file name; without seconds its length is unknown'),
    purpose: z.enum(PROMPT_PURPOSES).optional().describe('what the message is for (extension)'),
  }),
]).meta({ id: 'prompt', description: 'spoken text, or { text?, seconds?, audio? }' });

export const Timing = z.strictObject({
  wordsPerMinute: positiveRate.default(150),
  charsPerMinute: positiveRate.default(240),
  keySeconds: seconds.default(0.5),
  recognitionSeconds: seconds.default(1.0),
  unknownPromptSeconds: seconds.default(5),
}).meta({ id: 'timing' });

export const OpenInterval = z.strictObject({
  days: z.array(z.enum(DAYS)).min(1),
  from: clockTime,
  to: clockTime,
});

export const Schedule = z.strictObject({
  timezone: z.string().min(1).describe('IANA time zone, e.g. Europe/Madrid'),
  open: z.array(OpenInterval),
  closed: z.array(isoDate).optional().describe('whole days closed (holidays), in the schedule time zone'),
}).meta({ id: 'schedule' });

export type Condition =
  | { open: string }
  | { caller: string }
  | { fact: string }
  | { not: Condition }
  | { all: Condition[] }
  | { any: Condition[] };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ open: z.string().min(1) }),
    z.strictObject({ caller: z.string().min(1) }),
    z.strictObject({ fact: z.string().min(1) }),
    z.strictObject({ not: Condition }),
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
  ]),
).meta({ id: 'condition' });

export const Handler = z.strictObject({
  retries: z.int().nonnegative().max(100).default(2),
  prompt: Prompt.optional(),
  then: nodeRef.optional().describe('where the failure after the retries goes; absent: the call ends'),
}).meta({ id: 'handler' });

export const Option = z
  .strictObject({
    key: z.enum(KEYS).optional(),
    phrases: z.array(z.string().trim().min(1)).min(1).optional(),
    label: z.string().optional(),
    next: nodeRef,
    advertised: z.boolean().default(true),
  })
  .refine((option) => option.key !== undefined || option.phrases !== undefined, {
    message: 'an option needs a "key", "phrases", or both',
  })
  // The refine above is invisible to JSON Schema; say the same for editors.
  .meta({ id: 'option', anyOf: [{ required: ['key'] }, { required: ['phrases'] }] });

const bargeIn = (fallback: boolean) => z.boolean().default(fallback);
const timeout = seconds.default(5);

export const SayNode = z.strictObject({
  type: z.literal('say'),
  prompt: Prompt,
  next: nodeRef,
  bargeIn: bargeIn(false),
});

export const MenuNode = z.strictObject({
  type: z.literal('menu'),
  prompt: Prompt,
  options: z.array(Option),
  bargeIn: bargeIn(true),
  timeout,
  invalid: Handler.optional(),
  noInput: Handler.optional(),
});

export const InputNode = z
  .strictObject({
    type: z.literal('input'),
    prompt: Prompt,
    length: z.int().positive().max(64).optional(),
    minLength: z.int().positive().max(64).optional(),
    maxLength: z.int().positive().max(64).optional(),
    terminator: z.enum(KEYS).default('#'),
    bargeIn: bargeIn(true),
    timeout,
    next: nodeRef,
    invalid: Handler.optional(),
    noInput: Handler.optional(),
  })
  .refine((input) => input.length !== undefined || input.minLength !== undefined, {
    message: 'an input needs "length" (exact digits) or "minLength" (with a terminator)',
  })
  .refine((input) => input.minLength === undefined || input.maxLength === undefined || input.minLength <= input.maxLength, {
    message: '"minLength" is greater than "maxLength"',
  })
  .meta({ anyOf: [{ required: ['length'] }, { required: ['minLength'] }] });

export const BranchNode = z.strictObject({
  type: z.literal('branch'),
  cases: z.array(z.strictObject({ when: Condition, next: nodeRef })),
  otherwise: nodeRef,
});

export const Wait = z.strictObject({
  medianSeconds: seconds.optional(),
  p90Seconds: seconds.optional(),
  announced: z.boolean().optional().describe('the caller is told the expected wait (extension)'),
  updateSeconds: seconds.optional().describe('how often the wait announcement is repeated while holding (extension, for the audit)'),
  hangupAfterSeconds: z.union([seconds, z.literal('never')]).optional()
    .describe('the line drops a caller still holding after this many seconds, or "never" (extension, for the audit)'),
});

export const AgentNode = z.strictObject({
  type: z.literal('agent'),
  prompt: Prompt.optional(),
  queue: z.string().optional(),
  wait: Wait.optional(),
  callback: z.boolean().optional(),
  kind: z.enum(['service', 'sales', 'other']).optional().describe('what the queue serves (extension, for wait parity)'),
});

export const HangupNode = z.strictObject({
  type: z.literal('hangup'),
  prompt: Prompt.optional(),
  reason: z.string().optional(),
});

export const Node = z.discriminatedUnion('type', [SayNode, MenuNode, InputNode, BranchNode, AgentNode, HangupNode]);
/** The node types, in the format's order. */
export const NODE_TYPES = ['say', 'menu', 'input', 'branch', 'agent', 'hangup'] as const satisfies readonly z.output<typeof Node>['type'][];

export const Source = z.strictObject({
  url: z.string().optional(),
  observed: z.string().optional(),
  notes: z.string().optional(),
});

export const Menu = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal(FORMAT_ID),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a slug: lower-case letters, digits and "-"'),
    name: z.string().min(1),
    organization: z.string().optional(),
    sector: z.enum(SECTORS).optional(),
    phone: z.string().regex(/^\+[1-9][0-9]{1,14}$/, 'expected an E.164 number such as +18005550100').optional(),
    locale: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a BCP 47 tag such as en-US').default('en-US'),
    source: Source.optional(),
    timing: Timing.default(() => Timing.parse({})),
    hours: z.record(z.string().min(1), Schedule).optional(),
    start: nodeRef,
    // Editors learn the id rule here; check.ts reports it with a position.
    nodes: z.record(z.string(), Node).meta({
      propertyNames: { pattern: NODE_ID_PATTERN.source, not: { enum: [...RESERVED_NODE_IDS] } },
    }),
  })
  .meta({ id: 'ivr-menu', title: 'ivr-menu/1 phone menu' });

export type Prompt = z.output<typeof Prompt>;
export type Timing = z.output<typeof Timing>;
export type Schedule = z.output<typeof Schedule>;
export type Handler = z.output<typeof Handler>;
export type Option = z.output<typeof Option>;
export type SayNode = z.output<typeof SayNode>;
export type MenuNode = z.output<typeof MenuNode>;
export type InputNode = z.output<typeof InputNode>;
export type BranchNode = z.output<typeof BranchNode>;
export type AgentNode = z.output<typeof AgentNode>;
export type HangupNode = z.output<typeof HangupNode>;
export type MenuNodeUnion = z.output<typeof Node>;
export type NodeType = MenuNodeUnion['type'];
export type Key = (typeof KEYS)[number];
export type Day = (typeof DAYS)[number];
/** A validated menu document, defaults filled in. */
export type Menu = z.output<typeof Menu>;
/** A menu document as written (defaults optional). */
export type MenuInput = z.input<typeof Menu>;
