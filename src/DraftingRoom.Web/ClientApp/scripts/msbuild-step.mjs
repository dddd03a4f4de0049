// Runs one step of the editor's build for ClientApp.targets:
//   node scripts/msbuild-step.mjs install   npm ci, then marks node_modules as installed
//   node scripts/msbuild-step.mjs build     npm run build
//
// Two builds of the web project may run at once (an IDE and a terminal, or parallel test runs).
// Each step therefore holds a lock (a folder, created atomically) while it runs, and checks
// again under the lock whether its work is still needed: the build that waited finds the
// other's results and does nothing.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lockDir = join(root, '.build-lock');
const installStamp = join(root, 'node_modules', '.drafting-room-install-stamp');
const outputs = ['editor.js', 'editor.css'].map((f) => resolve(root, '../wwwroot/dist', f));
/** A lock older than this is left over from a build that was killed. */
const staleAfterMs = 10 * 60 * 1000;

const step = process.argv[2];
if (step !== 'install' && step !== 'build') {
  console.error('usage: node scripts/msbuild-step.mjs install|build');
  process.exit(2);
}

/** @param {string} path */
const mtime = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
};

/** @param {string} dir @returns {string[]} */
const filesUnder = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );

function installIsFresh() {
  const stamp = mtime(installStamp);
  return stamp >= 0 && stamp >= mtime(join(root, 'package-lock.json')) && stamp >= mtime(join(root, 'package.json'));
}

function buildIsFresh() {
  const oldestOutput = Math.min(...outputs.map(mtime));
  if (oldestOutput < 0) return false;
  const inputs = [
    ...filesUnder(join(root, 'src')),
    join(root, 'scripts', 'build.mjs'),
    join(root, 'package-lock.json'),
    installStamp,
  ];
  return inputs.every((f) => mtime(f) <= oldestOutput);
}

function processIsAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function acquireLock() {
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'owner'), String(process.pid));
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let ownerPid = NaN;
    try {
      ownerPid = Number(readFileSync(join(lockDir, 'owner'), 'utf8'));
    } catch {
      // The owner is still writing its pid.
    }
    const age = Date.now() - mtime(lockDir);
    if (age > staleAfterMs || (Number.isInteger(ownerPid) && ownerPid > 0 && !processIsAlive(ownerPid) && age > 2000)) {
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (!told) {
      console.log('Waiting for another build of the browser editor to finish…');
      told = true;
    }
    if (Date.now() - started > staleAfterMs + 60000) {
      throw new Error(`Gave up waiting for ${lockDir}; delete it if no build is running.`);
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
  }
}

/** @param {string} command */
function run(command) {
  const result = spawnSync(command, { cwd: root, stdio: 'inherit', shell: true });
  if (result.status !== 0) {
    console.error(`"${command}" failed (exit code ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

acquireLock();
try {
  if (step === 'install') {
    if (installIsFresh() && existsSync(join(root, 'node_modules'))) {
      console.log('The browser editor\'s packages are installed already.');
    } else {
      run('npm ci --no-audit --no-fund');
      writeFileSync(installStamp, new Date().toISOString() + '\n');
    }
  } else if (buildIsFresh()) {
    console.log('The browser editor is built already.');
  } else {
    run('npm run build');
  }
} finally {
  rmSync(lockDir, { recursive: true, force: true });
}
