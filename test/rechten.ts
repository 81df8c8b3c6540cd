import { readFileSync } from 'node:fs';
import type { RouteWithPolicy } from '../src/http/policy.ts';
import { RECHTEN, type Recht } from '../src/http/rechten.ts';

/**
 * The committed table of who may do what: every right with its roles, and every route with its
 * policy. `test/rechten.test.ts` compares it with the live routes of `createLoket`; the matrix test
 * (`test/autorisatie.test.ts`) takes its expectations from it, not from the routes themselves.
 */
export const RECHTEN_SNAPSHOT = 'rechten.snapshot.txt';
export const RECHTEN_BIJWERKEN = 'npm run rechten:snapshot';

/** What the snapshot says of one route: a policy without roles, or the right it needs. */
export type Toegang = 'publiek' | 'aanmelden' | 'ingelogd' | Recht;

const KOP = [
  '# Wie mag wat in Loket: elk recht met zijn rollen (src/http/rechten.ts), en elke route met haar beleid.',
  `# Gemaakt uit de routes van createLoket. Na een bewuste wijziging bijwerken met \`${RECHTEN_BIJWERKEN}\`;`,
  '# de diff van dit bestand laat in de review zien wie voortaan wat mag.',
];

function toegangVan(route: RouteWithPolicy): Toegang {
  return route.policy.toegang === 'rollen' ? route.policy.recht : route.policy.toegang;
}

/** The snapshot text for these routes (sorted by path, then method). */
export function rechtenTabel(routes: readonly RouteWithPolicy[]): string {
  const rechten = (Object.entries(RECHTEN) as [Recht, readonly string[]][]).map(([recht, rollen]) => `${recht}: ${rollen.join(', ')}`);
  const regels = routes
    .map((route) => ({ route, sleutel: `${route.url} ${route.method}` }))
    .toSorted((a, b) => (a.sleutel < b.sleutel ? -1 : a.sleutel > b.sleutel ? 1 : 0))
    .map(({ route }) => route)
    .map((route) => {
      const toegang = toegangVan(route);
      const rollen = route.policy.toegang === 'rollen' ? ` (${RECHTEN[route.policy.recht].join(', ')})` : '';
      return `${route.method.padEnd(8)}${route.url} → ${toegang}${rollen}`;
    });
  return [...KOP, '', '## Rechten', ...rechten, '', '## Routes', ...regels, ''].join('\n');
}

/** The committed snapshot, read as "METHOD url" → what it needs. */
export function leesRechtenSnapshot(): Map<string, Toegang> {
  const tekst = readFileSync(new URL(RECHTEN_SNAPSHOT, import.meta.url), 'utf8');
  const routes = tekst.split('\n## Routes\n')[1];
  if (routes === undefined) throw new Error(`test/${RECHTEN_SNAPSHOT} mist de kop "## Routes"; maak het opnieuw met \`${RECHTEN_BIJWERKEN}\`.`);
  const tabel = new Map<string, Toegang>();
  for (const regel of routes.split('\n').filter(Boolean)) {
    const delen = /^(\S+)\s+(\S+) → (\S+)/.exec(regel);
    const toegang = delen?.[3];
    const bekend = toegang === 'publiek' || toegang === 'aanmelden' || toegang === 'ingelogd' || (toegang !== undefined && Object.hasOwn(RECHTEN, toegang));
    if (!delen || !bekend) throw new Error(`test/${RECHTEN_SNAPSHOT}: onleesbare regel "${regel}"`);
    tabel.set(`${delen[1]} ${delen[2]}`, toegang as Toegang);
  }
  return tabel;
}
