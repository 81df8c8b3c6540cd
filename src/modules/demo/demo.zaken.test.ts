import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { cliContext } from '../audit/audit.service.ts';
import { zakenRepository } from '../zaken/zaken.repository.ts';
import { projecteer } from '../zaken/zaken.projectie.ts';
import { kalenderdag, plusDagen } from '../termijnen/kalender.ts';
import { DEMO_EMAIL_2023, DEMO_PC_BEREKEND_VERSIE } from './demo.pc-berekend.ts';
import { DEMO_ZAKEN_PER_GEMEENTE } from './demo.zaken.ts';
import { demoWie } from '../../../test/demo.ts';
import { DEMO_PANELLEDEN, DEMO_RESPONDENTEN } from './demo.panel.ts';

let loket: TestLoket;
let eerste: Awaited<ReturnType<TestLoket['services']['demo']['laad']>>;
/** The call records of the eight weeks before Monday 2 March 2026 (demo.kcc.ts). */
const GESPREKKEN = 3092;
/** The demo zaken of the last three months, and Diemen's e-mail zaken of 2023 behind P&C indicator 2.2.1 (demo.pc-berekend.ts). */
const totaal = Object.values(DEMO_ZAKEN_PER_GEMEENTE).reduce((a, b) => a + b, 0) + DEMO_EMAIL_2023;
/** The bezwaren and klachten of demo.bezwaren.ts per gemeente (11 + 6 in Diemen, 3 + 2 elsewhere). */
const PROCEDURES: Readonly<Record<string, number>> = { GM0384: 17, GM0437: 5, GM0451: 5 };
const procedures = Object.values(PROCEDURES).reduce((a, b) => a + b, 0);
/** The demo zaken the KCC registered for a resident with an e-mail address, each after a klantcontact (demo.zaken.ts, ADR 0081). */
const VOOR_ZAAK = 33;

async function tellingen() {
  const db = loket.database.db;
  const tel = async (tabel: 'zaak' | 'zaak_gebeurtenis' | 'bericht' | 'betrokkene') =>
    Number((await db.selectFrom(tabel).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { zaken: await tel('zaak'), gebeurtenissen: await tel('zaak_gebeurtenis'), berichten: await tel('bericht'), betrokkenen: await tel('betrokkene') };
}

beforeAll(async () => {
  // Monday 2 March 2026, 10:00 in Amsterdam; SMTP configured, to show demo loading never queues mail.
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z', env: { SMTP_URL: 'smtp://127.0.0.1:9' } });
  // Loaded once for every test; the tests only read, and a second load is asserted to change nothing.
  eerste = await loket.services.demo.laad(cliContext(), { zaken: true });
}, 300_000);
afterAll(async () => loket.close());

describe('demo zaken', () => {
  it('loads a few hundred zaken once: a second load adds nothing and every count stays the same', async () => {
    expect(eerste.zaken).toBe(totaal);
    // With them the bezwaren and klachten of demo.bezwaren.ts: eleven and six in Diemen, three and two in the others.
    expect({ bezwaren: eerste.bezwaren, klachten: eerste.klachten }).toEqual({ bezwaren: 17, klachten: 10 });
    const na = await tellingen();
    expect(na.zaken).toBe(totaal + procedures);
    expect(na.gebeurtenissen).toBeGreaterThan(totaal * 3);
    const tweede = await loket.services.demo.laad(cliContext(), { zaken: true });
    expect(tweede).toEqual({ gemeenten: 0, gebruikers: 0, teams: 0, zaaktypen: 0, meldingCategorieen: 0, normen: 0, zaken: 0, kennisartikelen: 0, producten: 0, balies: 0, adressen: 0, formulieren: 0, gesprekken: 0, klantcontacten: 0, contactverzoeken: 0, bezwaren: 0, klachten: 0, panelleden: 0, enqueteAntwoorden: 0 });
    expect(await loket.services.demo.laadZaken(cliContext())).toBe(0);
    expect(await tellingen()).toEqual(na);
  }, 300_000);

  it('gives the KCC of Diemen eight weeks of calls in two queues, contacts on every channel and callback requests, open and handled', async () => {
    // 40 contacts of the KCC's day-to-day in Diemen, and 33 (in the three gemeenten) before a demo zaak the KCC registered for a resident with an e-mail address.
    expect(eerste).toMatchObject({ gesprekken: GESPREKKEN, klantcontacten: 40 + VOOR_ZAAK, contactverzoeken: 6 });
    const db = loket.database.db;
    const nu = loket.klok.nu().toISOString();
    const wachtrijen = await db
      .selectFrom('kcc_gesprek')
      .where('gemeente', '=', 'GM0384')
      .groupBy('wachtrij')
      .select((eb) => [
        'wachtrij',
        eb.fn.countAll<number>().as('alle'),
        sql<number>`count(*) filter (where afloop = 'opgehangen')`.as('opgehangen'),
        sql<number>`count(*) filter (where afloop = 'beantwoord' and wachttijd_s <= 30)`.as('binnen30s'),
        sql<string>`min(begin_op)`.as('eerste'),
        sql<string>`max(begin_op)`.as('laatste'),
      ])
      .orderBy('wachtrij')
      .execute();
    expect(wachtrijen.map((w) => w.wachtrij)).toEqual(['Algemeen', 'Burgerzaken']);
    for (const w of wachtrijen) {
      // A few hundred a week together, a realistic share hangs up, not everyone waits long.
      expect(Number(w.alle)).toBeGreaterThan(8 * 100);
      expect(Number(w.opgehangen) / Number(w.alle)).toBeGreaterThan(0.03);
      expect(Number(w.opgehangen) / Number(w.alle)).toBeLessThan(0.25);
      expect(Number(w.binnen30s)).toBeGreaterThan(0);
      expect(kalenderdag(new Date(w.eerste))).toBe('2026-01-05');
      expect(new Date(w.laatste).toISOString() < nu).toBe(true);
    }
    const contacten = await db
      .selectFrom('klantcontact as k')
      .where('k.gemeente', '=', 'GM0384')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('klantcontact_zaak as kz').select('kz.zaak_id').whereRef('kz.gemeente', '=', 'k.gemeente').whereRef('kz.klantcontact_id', '=', 'k.id'))))
      .select(['k.kanaal', 'k.uitkomst', 'k.op'])
      .execute();
    expect(contacten).toHaveLength(40);
    expect(new Set(contacten.map((c) => c.kanaal)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(contacten.map((c) => c.uitkomst)).size).toBeGreaterThanOrEqual(4);
    expect(contacten.every((c) => new Date(c.op).toISOString() < nu)).toBe(true);
    const verzoeken = await db.selectFrom('contactverzoek').where('gemeente', '=', 'GM0384').select(['status', 'klantcontact_id']).execute();
    expect(verzoeken).toHaveLength(6);
    expect(verzoeken.every((v) => v.klantcontact_id !== null)).toBe(true);
    expect(verzoeken.some((v) => v.status === 'open' || v.status === 'in-behandeling')).toBe(true);
    expect(verzoeken.some((v) => v.status === 'afgerond' || v.status === 'niet-bereikt')).toBe(true);
  });

  it('shows a flow per product: the contact before a zaak, statuses, suspension, closing and journeys that wait (ADR 0081)', async () => {
    const db = loket.database.db;
    const voorZaak = await db
      .selectFrom('klantcontact_zaak as kz')
      .innerJoin('klantcontact as k', (j) => j.onRef('k.gemeente', '=', 'kz.gemeente').onRef('k.id', '=', 'kz.klantcontact_id'))
      .innerJoin('zaak as z', (j) => j.onRef('z.gemeente', '=', 'kz.gemeente').onRef('z.id', '=', 'kz.zaak_id'))
      .innerJoin('zaaktype as zt', (j) => j.onRef('zt.gemeente', '=', 'z.gemeente').onRef('zt.id', '=', 'z.zaaktype_id'))
      .select(['k.op', 'k.uitkomst', 'z.registratie_op', 'z.gemeente', 'zt.code'])
      .execute();
    expect(voorZaak).toHaveLength(VOOR_ZAAK);
    expect(voorZaak.every((c) => c.uitkomst === 'zaak-aangemaakt' && new Date(c.registratie_op).getTime() - new Date(c.op).getTime() === 10 * 60_000)).toBe(true);
    const beheerder = await demoWie(loket, 'beheerder@duoplus.demo');
    const vandaag = kalenderdag(loket.klok.nu());
    const periode = { periodeVan: plusDagen(vandaag, -120), periodeTot: vandaag };
    // The product parkeervergunning, and the zaaktypen of Diemen's zaken that came after a contact.
    const parkeren = await loket.services.klantreizen.vanProduct(beheerder, 'GM0384', 'parkeervergunning', periode);
    const stromen: { stappen: { soort: string }[]; haperingen: unknown[] }[] = [parkeren];
    for (const code of new Set(voorZaak.filter((c) => c.gemeente === 'GM0384').map((c) => c.code))) stromen.push(await loket.services.klantreizen.vanZaaktype(beheerder, 'GM0384', code, periode));
    const soorten = new Set(stromen.flatMap((s) => s.stappen.map((x) => x.soort)));
    expect([...soorten]).toEqual(expect.arrayContaining(['contact-voor', 'zaak-geregistreerd', 'status', 'opschorting', 'afgesloten']));
    expect(stromen.some((s) => s.haperingen.length > 0)).toBe(true);
    expect(parkeren.samenvatting.reizen).toBeGreaterThan(0);
  }, 120_000);

  it("holds Diemen's e-mail zaken of 2023, and a concept version of the jaarstukken 2023 that accepts 2.2.1 from the KPI with its source", async () => {
    const db = loket.database.db;
    const email2023 = await db.selectFrom('zaak').where('gemeente', '=', 'GM0384').where('ontvangstdatum', '>=', '2023-01-01').where('ontvangstdatum', '<=', '2023-12-31').select(['kanaal', 'afgesloten_op']).execute();
    expect(email2023).toHaveLength(DEMO_EMAIL_2023);
    expect(email2023.every((z) => z.kanaal === 'e-mail' && z.afgesloten_op !== null)).toBe(true);
    const kpi = await loket.services.kpi.waarde('GM0384', 'email-binnen-5-werkdagen', { periode: '2023' });
    expect(kpi).toMatchObject({ status: 'bekend', noemer: DEMO_EMAIL_2023 });
    const document = (await loket.services.pc.documenten('GM0384', { soort: 'jaarstukken', jaar: 2023 }))[0];
    const concept = document?.versies.find((v) => v.naam === DEMO_PC_BEREKEND_VERSIE);
    expect(concept).toMatchObject({ status: 'concept', volgnummer: 2 });
    const p = await loket.services.pc.programma('GM0384', concept?.id ?? '', 'samen-besturen');
    const indicator = p.hoofdstuk.indicatoren.find((i) => i.code === '2.2.1');
    expect(indicator?.aanvulling?.kpi).toEqual({ code: 'email-binnen-5-werkdagen', periode: 'kolomjaar' });
    const waarde = indicator?.waarden.find((w) => w.kolom === 'Realisatie 2023');
    expect(waarde).toMatchObject({ getal: kpi.waarde, eenheid: '%', berekend: { kpi: 'email-binnen-5-werkdagen', aantallen: { teller: kpi.teller, noemer: DEMO_EMAIL_2023 } } });
    // The published (vastgesteld) version is as it was printed: NB.
    const gepubliceerd = await loket.services.pc.programma('GM0384', document?.versies.find((v) => v.status === 'vastgesteld')?.id ?? '', 'samen-besturen');
    expect(gepubliceerd.hoofdstuk.indicatoren.find((i) => i.code === '2.2.1')?.waarden.find((w) => w.kolom === 'Realisatie 2023')).toMatchObject({ tekst: 'NB', getal: null });
  });

  it("stores for every demo zaak the deadline, status and state its history gives", async () => {
    const db = loket.database.db;
    const repo = zakenRepository(db);
    const zaken = await db.selectFrom('zaak as z').innerJoin('zaaktype as zt', (j) => j.onRef('zt.gemeente', '=', 'z.gemeente').onRef('zt.id', '=', 'z.zaaktype_id')).select(['z.gemeente', 'z.id', 'z.ontvangstdatum', 'z.uiterlijke_einddatum', 'z.oorspronkelijke_einddatum', 'z.status_volgnummer', 'z.opgeschort', 'z.afgesloten_op', 'z.behandelaar_id', 'zt.norm']).execute();
    expect(zaken).toHaveLength(totaal + procedures);
    for (const z of zaken) {
      const gebeurtenissen = await repo.gebeurtenissen(z.gemeente, z.id);
      const laatste = gebeurtenissen.at(-1);
      if (!laatste) throw new Error(`zaak ${z.id} zonder geschiedenis`);
      // The stored projection counts an open suspension up to the day of the last event (ADR 0012).
      const sluitingsdagen = await loket.services.termijnen.sluitingsdagen(z.gemeente);
      const p = projecteer({ ontvangstdatum: z.ontvangstdatum, norm: z.norm, gebeurtenissen, vandaag: kalenderdag(laatste.op), sluitingsdagen });
      expect({ id: z.id, uiterlijk: z.uiterlijke_einddatum, oorspronkelijk: z.oorspronkelijke_einddatum, status: z.status_volgnummer, opgeschort: z.opgeschort, afgesloten: z.afgesloten_op, behandelaar: z.behandelaar_id }).toEqual({
        id: z.id,
        uiterlijk: p.uiterlijkeEinddatum,
        oorspronkelijk: p.oorspronkelijkeEinddatum,
        status: p.statusVolgnummer,
        opgeschort: p.opgeschort,
        afgesloten: p.afgeslotenOp,
        behandelaar: p.behandelaarId,
      });
      expect(laatste.op <= loket.klok.nu().toISOString()).toBe(true);
    }
  }, 120_000);

  it('has the variety of a real work queue in all three gemeenten', async () => {
    const db = loket.database.db;
    const vandaag = '2026-03-02';
    const per = await db
      .selectFrom('zaak')
      .where('ontvangstdatum', '>=', '2025-01-01')
      .select((eb) => [
        'gemeente',
        eb.fn.countAll<number>().as('alle'),
        sql<number>`count(*) filter (where afgesloten_op is not null and resultaattype_id is not null)`.as('gesloten'),
        sql<number>`count(*) filter (where afgesloten_op is null and opgeschort)`.as('opgeschort'),
        sql<number>`count(*) filter (where afgesloten_op is null and uiterlijke_einddatum < ${vandaag}::date)`.as('teLaat'),
        sql<number>`count(*) filter (where behandelaar_id is not null)`.as('toegewezen'),
        sql<number>`count(distinct zaaktype_id)`.as('zaaktypen'),
        sql<number>`count(distinct kanaal)`.as('kanalen'),
        sql<string>`min(ontvangstdatum)::text`.as('oudste'),
      ])
      .groupBy('gemeente')
      .orderBy('gemeente')
      .execute();
    expect(per.map((p) => p.gemeente)).toEqual(['GM0384', 'GM0437', 'GM0451']);
    for (const p of per) {
      expect(Number(p.alle)).toBe((DEMO_ZAKEN_PER_GEMEENTE[p.gemeente] ?? 0) + (PROCEDURES[p.gemeente] ?? 0));
      expect(Number(p.gesloten)).toBeGreaterThan(Number(p.alle) / 3);
      expect(Number(p.opgeschort)).toBeGreaterThan(0);
      expect(Number(p.teLaat)).toBeGreaterThan(0);
      expect(Number(p.toegewezen)).toBeGreaterThan(Number(p.alle) / 2);
      expect(Number(p.zaaktypen)).toBeGreaterThanOrEqual(7);
      expect(Number(p.kanalen)).toBeGreaterThanOrEqual(5);
      // About three months back: 91 days, a counter visit on a weekend moved to the Friday before, a letter a working day earlier.
      expect(p.oudste >= '2025-11-26' && p.oudste < '2025-12-10', p.oudste).toBe(true);
    }
    const verlengd = await db.selectFrom('zaak_gebeurtenis').select((eb) => eb.fn.countAll<number>().as('n')).where('soort', '=', 'verlenging').executeTakeFirstOrThrow();
    expect(Number(verlengd.n)).toBeGreaterThan(5);
    // Melding subjects name a street of their own gemeente.
    const meldingen = await db.selectFrom('zaak').select(['gemeente', 'onderwerp']).where('onderwerp', 'like', 'Losliggende stoeptegel %').execute();
    expect(meldingen.length).toBeGreaterThan(0);
  });

  it('gives some residents an address of the demo gazetteer, so the KCC finds their zaken by postcode and huisnummer', async () => {
    const db = loket.database.db;
    const metAdres = await db
      .selectFrom('betrokkene as b')
      .innerJoin('adres as a', (j) => j.onRef('a.gemeente', '=', 'b.gemeente').onRef('a.postcode', '=', 'b.postcode').onRef('a.huisnummer', '=', 'b.huisnummer'))
      .select(['b.gemeente', 'b.postcode', 'b.huisnummer', 'b.huisnummertoevoeging'])
      .where('b.postcode', 'is not', null)
      .execute();
    const alle = Number((await db.selectFrom('betrokkene').select((eb) => eb.fn.countAll<number>().as('n')).where('postcode', 'is not', null).executeTakeFirstOrThrow()).n);
    // About one in four named residents; every address one of the gazetteer's (fictional) addresses of its own gemeente.
    expect(alle).toBeGreaterThan(20);
    expect(metAdres.length).toBeGreaterThanOrEqual(alle);
    expect(new Set(metAdres.map((r) => `${r.gemeente} ${r.postcode} ${r.huisnummer} ${r.huisnummertoevoeging ?? ''}`)).size).toBeGreaterThan(5);
    const eerste = metAdres.find((r) => r.gemeente === 'GM0384');
    const kcc = await demoWie(loket, 'kcc@duoplus.demo');
    const gevonden = await loket.services.klantcontacten.zoekZaken(kcc, 'GM0384', { postcode: eerste?.postcode ?? '', huisnummer: eerste?.huisnummer ?? 0, pageSize: 100 });
    expect(gevonden.items.length).toBeGreaterThan(0);
  });

  it('looks like a healthy gemeente: at least 80% of the open zaken are on time, a few are late', async () => {
    const db = loket.database.db;
    const vandaag = '2026-03-02';
    const per = await db
      .selectFrom('zaak')
      // A suspended zaak is not late: its clock stands still while it waits for the resident.
      .select((eb) => ['gemeente', eb.fn.countAll<number>().as('open'), sql<number>`count(*) filter (where not opgeschort and uiterlijke_einddatum < ${vandaag}::date)`.as('teLaat')])
      .where('afgesloten_op', 'is', null)
      .groupBy('gemeente')
      .orderBy('gemeente')
      .execute();
    expect(per).toHaveLength(3);
    for (const p of per) {
      expect(Number(p.teLaat)).toBeGreaterThan(0);
      expect(Number(p.teLaat) / Number(p.open)).toBeLessThanOrEqual(0.2);
    }
  });

  it('gives Diemen an inwonerspanel skewed as the seed says, its margins and a closed survey whose weighted report differs from the unweighted one', async () => {
    expect(eerste).toMatchObject({ panelleden: DEMO_PANELLEDEN, enqueteAntwoorden: DEMO_RESPONDENTEN });
    const enquetes = loket.services.enquetes;
    const stand = await enquetes.panelStand('GM0384');
    expect(stand).toMatchObject({ leden: 334, wachtOpBevestiging: 0 });
    const aandeel = (categorie: string) => stand.perKenmerk.find((p) => p.kenmerk === 'leeftijdsgroep' && p.categorie === categorie);
    // Under 35 under-represented, 50 and older over-represented.
    expect(aandeel('18-34')?.aandeelPanel).toBeLessThan((aandeel('18-34')?.aandeelBevolking ?? 0) - 0.1);
    for (const c of ['50-64', '65+']) expect(aandeel(c)?.aandeelPanel).toBeGreaterThan((aandeel(c)?.aandeelBevolking ?? 1) + 0.05);
    const g = { code: 'GM0384', slug: 'diemen', naam: 'Diemen' };
    const [enquete] = await enquetes.lijst(g);
    expect(enquete).toMatchObject({ status: 'gesloten', respons: { uitgenodigd: 334, beantwoord: 295, open: 0 } });
    expect(enquete?.respons.herinnerd).toBeGreaterThan(0);
    const rapport = await enquetes.rapport(g, enquete?.id ?? '', {});
    expect(rapport.panel).toMatchObject({ respondenten: 295, weging: { status: 'gewogen', geconvergeerd: true, kenmerken: ['leeftijdsgroep', 'geslacht', 'wijk', 'opleiding'] } });
    expect(rapport.panel.weging.effectieveSteekproef).toBeLessThan(295);
    // Young people prefer the website: weighting to the population raises its share.
    const website = rapport.panel.vragen.find((v) => v.vraag === 'kanaal')?.antwoorden.find((a) => a.waarde === 'website');
    expect((website?.gewogen ?? 0) - (website?.ongewogen ?? 0)).toBeGreaterThan(0.03);
    // The demo's mails were read in memory: none of the panel's is in the outbox.
    const panelpost = await loket.database.db.selectFrom('bericht').select('aan').where('aan', 'like', 'panellid-%').execute();
    expect(panelpost).toEqual([]);
  });

  it('keeps demo mail in the outbox as not sent, to example.org only, and queues no mail even with SMTP_URL set', async () => {
    const db = loket.database.db;
    const berichten = await db.selectFrom('bericht').select(['aan', 'status']).execute();
    expect(berichten.length).toBeGreaterThan(20);
    expect(new Set(berichten.map((b) => b.status))).toEqual(new Set(['niet-verzonden']));
    expect(berichten.every((b) => b.aan.endsWith('@example.org'))).toBe(true);
    const adressen = await db.selectFrom('betrokkene').select('email').where('email', 'is not', null).execute();
    expect(adressen.every((a) => a.email?.endsWith('@example.org'))).toBe(true);
    const totaalBetrokkenen = (await tellingen()).betrokkenen;
    expect(adressen.length).toBeLessThan(totaalBetrokkenen / 2);
    const jobs = await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = 'bericht.verzenden'`.execute(db);
    expect(jobs.rows[0]?.n).toBe(0);
  });

  it('gives the secretary bezwaren in every state and the klachtcoördinator klachten, each bezwaar on its legal beslistermijn', async () => {
    const secretaris = await demoWie(loket, 'secretaris@duoplus.demo');
    const procedure = loket.services.bezwaarProcedure;
    const { items } = await procedure.werkvoorraad(secretaris, 'GM0384', { pageSize: 100 });
    // Open: received, informal route, hearing planned, verdaagd (with a hearing), late, with an ingebrekestelling.
    expect(items).toHaveLength(6);
    expect(items.filter((b) => b.hoorzittingGepland)).toHaveLength(2);
    expect(items.filter((b) => b.verschoonbaarheidOpen)).toHaveLength(1);
    expect(items.filter((b) => b.dwangsomWaarschuwing)).toHaveLength(1);
    const alle = await loket.database.db.selectFrom('bezwaar').select('zaak_id').where('gemeente', '=', 'GM0384').execute();
    const uitkomsten: string[] = [];
    let verdaagd = 0;
    for (const { zaak_id } of alle) {
      const zaak = await loket.services.zaken.detail(secretaris, 'GM0384', zaak_id, { loggen: false });
      const b = await procedure.detail(secretaris, 'GM0384', zaak_id);
      expect(zaak.uiterlijkeEinddatum, zaak.onderwerp).toBe(b.termijnen.beslistermijnEinde);
      if (b.stand.beslissing) uitkomsten.push(b.stand.beslissing.uitkomst);
      if (b.stand.verdagingWeken > 0) verdaagd++;
      expect(zaak.afgeslotenOp !== null, zaak.onderwerp).toBe(b.stand.beslissing !== null);
    }
    expect(uitkomsten.toSorted()).toEqual(['deels-gegrond', 'gegrond', 'ingetrokken', 'niet-ontvankelijk', 'ongegrond']);
    expect(verdaagd).toBe(1);
    for (const gemeente of ['GM0437', 'GM0451']) expect((await procedure.werkvoorraad(await demoWie(loket, 'secretaris@duoplus.demo', gemeente), gemeente, { pageSize: 100 })).items).toHaveLength(2);
    const klachten = await loket.database.db.selectFrom('klacht').select(['uitkomst']).where('gemeente', '=', 'GM0384').execute();
    expect(klachten.map((k) => k.uitkomst ?? 'open').toSorted()).toEqual(['gegrond', 'informeel-opgelost', 'niet-behandeld', 'open', 'open', 'open']);
  }, 120_000);
});
