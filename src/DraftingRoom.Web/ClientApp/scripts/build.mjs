// Bundles the editor (src/editor.js, and its stylesheet src/editor.css) into ../wwwroot/dist as
// an ES module, minified, with source maps. The files are written to a temporary folder first and
// then moved into place one by one, so that a server or a second build never reads half a file.

import { build } from 'esbuild';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = resolve(root, '../wwwroot/dist');
await mkdir(outdir, { recursive: true });
const staging = await mkdtemp(join(outdir, '.build-'));

try {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/editor.js', 'src/editor.css'],
    outdir: staging,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'warning',
    metafile: true,
  });
  for (const name of await readdir(staging)) {
    await rename(join(staging, name), join(outdir, name));
  }
  for (const [file, info] of Object.entries(result.metafile.outputs)) {
    if (!file.endsWith('.map')) console.log(`${file.replace(/^.*[\\/]/, 'wwwroot/dist/')}  ${(info.bytes / 1024).toFixed(1)} KiB`);
  }
} finally {
  await rm(staging, { recursive: true, force: true });
}
