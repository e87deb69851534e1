/*
 * Preload (`node --import tsx --import ./loaded-modules.mjs …`) that appends every module the process loads
 * to the file named by PREJURY_LOADED_MODULES, one `file:` URL a line: ES modules as the loader loads them
 * (see loaded-modules-hooks.mjs), CommonJS ones from `require.cache` when the process exits. Tests use it to
 * check what a process loads at rest.
 */
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const out = process.env.PREJURY_LOADED_MODULES;
if (out) {
  register('./loaded-modules-hooks.mjs', import.meta.url, { data: { out } });
  const require = createRequire(import.meta.url);
  process.on('exit', () => {
    const files = Object.keys(require.cache).map((file) => pathToFileURL(file).href);
    appendFileSync(out, `${files.join('\n')}\n`);
  });
}
