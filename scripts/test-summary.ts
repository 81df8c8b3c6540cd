// Adds up Vitest JSON reports in a folder and prints "N passed, N failed" (exit 1 if any failed
// or if a run left no report).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Report {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
}

const dir = process.argv[2] ?? '.';
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Report;
  passed += report.numPassedTests;
  // A file that fails to load counts as a failure even when no test in it ran.
  failed += report.numFailedTests + (report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
  skipped += report.numPendingTests + report.numTodoTests;
  console.log(`  ${file.replace('.json', '')}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
// The closing line is exactly `N passed, N failed` (CI reads it); skipped tests are named before it.
if (skipped) console.log(`  ${skipped} skipped (each file says why)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
