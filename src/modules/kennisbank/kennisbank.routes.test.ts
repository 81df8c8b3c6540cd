/**
 * The knowledge base through the API, on one database for the file (PGlite or PostgreSQL) with the
 * demo articles and a real SMTP receiver. Tests read the demo articles and make their own with
 * titles of their own; none changes what another looks at.
 *
 * Diemen's demo teams: Openbare ruimte (Tim, Bo), Klantcontactcentrum (Kees), Planning en control
 * (Petra), Juridische zaken (Tim).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { smtpOntvanger } from '../../../test/smtp.ts';
import { cliContext } from '../audit/audit.service.ts';
import { zoekwoorden } from './kennisbank.repository.ts';

let loket: TestLoket;
let smtp: Awaited<ReturnType<typeof smtpOntvanger>>;
let kees: Ingelogd;
let bo: Ingelogd;
let petra: Ingelogd;
let bea: Ingelogd;
const G = 'GM0384';
const basis = `/api/v1/gemeenten/${G}`;
const teams = new Map<string, string>();

beforeAll(async () => {
  smtp = await smtpOntvanger();
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z', env: { SMTP_URL: smtp.url } });
  await laadDemo(loket);
  for (const t of (await loket.services.teams.lijst(cliContext(), G, 0, 100)).rows) teams.set(t.naam, t.id);
  kees = await logInAls(loket, 'kcc@duoplus.demo');
  bo = await logInAls(loket, 'behandelaar@diemen.demo');
  petra = await logInAls(loket, 'pc@diemen.demo');
  bea = await logInAls(loket, 'beheerder@duoplus.demo');
}, 120_000);
afterAll(async () => {
  await loket.close();
  await smtp.close();
});

const get = (sessie: Ingelogd, pad: string) => loket.app.inject({ method: 'GET', url: `${basis}${pad}`, headers: sessie.headers });
const post = (sessie: Ingelogd, pad: string, payload: Record<string, unknown>) => loket.app.inject({ method: 'POST', url: `${basis}${pad}`, headers: sessie.headers, payload });
const zoek = async (sessie: Ingelogd, q: string, gemeente = G) => {
  const res = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/${gemeente}/kennisartikelen/zoeken?q=${encodeURIComponent(q)}`, headers: sessie.headers });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string; titel: string; team: { naam: string } }[]).map((a) => a.titel);
};

const artikel = (titel: string, extra: Record<string, unknown> = {}) => ({
  soort: 'vraag-antwoord',
  onderwerp: 'Afval',
  titel,
  inhoud: 'Het antwoord.',
  team: teams.get('Openbare ruimte'),
  herzienOp: '2026-12-31',
  ...extra,
});

async function schrijf(sessie: Ingelogd, titel: string, extra: Record<string, unknown> = {}) {
  const res = await post(sessie, '/kennisartikelen', artikel(titel, extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; versie: number; [k: string]: unknown };
}

describe('search', () => {
  it('finds Dutch words, word beginnings while typing, and ranks a match in the title first', async () => {
    expect((await zoek(kees, 'paspoort'))[0]).toBe('Hoe vraag ik een paspoort of identiteitskaart aan?');
    expect(await zoek(kees, 'parkeerv')).toContain('Hoe vraag ik een parkeervergunning aan?');
    // "verhuizingen" and "verhuizing" have one stem.
    expect(await zoek(kees, 'verhuizingen')).toContain('Werkinstructie: verhuizing doorgeven aan de telefoon');
    expect((await zoek(kees, 'container geleegd'))[0]).toBe('Mijn container is niet geleegd, wat nu?');
    expect(await zoek(kees, 'kliko')).toContain('Mijn container is niet geleegd, wat nu?');
    // One or two letters: the beginnings of words in title, onderwerp and keywords (not the answer).
    expect(await zoek(kees, 'pa')).toContain('Hoe vraag ik een paspoort of identiteitskaart aan?');
    expect(await zoek(kees, 'kl')).not.toContain('Hoe vraag ik een paspoort of identiteitskaart aan?');
  });

  it('ranks title before onderwerp and keywords before the answer, narrows by onderwerp and soort, and keeps limit', async () => {
    await schrijf(bo, 'Spullen wegbrengen', { trefwoorden: 'kringloopwinkel, kringloopwinkel, kringloopwinkel, tweedehands' });
    await schrijf(bo, 'Opruimen na een verhuizing', { soort: 'werkinstructie', onderwerp: 'Verhuizen', inhoud: 'Breng wat over is naar de kringloopwinkel.' });
    await schrijf(bo, 'De kringloopwinkel aan de Dijk');
    // The word once in the title counts more than three times in the keywords (ADR 0094); only in the answer: last.
    expect(await zoek(kees, 'kringloop')).toEqual(['De kringloopwinkel aan de Dijk', 'Spullen wegbrengen', 'Opruimen na een verhuizing']);
    const titels = async (query: string) => {
      const res = await get(kees, `/kennisartikelen/zoeken?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { titel: string }[]).map((a) => a.titel);
    };
    expect(await titels('q=kringloop&onderwerp=verhuizen')).toEqual(['Opruimen na een verhuizing']);
    expect(await titels('q=kringloop&soort=werkinstructie')).toEqual(['Opruimen na een verhuizing']);
    expect(await titels('q=kringloop&limit=2')).toEqual(['De kringloopwinkel aan de Dijk', 'Spullen wegbrengen']);
    // The same with a typo (the second step) and with one- or two-letter words (title, onderwerp, keywords by title).
    expect(await titels('q=kringlopwinkel&soort=werkinstructie')).toEqual(['Opruimen na een verhuizing']);
    expect(await titels('q=kr&onderwerp=afval')).toEqual(expect.arrayContaining(['De kringloopwinkel aan de Dijk', 'Spullen wegbrengen']));
    expect(await titels('q=kr&onderwerp=afval')).not.toContain('Opruimen na een verhuizing');
  });

  it('gives one- or two-letter beginnings by title also among more than 500 articles, common or rare', async () => {
    // Weesp's 600 extra articles (no other test searches Weesp): "Aanvraag 001" … "Aanvraag 600",
    // the last 20 also "kwartel"; the search looks in the first 500 titles first (ADR 0094).
    const W = 'GM0437';
    await sql`insert into kennisartikel (gemeente, id, soort, onderwerp, titel, inhoud, team_id, herzien_op, gewijzigd_op)
      select ${W}, gen_random_uuid(), 'vraag-antwoord', 'Aanvragen', 'Aanvraag ' || lpad(i::text, 3, '0') || case when i > 580 then ' kwartel' else '' end, 'Het antwoord.',
        (select id from team where gemeente = ${W} order by id limit 1), '2026-12-31', now()
      from generate_series(1, 600) i`.execute(loket.database.db);
    const volgensTitel = async (begin: string) =>
      (
        await sql<{ titel: string }>`select titel from kennisartikel where gemeente = ${W} and kopvector @@ to_tsquery('loket_nl', ${`${begin}:*`}) order by titel, id limit 10`.execute(
          loket.database.db,
        )
      ).rows.map((r) => r.titel);
    for (const begin of ['a', 'aa', 'kw']) {
      const verwacht = await volgensTitel(begin);
      expect(verwacht).toHaveLength(10);
      expect(await zoek(kees, begin, W)).toEqual(verwacht);
    }
    expect(await zoek(kees, 'kw', W)).toContain('Aanvraag 581 kwartel');
  });

  it('tolerates typos and accents', async () => {
    expect(await zoek(kees, 'pasport')).toContain('Hoe vraag ik een paspoort of identiteitskaart aan?');
    expect(await zoek(kees, 'grofvuill')).toContain('Hoe laat ik grofvuil ophalen?');
    // A typo is corrected to the closest word of the gemeente's articles (ADR 0088): it finds what
    // that word finds, in the same order; also a typo next to a word spelled right.
    expect(await zoek(kees, 'identiteitskaatr')).toEqual(await zoek(kees, 'identiteitskaart'));
    expect((await zoek(kees, 'contianer geleegd'))[0]).toBe('Mijn container is niet geleegd, wat nu?');
    await schrijf(bo, 'Reïntegratie en de kantine-café regels');
    expect(await zoek(kees, 'reintegratie')).toContain('Reïntegratie en de kantine-café regels');
    expect(await zoek(kees, 'cafe')).toContain('Reïntegratie en de kantine-café regels');
  });

  it('searches one gemeente only, and refuses an empty query', async () => {
    const eigen = await schrijf(bo, 'Alleen in Diemen: de Diemense zandbak');
    const res = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0437/kennisartikelen/zoeken?q=zandbak', headers: kees.headers });
    expect((res.json().items as { id: string }[]).map((a) => a.id)).not.toContain(eigen.id);
    expect((await get(kees, '/kennisartikelen/zoeken?q=')).statusCode).toBe(400);
    expect((await get(kees, '/kennisartikelen/zoeken')).statusCode).toBe(400);
    // Punctuation only is no word: nothing found, no error.
    expect(await zoek(kees, '!!!')).toEqual([]);
    const partner = await logInAls(loket, 'partner@afvalpartner.demo');
    expect((await get(partner, '/kennisartikelen/zoeken?q=afval')).statusCode).toBe(403);
  });

  it('lists the topics of the articles by name with their number, per gemeente', async () => {
    const res = await get(kees, '/kennis-onderwerpen');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { onderwerp: string; artikelen: number }[];
    expect(items.map((o) => o.onderwerp)).toEqual(items.map((o) => o.onderwerp).toSorted((a, b) => (a < b ? -1 : 1)));
    expect(items).toContainEqual({ onderwerp: 'Paspoort en identiteitskaart', artikelen: 2 });
    await schrijf(bo, 'Een onderwerp dat alleen Diemen heeft', { onderwerp: 'Zandbakken' });
    expect((await get(kees, '/kennis-onderwerpen')).json().items).toContainEqual({ onderwerp: 'Zandbakken', artikelen: 1 });
    const ander = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0437/kennis-onderwerpen', headers: kees.headers });
    expect((ander.json().items as { onderwerp: string }[]).map((o) => o.onderwerp)).not.toContain('Zandbakken');
    const partner = await logInAls(loket, 'partner@afvalpartner.demo');
    expect((await get(partner, '/kennis-onderwerpen')).statusCode).toBe(403);
  });

  it('finds, when no article has every word, the articles with any of them in title, onderwerp or keywords, below', async () => {
    // No article is about both the container and the parkeervergunning.
    const titels = await zoek(kees, 'container parkeervergunning');
    expect(titels).toEqual(expect.arrayContaining(['Mijn container is niet geleegd, wat nu?', 'Hoe vraag ik een parkeervergunning aan?']));
    // Where every word is in one article, only such articles come back.
    expect(await zoek(kees, 'container geleegd')).not.toContain('Hoe vraag ik een parkeervergunning aan?');
  });

  it('knows the words of every article as it is written, changed or added (the typo list)', async () => {
    const a = await schrijf(bo, 'De snoeiafvalcontainer bij het wijkpark', { inhoud: 'Alleen tuinafval.' });
    expect(await zoek(kees, 'snoeiafvalcontianer')).toEqual(['De snoeiafvalcontainer bij het wijkpark']);
    const res = await loket.app.inject({
      method: 'PUT',
      url: `${basis}/kennisartikelen/${a.id}`,
      headers: { ...bo.headers, 'if-match': '"1"' },
      payload: artikel('De groenbak bij het wijkpark', { inhoud: 'Alleen tuinafval.', toelichting: 'Nieuwe naam' }),
    });
    expect(res.statusCode, res.body).toBe(200);
    // The old word is gone from the list (no article has it), the new one is there.
    const woorden = await sql<{ woord: string }>`select woord from kennis_woord where gemeente = ${G} and woord like 'snoeiafval%'`.execute(loket.database.db);
    expect(woorden.rows).toEqual([]);
    expect(await zoek(kees, 'snoeiafvalcontianer')).toEqual([]);
    expect(await zoek(kees, 'groenbakk')).toEqual(['De groenbak bij het wijkpark']);
  });

  it('searches stop words only as word beginnings, and the words of letters and digits only', async () => {
    // "uit" is a Dutch stop word, and someone typing it may be on the way to "uittreksel".
    await schrijf(bo, 'Uittreksel uit het register van de tuinen');
    expect(await zoek(kees, 'uit')).toContain('Uittreksel uit het register van de tuinen');
    expect(zoekwoorden("Paspoort: verlengen? (o'ok) 2026")).toEqual(['paspoort', 'verlengen', 'o', 'ok', '2026']);
    expect(zoekwoorden('& | ! <->')).toEqual([]);
  });
});

describe('articles and versions', () => {
  it('is written by a team for itself, changed with If-Match into a new version, and keeps every version', async () => {
    const a = await schrijf(bo, 'Versies van een artikel');
    expect(a).toMatchObject({ versie: 1, team: { naam: 'Openbare ruimte' }, teHerzien: false });
    const zonder = await loket.app.inject({ method: 'PUT', url: `${basis}/kennisartikelen/${a.id}`, headers: bo.headers, payload: artikel('Versies van een artikel') });
    expect(zonder.statusCode).toBe(428);
    const nieuw = await loket.app.inject({
      method: 'PUT',
      url: `${basis}/kennisartikelen/${a.id}`,
      headers: { ...bo.headers, 'if-match': '"1"' },
      payload: artikel('Versies van een artikel', { inhoud: 'Het betere antwoord.', toelichting: 'Aangevuld' }),
    });
    expect(nieuw.statusCode, nieuw.body).toBe(200);
    expect(nieuw.headers.etag).toBe('"2"');
    expect(nieuw.json()).toMatchObject({ versie: 2, inhoud: 'Het betere antwoord.' });
    const oud = await loket.app.inject({ method: 'PUT', url: `${basis}/kennisartikelen/${a.id}`, headers: { ...bo.headers, 'if-match': '"1"' }, payload: artikel('Versies van een artikel') });
    expect(oud.statusCode).toBe(412);
    const versies = (await get(kees, `/kennisartikelen/${a.id}/versies`)).json().items as { versie: number; inhoud: string; toelichting: string }[];
    expect(versies.map((v) => [v.versie, v.inhoud, v.toelichting])).toEqual([
      [2, 'Het betere antwoord.', 'Aangevuld'],
      [1, 'Het antwoord.', ''],
    ]);
    await expect(sql`update kennisartikel_versie set inhoud = 'x' where artikel_id = ${a.id}`.execute(loket.database.db)).rejects.toThrow();
  });

  it('is refused to a team that does not own it, and for a team that is not the writer own', async () => {
    const a = await schrijf(bo, 'Van Openbare ruimte');
    const kcc = await loket.app.inject({ method: 'PUT', url: `${basis}/kennisartikelen/${a.id}`, headers: { ...kees.headers, 'if-match': '"1"' }, payload: artikel('Van Openbare ruimte') });
    expect(kcc.statusCode).toBe(403);
    const ander = await post(bo, '/kennisartikelen', artikel('Voor een ander team', { team: teams.get('Klantcontactcentrum') }));
    expect(ander.statusCode).toBe(400);
    expect(ander.json().invalidParams).toEqual([expect.objectContaining({ code: 'niet-uw-team' })]);
    // A beheerder writes for any team.
    expect((await post(bea, '/kennisartikelen', artikel('Door de beheerder', { team: teams.get('Klantcontactcentrum') }))).statusCode).toBe(201);
    // A pc-adviseur reads but does not write.
    expect((await post(petra, '/kennisartikelen', artikel('Door Petra', { team: teams.get('Planning en control') }))).statusCode).toBe(403);
  });

  it('names every bad field at once', async () => {
    const res = await post(bo, '/kennisartikelen', { soort: 'webpagina', onderwerp: '', titel: 'x', team: 'geen-id', herzienOp: '2026-02-30', extra: true });
    expect(res.statusCode).toBe(400);
    expect((res.json().invalidParams as { name: string }[]).map((p) => p.name).toSorted()).toEqual(['extra', 'herzienOp', 'onderwerp', 'team', 'url']);
  });

  it('lists the articles of my teams past their review date', async () => {
    const [eigen] = [await schrijf(bo, 'Verlopen artikel van Openbare ruimte', { herzienOp: '2026-01-15' })];
    const bos = ((await get(bo, '/kennisartikelen?teHerzien=true&pageSize=100')).json().items as { id: string; team: { naam: string } }[]) ?? [];
    expect(bos.map((a) => a.id)).toContain(eigen!.id);
    expect(new Set(bos.map((a) => a.team.naam))).toEqual(new Set(['Openbare ruimte']));
    const kees2 = (await get(kees, '/kennisartikelen?teHerzien=true&pageSize=100')).json().items as { titel: string; team: { naam: string } }[];
    expect(kees2.map((a) => a.titel)).toContain('Werkinstructie: verhuizing doorgeven aan de telefoon');
    expect(kees2.every((a) => a.team.naam === 'Klantcontactcentrum')).toBe(true);
    expect((await get(kees, `/kennisartikelen/${eigen!.id}`)).json().teHerzien).toBe(true);
  });
});

describe('the correction loop', () => {
  it('turns "klopt niet" into a task for the owning team, who corrects and answers; the reporter sees the answer and gets a mail', async () => {
    const a = await schrijf(bo, 'Ophaaldag papier');
    const melding = await post(kees, `/kennisartikelen/${a.id}/meldingen`, { soort: 'klopt-niet', toelichting: 'Het papier wordt op woensdag opgehaald, niet op dinsdag.' });
    expect(melding.statusCode, melding.body).toBe(201);
    const m = melding.json();
    expect(m).toMatchObject({ soort: 'klopt-niet', status: 'open', team: { naam: 'Openbare ruimte' }, artikel: { id: a.id, titel: 'Ophaaldag papier', versie: 1 }, gemeldDoor: 'Kees van het KCC' });
    expect(((await get(bo, '/kennis-meldingen?voor=team&pageSize=100')).json().items as { id: string }[]).map((t) => t.id)).toContain(m.id);
    expect(((await get(kees, '/kennis-meldingen?voor=team&pageSize=100')).json().items as { id: string }[]).map((t) => t.id)).not.toContain(m.id);
    // Someone outside the team and not the reporter does not see it, nor may answer it.
    expect((await get(petra, `/kennis-meldingen/${m.id}`)).statusCode).toBe(404);
    expect((await post(petra, `/kennis-meldingen/${m.id}/afhandelen`, { antwoord: 'x' })).statusCode).toBe(403);
    expect((await post(kees, `/kennis-meldingen/${m.id}/afhandelen`, { antwoord: 'x' })).statusCode).toBe(403);

    const gecorrigeerd = await loket.app.inject({
      method: 'PUT',
      url: `${basis}/kennisartikelen/${a.id}`,
      headers: { ...bo.headers, 'if-match': '"1"' },
      payload: artikel('Ophaaldag papier', { inhoud: 'Papier: woensdag.', toelichting: 'N.a.v. melding van het KCC' }),
    });
    expect(gecorrigeerd.statusCode).toBe(200);
    expect((await post(bo, `/kennis-meldingen/${m.id}/afhandelen`, { antwoord: 'Klopt, aangepast.', gecorrigeerdInVersie: 3 })).statusCode).toBe(400);
    const af = await post(bo, `/kennis-meldingen/${m.id}/afhandelen`, { antwoord: 'Klopt, aangepast.', gecorrigeerdInVersie: 2 });
    expect(af.statusCode, af.body).toBe(200);
    expect(af.json()).toMatchObject({ status: 'afgehandeld', antwoord: 'Klopt, aangepast.', gecorrigeerdInVersie: 2, afgehandeldDoor: 'Bo Behandelaar' });
    expect((await post(bo, `/kennis-meldingen/${m.id}/afhandelen`, { antwoord: 'Nog eens' })).statusCode).toBe(409);

    const mijn = (await get(kees, '/kennis-meldingen?voor=mij&pageSize=100')).json().items as { id: string; antwoord: string | null }[];
    expect(mijn.find((t) => t.id === m.id)).toMatchObject({ antwoord: 'Klopt, aangepast.' });
    expect(((await get(bo, '/kennis-meldingen?voor=team&pageSize=100')).json().items as { id: string }[]).map((t) => t.id)).not.toContain(m.id);
    const mail = await smtp.wachtOp('kcc@duoplus.demo', 'Antwoord op uw melding: Deze informatie klopt niet (Ophaaldag papier)');
    expect(mail.tekst).toContain('Team Openbare ruimte antwoordt: Klopt, aangepast.');
    expect(mail.tekst).toContain('versie 2');
  });

  it('takes an error in a process from any staff member for the team it concerns', async () => {
    const res = await post(petra, '/kennis-meldingen', { soort: 'fout-in-proces', team: teams.get('Vergunningen'), toelichting: 'Het formulier vraagt twee keer om het kenteken.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ soort: 'fout-in-proces', artikel: null, team: { naam: 'Vergunningen' }, gemeldDoor: 'Petra P&C' });
    expect(((await get(petra, '/kennis-meldingen?voor=mij')).json().items as { id: string }[]).map((t) => t.id)).toContain(res.json().id);
    const fout = await post(petra, '/kennis-meldingen', { soort: 'klopt-niet', team: '00000000-0000-4000-8000-000000000000', toelichting: '' });
    expect(fout.statusCode).toBe(400);
    expect((fout.json().invalidParams as { name: string }[]).map((p) => p.name).toSorted()).toEqual(['soort', 'toelichting']);
    const onbekend = await post(petra, '/kennis-meldingen', { soort: 'fout-in-informatie', team: '00000000-0000-4000-8000-000000000000', toelichting: 'x' });
    expect(onbekend.json().invalidParams).toEqual([expect.objectContaining({ code: 'onbekend-team' })]);
  });
});
