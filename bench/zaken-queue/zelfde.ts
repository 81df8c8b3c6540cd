// Checks that two checkouts answer the queue and the detail byte-for-byte alike on the bench database
// (the first N zaken of the detail set, plus a few with documents and relations added here).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { Client } from 'pg';
import { DEMO_GEBRUIKERS } from '../../src/modules/demo/demo.data.ts';
import { freePort, msUntil200, startChild } from '../http-baseline/processes.ts';

const [a, b] = process.argv.slice(2).map((p) => resolve(p));
if (!a || !b) throw new Error('usage: zelfde.ts <checkout-a> <checkout-b>');
const benchUrl = 'postgres://postgres@127.0.0.1:5432/loket_bench_zaken';
const tmp = mkdtempSync(join(os.tmpdir(), 'loket-zelfde-'));
const BEHANDELAAR = 'behandelaar@diemen.demo';
const cookieUit = (r: Response): string => (r.headers.getSetCookie().find((c) => c.startsWith('__Host-loket-sessie=')) ?? '').split(';')[0] as string;

const client = new Client({ connectionString: benchUrl });
await client.connect();
const { bo, team } = (await client.query<{ bo: string; team: string }>(`select g.id as bo, t.id as team from gebruiker g, team t where g.email = $1 and t.gemeente = 'GM0384' and t.naam = 'Openbare ruimte'`, [BEHANDELAAR])).rows[0] ?? { bo: '', team: '' };
const ids = (await client.query<{ id: string }>(`select id from zaak where gemeente = 'GM0384' and (vertrouwelijkheid not in ('vertrouwelijk', 'confidentieel', 'geheim', 'zeer_geheim') or team_id = $1 or behandelaar_id = $2) order by md5(id::text) limit 300`, [team, bo])).rows.map((r) => r.id);
// Documents and relations on the first ten (µs-precision times, ties included).
for (const [i, id] of ids.slice(0, 10).entries()) {
  await client.query(`insert into zaak_document (gemeente, zaak_id, id, bestandsnaam, mediatype, grootte, sha256, inhoud, extern, aangemaakt_op) values ('GM0384', $1, gen_random_uuid(), 'b' || $2::int || '.pdf', 'application/pdf', 10, 'ab', '\\x00', $3, now() - interval '1 day' + $2::int * interval '1.234567 second'), ('GM0384', $1, gen_random_uuid(), 'a.txt', 'text/plain', 3, 'cd', '\\x00', true, '2026-01-02 03:04:05.678901+00') on conflict do nothing`, [id, i, i % 2 === 0]);
  await client.query(`insert into zaak_relatie (gemeente, zaak_id, andere_zaak_id, soort, aangemaakt_op) values ('GM0384', $1, $2, 'gerelateerd', now()), ('GM0384', $1, $3, 'vervolg', now() - interval '1 hour') on conflict do nothing`, [id, ids[i + 20], ids[i + 40]]);
}
await client.end();

async function start(checkout: string) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', DATABASE_URL: benchUrl, LOKET_DEMO: 'false', PORT: String(port), LOKET_RATE_LIMIT: '1000000', LOKET_RATE_LIMIT_AANMELDEN: '1000000', LOKET_TERMIJNBEWAKING_MINUTEN: '0' };
  const child = startChild(process.execPath, ['--disable-warning=ExperimentalWarning', 'src/cli/main.ts', 'serve'], { cwd: checkout, env, logFile: join(tmp, `${port}.log`) });
  await msUntil200(child, `${base}/health`, 60_000);
  const g = DEMO_GEBRUIKERS.find((d) => d.email === BEHANDELAAR);
  if (!g) throw new Error('no demo behandelaar');
  const json = { 'content-type': 'application/json' };
  const stap1 = await fetch(`${base}/api/v1/sessie`, { method: 'POST', headers: json, body: JSON.stringify({ email: BEHANDELAAR, wachtwoord: g.wachtwoord }) });
  const { csrfToken } = (await stap1.json()) as { csrfToken: string };
  // The two logins may fall in the same TOTP step: wait for a fresh one for the second.
  const code = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(g.totpGeheim) }).generate();
  const stap2 = await fetch(`${base}/api/v1/sessie/totp`, { method: 'POST', headers: { ...json, cookie: cookieUit(stap1), 'x-csrf-token': csrfToken }, body: JSON.stringify({ code }) });
  if (stap2.status !== 200) throw new Error(`login: ${stap2.status}`);
  return { child, base, cookie: cookieUit(stap2) };
}

const A = await start(a);
await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 500));
const B = await start(b);
let verschillen = 0;
try {
  const paden = [
    `/api/v1/gemeenten/GM0384/zaken?team=${team}`,
    `/api/v1/gemeenten/GM0384/zaken?team=${team}&pageSize=100&termijn=teLaat`,
    `/api/v1/gemeenten/GM0384/zaken?open=false&pageSize=100`,
    `/api/v1/gemeenten/GM0384/zaken?behandelaar=ik&pageSize=50`,
    `/api/v1/gemeenten/GM0384/zaken?zaaktype=e-mailvraag&pageSize=50`,
    ...ids.map((id) => `/api/v1/gemeenten/GM0384/zaken/${id}`),
  ];
  for (const pad of paden) {
    const [ra, rb] = await Promise.all([fetch(`${A.base}${pad}`, { headers: { cookie: A.cookie } }), fetch(`${B.base}${pad}`, { headers: { cookie: B.cookie } })]);
    const [ta, tb] = await Promise.all([ra.text(), rb.text()]);
    if (ra.status !== rb.status || ta !== tb) {
      verschillen++;
      if (verschillen <= 3) console.log(`DIFFERENT ${pad}: ${ra.status} vs ${rb.status}\n${ta.slice(0, 600)}\n${tb.slice(0, 600)}`);
    }
  }
  console.log(`${paden.length} requests, ${verschillen} different`);
} finally {
  await A.child.stop();
  await B.child.stop();
}
