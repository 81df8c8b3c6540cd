import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { leesPdf } from '../../../test/pdf.ts';
import { cliContext } from '../audit/audit.service.ts';

let loket: TestLoket;
let bo: Ingelogd;
let kcc: Ingelogd;
const gm = '/api/v1/gemeenten/GM0384';

// Monday 2 March 2026, 10:00 in Amsterdam.
beforeEach(async () => {
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  await logIn();
});
afterEach(async () => {
  await loket.close();
});

async function logIn() {
  // The teamleider is in the team Juridische zaken: bezwaar zaken are confidential (vertrouwelijk) to that team.
  bo = await logInAls(loket, 'teamleider@diemen.demo');
  kcc = await logInAls(loket, 'kcc@duoplus.demo');
}

interface Zaak {
  id: string;
  versie: number;
  identificatie: string;
  uiterlijkeEinddatum: string;
  afgeslotenOp: string | null;
  documenten: { id: string; bestandsnaam: string }[];
}

const post = (sessie: Ingelogd, url: string, payload: unknown, versie?: number) =>
  loket.app.inject({ method: 'POST', url, headers: { ...sessie.headers, ...(versie === undefined ? {} : { 'if-match': `"${versie}"` }) }, payload: payload as Record<string, unknown> });
const haal = (url: string) => loket.app.inject({ method: 'GET', url, headers: bo.headers });

/** Reads the text of a PDF document of the zaak (pdftotext), spaces normalised. */
async function brief(zaak: Zaak, naam: RegExp): Promise<string> {
  const document = zaak.documenten.findLast((d) => naam.test(d.bestandsnaam));
  expect(document, zaak.documenten.map((d) => d.bestandsnaam).join(', ')).toBeDefined();
  const res = await haal(`${gm}/zaken/${zaak.id}/documenten/${document!.id}`);
  expect(res.headers['content-type']).toBe('application/pdf');
  return leesPdf(res.rawPayload).tekst.replace(/\s+/g, ' ');
}

async function stap(zaak: Zaak, body: Record<string, unknown>) {
  const res = await post(bo, `${gm}/zaken/${zaak.id}/bezwaar/stappen`, body, zaak.versie);
  return { res, zaak: res.statusCode === 200 ? (res.json().zaak as Zaak) : zaak, bezwaar: res.statusCode === 200 ? res.json().bezwaar : null };
}

async function goed(zaak: Zaak, body: Record<string, unknown>) {
  const uit = await stap(zaak, body);
  expect(uit.res.statusCode, uit.res.body).toBe(200);
  // The zaak's deadline is always the legal one of bezwaar.termijnen.ts.
  expect(uit.zaak.uiterlijkeEinddatum).toBe(uit.bezwaar.termijnen.beslistermijnEinde);
  return uit;
}

describe('the bezwaar procedure (ADR 0063)', () => {
  it('registers a bezwaar, verdaagt it within the law, plans and holds a hearing and decides with letters kept as PDF', async () => {
    // Bad input: a bekendmaking and receipt in the future, nothing registered.
    const fout = await post(bo, `${gm}/bezwaren`, { besluit: 'Weigering dakkapel', bekendmaking: '2026-03-10', ontvangen: '2026-03-11', onderwerp: 'Bezwaar dakkapel', kanaal: 'post' });
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`).toSorted()).toEqual(['bekendmaking:in-de-toekomst', 'ontvangen:in-de-toekomst']);
    expect((await post(kcc, `${gm}/bezwaren`, {})).statusCode).toBe(403);

    const res = await post(bo, `${gm}/bezwaren`, {
      besluit: 'Weigering omgevingsvergunning dakkapel',
      bekendmaking: '2026-02-02',
      ontvangen: '2026-02-20',
      onderwerp: 'Bezwaar tegen weigering dakkapel',
      omschrijving: 'De dakkapel past in het straatbeeld.',
      kanaal: 'post',
      // A bezwaarschrift names the indiener's address (Awb 6:5): kept so the KCC finds the zaak by it (ADR 0083).
      betrokkene: { naam: 'Sara Jansen', email: 'sara@example.nl', adres: { postcode: '1112 ab', huisnummer: 7 }, taal: 'nl' },
    });
    expect(res.statusCode, res.body).toBe(201);
    let zaak = res.json() as Zaak;
    expect((await haal(`${gm}/zaken/${zaak.id}`)).json().betrokkene.adres).toEqual({ postcode: '1112AB', huisnummer: 7, huisnummerToevoeging: null });
    // Bezwaartermijn 3 February – 16 March; the beslistermijn from 17 March, six weeks: Monday 27 April is
    // Koningsdag (Atw), so Tuesday 28 April.
    expect(zaak.uiterlijkeEinddatum).toBe('2026-04-28');
    const gelezen = await haal(`${gm}/zaken/${zaak.id}/bezwaar`);
    expect(gelezen.statusCode, gelezen.body).toBe(200);
    let bezwaar = gelezen.json();
    expect(bezwaar.termijnen).toMatchObject({ bezwaartermijnEinde: '2026-03-16', tijdig: true, premature: false, laat: false, beslistermijnStart: '2026-03-17', beslistermijnEinde: '2026-04-28' });
    expect(bezwaar.termijnen.uitleg.map((u: { artikel: string }) => u.artikel)).toEqual(['Awb 6:7 en 6:8', 'Awb 7:10']);
    expect(bezwaar.termijnen.uitleg[1].tekst).toContain('Koningsdag');
    const ontvangst = await brief(zaak, /^ontvangstbevestiging-/);
    expect(ontvangst).toContain('Wij hebben uw bezwaar ontvangen');
    expect(ontvangst).toContain('Weigering omgevingsvergunning dakkapel');
    expect(ontvangst).toContain('Wij beslissen uiterlijk op 28 april 2026.');

    // A verdaging beyond the six weeks of 7:10 lid 3 is refused and changes nothing.
    const teLang = await stap(zaak, { soort: 'verdaging', weken: 7, reden: 'Advies nodig' });
    expect(teLang.res.statusCode).toBe(400);
    expect(teLang.res.json().invalidParams).toEqual([expect.objectContaining({ name: 'weken', code: 'verdaging-te-lang' })]);
    expect((await haal(`${gm}/zaken/${zaak.id}`)).json().versie).toBe(zaak.versie);

    // Six weeks added to the calendar end (27 April), then the Atw once (ADR 0036): Monday 8 June.
    ({ zaak } = await goed(zaak, { soort: 'verdaging', weken: 6, reden: 'Wij wachten op een advies van de welstandscommissie.' }));
    expect(zaak.uiterlijkeEinddatum).toBe('2026-06-08');
    const verdaging = await brief(zaak, /^verdaging-/);
    expect(verdaging).toContain('Wij zouden uiterlijk op 28 april 2026 beslissen');
    expect(verdaging).toContain('Wij beslissen nu uiterlijk op 8 juni 2026.');
    const nogEen = await stap(zaak, { soort: 'verdaging', weken: 1, reden: 'Nog meer tijd' });
    expect(nogEen.res.statusCode).toBe(400);
    expect(nogEen.res.json().invalidParams[0].reason).toContain('Er is al 6 weken verdaagd.');
    // Further delay only with the objector's consent, recorded (lid 4).
    ({ zaak } = await goed(zaak, { soort: 'uitstel', weken: 2, reden: 'Tweede hoorzitting', instemming: 'Telefonisch, bevestigd per e-mail', instemmingOp: '2026-03-02' }));
    expect(zaak.uiterlijkeEinddatum).toBe('2026-06-22');

    // The hearing (7:2): planned with the committee, an invitation letter; a decision before it is refused.
    ({ zaak, bezwaar } = await goed(zaak, { soort: 'hoorzitting', datum: '2026-03-20', tijd: '14:30', locatie: 'Raadhuis Diemen, zaal 2', commissie: 'mr. A. de Boer (voorzitter), J. Smit' }));
    const uitnodiging = await brief(zaak, /^uitnodiging-hoorzitting-/);
    expect(uitnodiging).toContain('20 maart 2026 om 14:30 uur');
    expect(uitnodiging).toContain('mr. A. de Boer');
    const wachtrij = (await haal(`${gm}/bezwaren`)).json();
    expect(wachtrij.items).toEqual([expect.objectContaining({ beslistermijnEinde: '2026-06-22', hoorzittingGepland: expect.objectContaining({ datum: '2026-03-20' }), dwangsomWaarschuwing: false })]);
    expect((await haal(`${gm}/hoorzittingen?van=2026-03-16&tot=2026-03-22`)).json().items).toEqual([expect.objectContaining({ zaakId: zaak.id, tijd: '14:30', identificatie: zaak.identificatie })]);
    expect((await haal(`${gm}/hoorzittingen?van=2026-03-21&tot=2026-03-22`)).json().items).toEqual([]);
    const teVroeg = await stap(zaak, { soort: 'beslissing', uitkomst: 'ongegrond', motivering: 'Het besluit klopt.' });
    expect(teVroeg.res.statusCode).toBe(409);
    expect(teVroeg.res.json().code ?? teVroeg.res.json().type).toContain('horen-ontbreekt');
    const zonder = await stap(zaak, { soort: 'beslissing' });
    expect(zonder.res.statusCode).toBe(400);
    expect(zonder.res.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['motivering', 'uitkomst']);

    loket.klok.zet('2026-03-20T15:00:00Z');
    await logIn();
    ({ zaak } = await goed(zaak, { soort: 'hoorverslag', verslag: 'Mevrouw Jansen licht toe dat de buren ook een dakkapel hebben.' }));
    ({ zaak, bezwaar } = await goed(zaak, { soort: 'beslissing', uitkomst: 'ongegrond', motivering: 'De dakkapel is groter dan het bestemmingsplan toestaat.' }));
    expect(zaak.afgeslotenOp).not.toBeNull();
    expect(bezwaar.stand.beslissing).toMatchObject({ uitkomst: 'ongegrond', datum: '2026-03-20' });
    const beslissing = await brief(zaak, /^beslissing-op-bezwaar-/);
    expect(beslissing).toContain('Uw bezwaar is ongegrond');
    expect(beslissing).toContain('De dakkapel is groter dan het bestemmingsplan toestaat.');
    expect(beslissing).toContain('beroep instellen bij Rechtbank Amsterdam. Dat moet binnen zes weken.');
    expect((await stap(zaak, { soort: 'informeel', datum: '2026-03-20', verslag: 'x', opgelost: false })).res.statusCode).toBe(409);
    expect((await haal(`${gm}/bezwaren`)).json().items).toEqual([]);
    // The KPI register: decided on 20 March, within the term (22 June).
    expect(await loket.services.kpi.waarde('GM0384', 'bezwaren-beslist-binnen-termijn', { periode: '2026-03' })).toMatchObject({ status: 'bekend', waarde: 100, teller: 1, noemer: 1 });
    // The zaken behind it (ADR 0082): this bezwaar, in the teller.
    const lijst = await loket.services.kpi.zaken({ context: cliContext(), gebruiker: null, rollen: ['beheerder'] }, 'GM0384', 'bezwaren-beslist-binnen-termijn', { periode: '2026-03', deel: 'teller' });
    expect(lijst).toMatchObject({ geteld: 1, verborgen: 0, zaken: [{ id: zaak.id, datum: '2026-03-20', teller: true }] });
  });

  it('converts an e-mail into a bezwaar keeping its receipt date; a repaired omission stands the beslistermijn still (7:10 lid 2); an ingebrekestelling warns', async () => {
    const mail = await post(bo, `${gm}/zaken`, { zaaktype: 'e-mailvraag', onderwerp: 'Niet eens met de parkeerboete', kanaal: 'e-mail', ontvangstdatum: '2026-01-20', betrokkene: { naam: 'Piet de Vries', email: 'piet@example.nl', taal: 'en' } });
    expect(mail.statusCode, mail.body).toBe(201);
    const bron = mail.json() as Zaak;
    const res = await post(bo, `${gm}/zaken/${bron.id}/bezwaar-omzettingen`, { besluit: 'Naheffingsaanslag parkeren', bekendmaking: '2026-01-05', reden: 'Pro-forma bezwaar per e-mail' }, bron.versie);
    expect(res.statusCode, res.body).toBe(201);
    const omgezet = res.json() as Zaak & { ontvangstdatum: string; relaties: { zaak: { id: string } }[] };
    let zaak: Zaak = omgezet;
    expect(omgezet.ontvangstdatum).toBe('2026-01-20');
    expect(omgezet.relaties).toEqual([expect.objectContaining({ zaak: expect.objectContaining({ id: bron.id }) })]);
    // Bezwaartermijn ends Monday 16 February; the beslistermijn runs 17 February – 30 March.
    expect(zaak.uiterlijkeEinddatum).toBe('2026-03-30');
    expect(await brief(zaak, /^receipt-/)).toContain('We will decide on 30 March 2026 at the latest.');

    ({ zaak } = await goed(zaak, { soort: 'herstel-verzocht', verzuim: 'Wij missen de gronden van uw bezwaar: waarom bent u het er niet mee eens?', hersteltermijn: '2026-03-16' }));
    expect(await brief(zaak, /^request-to-repair-/)).toContain('Send this on 16 March 2026 at the latest.');
    loket.klok.zet('2026-03-09T09:00:00Z');
    await logIn();
    let bezwaar;
    ({ zaak, bezwaar } = await goed(zaak, { soort: 'hersteld', hersteld: '2026-03-09' }));
    // Suspended from 3 March (the day after the request) to 9 March: 6 days; 5 April is Easter Sunday and 6 April Easter Monday.
    expect(bezwaar.termijnen.opgeschorteDagen).toBe(6);
    expect(zaak.uiterlijkeEinddatum).toBe('2026-04-07');

    const toekomst = await stap(zaak, { soort: 'ingebrekestelling', ontvangen: '2026-03-10' });
    expect(toekomst.res.statusCode).toBe(400);
    loket.klok.zet('2026-04-10T09:00:00Z');
    await logIn();
    ({ zaak, bezwaar } = await goed(zaak, { soort: 'ingebrekestelling', ontvangen: '2026-04-09' }));
    expect(bezwaar.dwangsom).toMatchObject({ wachttermijnEinde: '2026-04-23', eersteDag: '2026-04-24', dagen: 0, bedrag: 0 });
    expect((await haal(`${gm}/bezwaren`)).json().items[0].dwangsomWaarschuwing).toBe(false);
    loket.klok.zet('2026-04-21T09:00:00Z');
    await logIn();
    expect((await haal(`${gm}/bezwaren`)).json().items[0]).toMatchObject({ dwangsomWaarschuwing: true, dagenOver: -14 });
    // Four days owed by 27 April (24–27 April, € 23 each), in the KPI register.
    loket.klok.zet('2026-04-27T09:00:00Z');
    expect(await loket.services.kpi.waarde('GM0384', 'dwangsommen-verschuldigd', { periode: '2026-04' })).toMatchObject({ status: 'bekend', waarde: 1 });
    expect(await loket.services.kpi.waarde('GM0384', 'dwangsommen-bedrag', { periode: '2026-04' })).toMatchObject({ status: 'bekend', waarde: 92, eenheid: 'euro' });
    expect(await loket.services.kpi.waarde('GM0384', 'dwangsommen-bedrag', { periode: '2026-03' })).toMatchObject({ waarde: 0 });
  });

  it('keeps the zaak deadline the legal beslistermijn: the generic suspension, extension, term and closing are refused on a bezwaar (409), nothing changed', async () => {
    const res = await post(bo, `${gm}/bezwaren`, { besluit: 'Last onder dwangsom schutting', bekendmaking: '2026-02-02', ontvangen: '2026-02-20', onderwerp: 'Bezwaar last onder dwangsom', kanaal: 'post', commissie: true });
    expect(res.statusCode, res.body).toBe(201);
    let zaak = res.json() as Zaak;
    // Twelve weeks after 16 March (with the adviescommissie): Monday 8 June.
    expect(zaak.uiterlijkeEinddatum).toBe('2026-06-08');
    const zaaktype = (await haal(`${gm}/zaken/${zaak.id}`)).json().zaaktypeVersie as { resultaattypen: { id: string }[] };
    const pogingen: [string, Record<string, unknown>][] = [
      ['verlengingen', { duur: 'P6W', reden: 'Meer tijd' }],
      ['opschortingen', { reden: 'Wachten op stukken' }],
      ['termijnen', { norm: 'P6W', reden: 'Toch geen commissie' }],
      ['afsluiting', { resultaattype: zaaktype.resultaattypen[0]!.id }],
    ];
    for (const [deel, body] of pogingen) {
      const fout = await post(bo, `${gm}/zaken/${zaak.id}/${deel}`, body, zaak.versie);
      expect(fout.statusCode, `${deel}: ${fout.body}`).toBe(409);
      expect(fout.json().type).toContain('via-procedure');
    }
    const na = (await haal(`${gm}/zaken/${zaak.id}`)).json() as Zaak;
    expect(na).toMatchObject({ versie: zaak.versie, uiterlijkeEinddatum: '2026-06-08', afgeslotenOp: null });

    // Through the procedure the deadline moves, and stays the legal one (checked in goed) after every step.
    ({ zaak } = await goed(zaak, { soort: 'verdaging', weken: 4, reden: 'De commissie vergadert later.' }));
    expect(zaak.uiterlijkeEinddatum).toBe('2026-07-06');
    ({ zaak } = await goed(zaak, { soort: 'verdaging', weken: 2, reden: 'Nog een stuk nodig.' }));
    expect(zaak.uiterlijkeEinddatum).toBe('2026-07-20');
    ({ zaak } = await goed(zaak, { soort: 'uitstel', weken: 3, reden: 'Tweede hoorzitting', instemming: 'Per brief', instemmingOp: '2026-03-02' }));
    expect(zaak.uiterlijkeEinddatum).toBe('2026-08-10');
    ({ zaak } = await goed(zaak, { soort: 'herstel-verzocht', verzuim: 'Handtekening ontbreekt', hersteltermijn: '2026-03-20' }));
    loket.klok.zet('2026-03-19T09:00:00Z');
    await logIn();
    // Asked on 2 March, before the beslistermijn began (17 March): it stood still 17–18 March, 2 days.
    const { zaak: hersteld, bezwaar } = await goed(zaak, { soort: 'hersteld', hersteld: '2026-03-19' });
    expect(bezwaar.termijnen.opgeschorteDagen).toBe(2);
    expect(hersteld.uiterlijkeEinddatum).toBe('2026-08-12');
    expect((await haal(`${gm}/zaken/${zaak.id}`)).json().uiterlijkeEinddatum).toBe((await haal(`${gm}/zaken/${zaak.id}/bezwaar`)).json().termijnen.beslistermijnEinde);
  });
});
