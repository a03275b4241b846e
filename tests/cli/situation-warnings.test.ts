/** --fact and --caller names that no branch reads: every command with a situation warns on stderr and still runs. */
import { describe, expect, it } from 'vitest';
import { runIvr } from './audit-context.js';

describe('situation names no branch reads (as ivr escape warns)', () => {
  it('graph warns on stderr about a --fact the menu never reads, and still draws', async () => {
    const context = await runIvr(['graph', 'menus/demo-bank.json', '--fact', 'holdiay']);
    expect(context.exitCode() ?? 0).toBe(0);
    expect(context.stderr()).toContain('warning: --fact "holdiay" is not a fact this menu reads, so it changes nothing.');
    expect(context.stdout()).toContain('flowchart');
  });

  it('audit warns the same way about a --caller flag', async () => {
    const context = await runIvr(['audit', 'menus/demo-bank.json', '--caller', 'eldery', '--format', 'json']);
    expect(context.stderr()).toContain('warning: --caller "eldery" is not a caller flag this menu reads');
    expect(JSON.parse(context.stdout())).toHaveProperty('grade');
  });
});
