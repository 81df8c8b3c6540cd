// Adds up Vitest JSON reports in a folder and prints "N passed, N failed" (exit 1 if any failed
// or if a run left no report).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Report {
  testResults: { name: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
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
const fouten: string[] = [];
/** The first line of an error, without colour codes, at most 300 characters. */
const kleur = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const eersteRegel = (tekst: string) => (tekst.replace(kleur, '').split('\n').find((r) => r.trim()) ?? '').trim().slice(0, 300);
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Report;
  passed += report.numPassedTests;
  // A file that fails to load counts as a failure even when no test in it ran.
  failed += report.numFailedTests + (report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
  skipped += report.numPendingTests + report.numTodoTests;
  console.log(`  ${file.replace('.json', '')}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
  for (const bestand of report.testResults) {
    const pad = bestand.name.slice(process.cwd().length + 1) || bestand.name;
    const mislukt = bestand.assertionResults.filter((t) => t.status === 'failed');
    for (const t of mislukt) fouten.push(`    ${file.replace('.json', '')} ${pad} > ${t.fullName}: ${eersteRegel(t.failureMessages[0] ?? '')}`);
    if (!mislukt.length && bestand.message) fouten.push(`    ${file.replace('.json', '')} ${pad}: ${eersteRegel(bestand.message)}`);
  }
}
// What failed, last before the totals, so that the tail of a CI log names it.
if (fouten.length) console.log(['  failed:', ...fouten.slice(0, 40), ...(fouten.length > 40 ? [`    … and ${fouten.length - 40} more`] : [])].join('\n'));
// The closing line is exactly `N passed, N failed` (CI reads it); skipped tests are named before it.
if (skipped) console.log(`  ${skipped} skipped (each file says why)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
