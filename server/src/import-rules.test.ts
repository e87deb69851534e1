import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkImports } from '../../scripts/import-check';

describe('import rules (issue 19)', () => {
  it('server features import each other only through index.ts, and no value import cycles', () => {
    expect(checkImports('server/src')).toEqual({ frontDoor: [], cycles: [] });
  });

  it('the web app has no value import cycles either', () => {
    expect(checkImports('web/src').cycles).toEqual([]);
  });

  describe('the checker itself', () => {
    const root = mkdtempSync(join(tmpdir(), 'import-rules-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('reports an internal import, a cycle, and lets type-only cycles and front doors pass', () => {
      write('features/a/index.ts', "export { x } from './x';\n");
      write('features/a/x.ts', "import { y } from '../b/y';\nexport const x = y;\n");
      write('features/a/x.test.ts', "import { y } from '../b/y';\nexport const t = y;\n");
      write('features/b/index.ts', "export { y } from './y';\n");
      write('features/b/y.ts', "import type { Z } from './z';\nexport const y: Z = 1;\n");
      write('features/b/z.ts', "import { y } from './y';\nexport type Z = typeof y;\n");
      write('features/c/c.ts', "import { x } from '../a';\nexport const c = x;\n");
      write('lib/p.ts', "import { q } from './q';\nexport const p = q;\n");
      write('lib/q.ts', "import { p } from './p';\nexport const q = () => p;\n");
      write('features/d/page.tsx', "import { Row } from './row';\nexport const Page = () => Row;\n");
      write('features/d/row.tsx', "import { Page } from './page';\nexport const Row = () => Page;\n");
      const report = checkImports(root, root);
      expect(report.frontDoor).toEqual(['features/a/x.ts → features/b/y.ts']);
      expect(report.cycles).toEqual([
        ['features/d/page.tsx', 'features/d/row.tsx'],
        ['lib/p.ts', 'lib/q.ts'],
      ]);
    });
  });
});
