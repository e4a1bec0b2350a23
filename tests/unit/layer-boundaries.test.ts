/** The lint step enforces the layers: these imports must each be refused. */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? '');
}

describe('layer boundaries (lint)', () => {
  it('refuses Node in shared/', async () => {
    expect(await errorsFor('shared/x.ts', "import { readFileSync } from 'node:fs'; export const a = readFileSync;")).toContain('no-restricted-imports');
    expect(await errorsFor('shared/x.ts', 'export const a = process.env;')).toContain('no-restricted-globals');
  });
  it('refuses main/ and Node in the renderer', async () => {
    expect(await errorsFor('renderer/src/x.ts', "import { createCore } from '../../main/core/create-core'; export const a = createCore;")).toContain('no-restricted-imports');
    expect(await errorsFor('renderer/src/x.ts', "import fs from 'fs'; export const a = fs;")).toContain('no-restricted-imports');
  });
  it('refuses electron outside the shell', async () => {
    expect(await errorsFor('main/core/x.ts', "import { app } from 'electron'; export const a = app;")).toContain('no-restricted-imports');
    expect(await errorsFor('main/shell/x.ts', "import { app } from 'electron'; export const a = app;")).toEqual([]);
  });
  it('accepts the allowed direction', async () => {
    expect(await errorsFor('renderer/src/x.ts', "import { toLatinDigits } from '../../shared/text/digits'; export const a = toLatinDigits;")).toEqual([]);
  });
});
