// Builds the staff app (web/staff → web/staff/dist) when the build is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = join(import.meta.dirname, '..');
const staff = join(root, 'web', 'staff');
const built = join(staff, 'dist', 'index.html');

function newest(dir: string): number {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

/** Server files the app imports (shared constants and types), found from its import lines. */
function serverImports(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...serverImports(path));
    else for (const m of readFileSync(path, 'utf8').matchAll(/from '((?:\.\.\/)+src\/[^']+)'/g)) found.push(resolve(dir, m[1] as string));
  }
  return found;
}

const sources = Math.max(
  newest(join(staff, 'src')),
  statSync(join(staff, 'index.html')).mtimeMs,
  statSync(join(staff, 'vite.config.ts')).mtimeMs,
  ...serverImports(join(staff, 'src')).map((file) => statSync(file).mtimeMs),
);
if (existsSync(built) && statSync(built).mtimeMs >= sources) process.exit(0);
process.stdout.write('Medewerkers-app bouwen (web/staff)…\n');
const result = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(staff, 'vite.config.ts'), '--logLevel', 'error'], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(result.status ?? 1);
