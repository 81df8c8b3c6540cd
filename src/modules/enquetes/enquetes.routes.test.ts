import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { smtpOntvanger } from '../../../test/smtp.ts';
import { postvak } from '../../../test/zaken.ts';

let smtp: Awaited<ReturnType<typeof smtpOntvanger>>;
let loket: TestLoket;
let beheerder: Ingelogd;
let pc: Ingelogd;
let behandelaar: Ingelogd;

const API = '/api/v1/gemeenten/GM0384';

beforeAll(async () => {
  smtp = await smtpOntvanger();
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z', env: { SMTP_URL: smtp.url } });
  await laadDemo(loket);
  beheerder = await logInAls(loket, 'beheerder@duoplus.demo');
  pc = await logInAls(loket, 'pc@diemen.demo');
  behandelaar = await logInAls(loket, 'behandelaar@diemen.demo');
});
afterAll(async () => {
  await loket?.close();
  await smtp?.close();
});

const api = (wie: Ingelogd, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  loket.app.inject({ method, url: `${API}${url}`, headers: { ...wie.headers, ...headers }, ...(payload === undefined ? {} : typeof payload === 'string' ? { payload } : { payload: payload as object }) });
const haal = (url: string) => loket.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
const verstuur = (url: string, velden: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, w] of Object.entries(velden)) for (const x of Array.isArray(w) ? w : [w]) body.append(k, x);
  return loket.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: body.toString() });
};
const linkUit = (tekst: string, soort: string): string => {
  const m = new RegExp(`http://127\\.0\\.0\\.1:3000(/diemen/(?:en/)?${soort}/[A-Za-z0-9_-]{43})`).exec(tekst);
  if (!m?.[1]) throw new Error(`geen ${soort}-link in: ${tekst}`);
  return m[1];
};

const MARGES = [
  { kenmerk: 'leeftijdsgroep', categorie: '18-34', aandeel: 0.3 },
  { kenmerk: 'leeftijdsgroep', categorie: '35-49', aandeel: 0.25 },
  { kenmerk: 'leeftijdsgroep', categorie: '50-64', aandeel: 0.25 },
  { kenmerk: 'leeftijdsgroep', categorie: '65+', aandeel: 0.2 },
  { kenmerk: 'wijk', categorie: 'Centrum', aandeel: 0.6 },
  { kenmerk: 'wijk', categorie: 'Noord', aandeel: 0.4 },
];

const tekst = (nl: string) => ({ nl, en: `${nl} (en)` });
const DEFINITIE = {
  titel: tekst('Afval in uw buurt'),
  vragen: [
    { id: 'tevreden', soort: 'enkele-keuze', tekst: tekst('Bent u tevreden over het ophalen van afval?'), verplicht: true, opties: [{ waarde: 'ja', tekst: tekst('Ja') }, { waarde: 'nee', tekst: tekst('Nee') }] },
    { id: 'waarom', soort: 'meerkeuze', tekst: tekst('Wat gaat er mis?'), voorwaarde: { vraag: 'tevreden', antwoorden: ['nee'] }, opties: [{ waarde: 'vol', tekst: tekst('Bakken vol') }, { waarde: 'laat', tekst: tekst('Te laat') }, { waarde: 'rommel', tekst: tekst('Rommel') }] },
    { id: 'cijfer', soort: 'rapportcijfer', tekst: tekst('Welk cijfer geeft u?'), verplicht: true },
    { id: 'schoon', soort: 'schaal', tekst: tekst('Hoe schoon is uw straat?'), schaal: { punten: 5, laag: tekst('Heel vies'), hoog: tekst('Heel schoon') } },
    { id: 'opmerking', soort: 'open', tekst: tekst('Wilt u nog iets zeggen?') },
  ],
};

describe('inwonerspanel and surveys', { shuffle: false }, () => {
  it('margins: beheerders set them as JSON or CSV; every error at once, nothing changed; others may not', async () => {
    expect((await api(behandelaar, 'PUT', '/panel-marges', { marges: MARGES })).statusCode).toBe(403);
    const fout = await api(beheerder, 'PUT', '/panel-marges', {
      marges: [
        { kenmerk: 'leeftijdsgroep', categorie: '18-34', aandeel: 0.5 },
        { kenmerk: 'leeftijdsgroep', categorie: '12-17', aandeel: 0.2 },
        { kenmerk: 'wijk', categorie: 'Centrum', aandeel: 1 },
        { kenmerk: 'wijk', categorie: 'Centrum', aandeel: 0.5 },
      ],
    });
    expect(fout.statusCode).toBe(400);
    const reasons = fout.json().invalidParams.map((p: { name: string; code: string }) => `${p.name} ${p.code}`);
    expect(reasons).toEqual(['marges.1 onbekende-categorie', 'marges.3 dubbel', 'marges.1 som-niet-1', 'marges.3 som-niet-1']);
    expect((await api(beheerder, 'GET', '/panel-marges')).json()).toEqual({ marges: [] });

    const csvFout = await api(beheerder, 'POST', '/panel-marges/import', 'kenmerk;categorie;aandeel\nleeftijd;18-34;0,5\nwijk;Centrum;0,7\n', { 'content-type': 'text/csv' });
    expect(csvFout.statusCode).toBe(400);
    expect(csvFout.json().invalidParams.map((p: { name: string; code: string }) => `${p.name} ${p.code}`)).toEqual(['regel 2 ongeldige-regel', 'regel 3 ongeldige-regel']);
    expect((await api(beheerder, 'POST', '/panel-marges/import', 'kenmerk,categorie,aandeel\n', { 'content-type': 'text/plain' })).statusCode).toBe(415);

    const csv = ['kenmerk,categorie,aandeel', ...MARGES.map((m) => `${m.kenmerk},${m.categorie},${m.aandeel}`)].join('\n');
    const goed = await api(beheerder, 'POST', '/panel-marges/import', csv, { 'content-type': 'text/csv; charset=utf-8' });
    expect(goed.statusCode).toBe(200);
    expect(goed.json().marges).toEqual(MARGES);
    expect((await api(pc, 'GET', '/panel-marges')).json().marges).toHaveLength(6);
  });

  it('sign-up: form nl/en without script, errors next to the fields, double opt-in by real mail, then a member', async () => {
    const pagina = await haal('/diemen/inwonerspanel');
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('Meld u aan voor het inwonerspanel');
    expect(pagina.body).toContain('value="Noord"');
    expect(pagina.body).not.toContain('<script');
    expect((await haal('/diemen/en/inwonerspanel')).body).toContain("Join the residents&#39; panel");

    const leeg = await verstuur('/diemen/inwonerspanel', { email: 'geen-adres' });
    expect(leeg.statusCode).toBe(400);
    expect(leeg.body).toContain('<title>Fout: Meld u aan voor het inwonerspanel');
    for (const t of ['Vul een e-mailadres in zoals naam@voorbeeld.nl.', 'Kies hoe oud u bent.', 'Kies uw geslacht.', 'Kies uw wijk.', 'Kies uw hoogste opleiding.', 'Geef toestemming.']) expect(leeg.body).toContain(t);
    expect(leeg.body).toContain('href="#wijk-0"');
    expect(leeg.body).toContain('value="geen-adres"');
    expect(await loket.database.db.selectFrom('panellid').selectAll().execute()).toEqual([]);

    const aan = await verstuur('/diemen/inwonerspanel', { email: 'Fatima@example.nl', leeftijdsgroep: '18-34', geslacht: 'vrouw', wijk: 'Noord', opleiding: 'hoog', toestemming: 'ja' });
    expect(aan.statusCode).toBe(303);
    expect(aan.headers.location).toBe('/diemen/inwonerspanel/aangemeld');
    const mail = await smtp.wachtOp('Fatima@example.nl', 'Bevestig uw aanmelding voor het inwonerspanel');
    const bevestig = linkUit(mail.tekst, 'inwonerspanel/bevestig');
    linkUit(mail.tekst, 'inwonerspanel/afmelden');
    const [lid] = await loket.database.db.selectFrom('panellid').selectAll().execute();
    expect(lid).toMatchObject({ leeftijdsgroep: '18-34', wijk: 'Noord', bevestigd_op: null });
    // Only hashes of the links are kept.
    expect(JSON.stringify(await loket.database.db.selectFrom('panel_sleutel').selectAll().execute())).not.toContain(bevestig.split('/').at(-1));

    // Opening the link (a mail scanner does too) changes nothing; the button does.
    const knop = await haal(bevestig);
    expect(knop.body).toContain('Ik word lid');
    expect((await loket.database.db.selectFrom('panellid').select('bevestigd_op').executeTakeFirstOrThrow()).bevestigd_op).toBeNull();
    const klaar = await verstuur(bevestig, {});
    expect(klaar.statusCode).toBe(200);
    expect(klaar.body).toContain('U bent lid van het inwonerspanel');
    expect((await loket.database.db.selectFrom('panellid').select('bevestigd_op').executeTakeFirstOrThrow()).bevestigd_op).not.toBeNull();

    // Signing up again with the same address: the same page, and a mail that says they are a member.
    expect((await verstuur('/diemen/inwonerspanel', { email: 'fatima@example.nl', leeftijdsgroep: '65+', geslacht: 'vrouw', wijk: 'Noord', opleiding: 'hoog', toestemming: 'ja' })).statusCode).toBe(303);
    expect((await postvak(loket.database, 'Fatima@example.nl')).map((m) => m.onderwerp)).toContain('U bent al lid van het inwonerspanel');
    expect(await loket.database.db.selectFrom('panellid').selectAll().execute()).toHaveLength(1);

    expect((await haal('/diemen/inwonerspanel/bevestig/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).statusCode).toBe(404);
  });

  let enquete: string;
  const leden: { email: string; leeftijdsgroep: string; wijk: string }[] = [];

  it('a survey: invalid definitions refused with every error; defined, started, members invited with personal links', async () => {
    // Eleven more confirmed members (straight through the service: the sign-up is tested above).
    for (let i = 0; i < 11; i++) {
      const lid = { email: `lid${i}@example.nl`, leeftijdsgroep: ['18-34', '35-49', '50-64', '65+', '65+', '65+'][i % 6] as string, wijk: i < 4 ? 'Centrum' : 'Noord' };
      leden.push(lid);
      await loket.database.db
        .insertInto('panellid')
        .values({ gemeente: 'GM0384', id: crypto.randomUUID(), email: lid.email, taal: 'nl', leeftijdsgroep: lid.leeftijdsgroep, geslacht: 'man', wijk: lid.wijk, opleiding: 'middelbaar', aangemeld_op: '2026-03-01T10:00:00Z', bevestigd_op: '2026-03-01T10:05:00Z' })
        .execute();
    }
    const fout = await api(pc, 'POST', '/enquetes', {
      definitie: {
        titel: tekst('Fout'),
        vragen: [
          { id: 'a', soort: 'enkele-keuze', tekst: tekst('A') },
          { id: 'a', soort: 'open', tekst: tekst('B'), voorwaarde: { vraag: 'c', antwoorden: ['x'] } },
        ],
      },
    });
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['definitie.vragen.0.opties', 'definitie.vragen.1.id', 'definitie.vragen.1.voorwaarde.vraag']);
    expect((await api(behandelaar, 'POST', '/enquetes', { definitie: DEFINITIE })).statusCode).toBe(403);

    const gemaakt = await api(pc, 'POST', '/enquetes', { definitie: DEFINITIE, openLink: true, herinneringNaDagen: 5 });
    expect(gemaakt.statusCode).toBe(201);
    enquete = gemaakt.json().id;
    expect(gemaakt.json()).toMatchObject({ status: 'concept', openLink: true, openLinkPad: null });
    // Not running yet: no invitations.
    expect((await api(pc, 'POST', `/enquetes/${enquete}/uitnodigingen`, {})).statusCode).toBe(409);
    const gestart = await api(pc, 'PUT', `/enquetes/${enquete}/status`, { status: 'lopend' });
    expect(gestart.json()).toMatchObject({ status: 'lopend', openLinkPad: `/diemen/enquete/${enquete}` });
    expect((await api(pc, 'PUT', `/enquetes/${enquete}`, { definitie: DEFINITIE })).statusCode).toBe(409);

    const uit = await api(pc, 'POST', `/enquetes/${enquete}/uitnodigingen`, {});
    expect(uit.statusCode).toBe(201);
    expect(uit.json()).toEqual({ uitgenodigd: 12 });
    // A second round invites nobody twice.
    expect((await api(pc, 'POST', `/enquetes/${enquete}/uitnodigingen`, {})).json()).toEqual({ uitgenodigd: 0 });
    const mails = await postvak(loket.database, 'lid0@example.nl');
    expect(mails.map((m) => m.onderwerp)).toEqual(['Nieuwe vragenlijst: Afval in uw buurt']);
    linkUit(mails[0]?.tekst ?? '', 'inwonerspanel/afmelden');
  });

  it('answering: conditions, required questions, the answers stored apart from the member, a second answer refused', async () => {
    const mail = await smtp.wachtOp('Fatima@example.nl', 'Nieuwe vragenlijst: Afval in uw buurt');
    const pad = linkUit(mail.tekst, 'enquete/u');
    const pagina = await haal(pad);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.headers['referrer-policy']).toBe('no-referrer');
    expect(pagina.body).toContain('Beantwoord deze vraag alleen als u bij vraag 1 Nee koos.');
    expect(pagina.body.match(/name="v-cijfer"/g)).toHaveLength(10);

    const fout = await verstuur(pad, { 'v-tevreden': 'misschien', 'v-opmerking': 'x'.repeat(2001) });
    expect(fout.statusCode).toBe(400);
    expect(fout.body).toContain('Kies een van de antwoorden.');
    expect(fout.body).toContain('Beantwoord deze vraag.');
    expect(fout.body).toContain('Uw tekst is te lang.');
    expect(await loket.database.db.selectFrom('enquete_respons').selectAll().execute()).toEqual([]);

    // "waarom" only applies after "nee": answered after "ja", it is not stored.
    const goed = await verstuur(pad, { 'v-tevreden': 'ja', 'v-waarom': ['vol'], 'v-cijfer': '8', 'v-opmerking': 'Mail mij: fatima@example.nl' });
    expect(goed.statusCode).toBe(303);
    expect(goed.headers.location).toBe(`${pad}?bedankt=1`);
    expect((await haal(`${pad}?bedankt=1`)).body).toContain('Bedankt voor uw antwoorden');
    const [respons] = await loket.database.db.selectFrom('enquete_respons').selectAll().execute();
    expect(respons).toMatchObject({ bron: 'panel', leeftijdsgroep: '18-34', wijk: 'Noord', antwoorden: { tevreden: 'ja', cijfer: '8', opmerking: 'Mail mij: [e-mailadres]' }, ontvangen_op: '2026-03-02' });
    // No column of the answers points at a member or an invitation.
    expect(Object.keys(respons ?? {}).toSorted()).toEqual(['antwoorden', 'bron', 'enquete_id', 'gemeente', 'geslacht', 'id', 'leeftijdsgroep', 'ontvangen_op', 'opleiding', 'wijk']);
    const lid = await loket.database.db.selectFrom('panellid').select('id').where('email', '=', 'Fatima@example.nl').executeTakeFirstOrThrow();
    expect(JSON.stringify(respons)).not.toContain(lid.id);
    expect(await loket.database.db.selectFrom('enquete_uitnodiging').select('beantwoord').where('panellid_id', '=', lid.id).executeTakeFirstOrThrow()).toEqual({ beantwoord: true });

    const tweede = await verstuur(pad, { 'v-tevreden': 'nee', 'v-cijfer': '2' });
    expect(tweede.statusCode).toBe(409);
    expect(tweede.body).toContain('U heeft deze vragenlijst al ingevuld');
    expect(await loket.database.db.selectFrom('enquete_respons').selectAll().execute()).toHaveLength(1);
    expect((await verstuur('/diemen/enquete/u/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', { 'v-tevreden': 'ja' })).statusCode).toBe(404);
    expect((await haal('/diemen/enquete/u/kort')).statusCode).toBe(404);
  });

  it('the other members answer; the open link is answered too and reported apart; the report weighs, suppresses small cells and exports CSV', async () => {
    for (const [i, lid] of leden.entries()) {
      if (i === 10) continue; // one does not answer
      const pad = linkUit((await postvak(loket.database, lid.email))[0]?.tekst ?? '', 'enquete/u');
      const r = await verstuur(pad, { 'v-tevreden': i % 2 ? 'nee' : 'ja', ...(i % 2 ? { 'v-waarom': ['vol', 'laat'] } : {}), 'v-cijfer': String(5 + (i % 5)), 'v-schoon': String(1 + (i % 5)) });
      expect(r.statusCode).toBe(303);
    }
    for (let i = 0; i < 3; i++) expect((await verstuur(`/diemen/enquete/${enquete}`, { 'v-tevreden': 'nee', 'v-cijfer': '3' })).statusCode).toBe(303);
    expect((await haal(`/diemen/en/enquete/${enquete}`)).body).toContain('Anyone can fill in this questionnaire.');

    const stand = (await api(pc, 'GET', `/enquetes/${enquete}`)).json();
    expect(stand.respons).toEqual({ uitgenodigd: 12, beantwoord: 11, herinnerd: 0, open: 3 });

    const rapport = (await api(pc, 'GET', `/enquetes/${enquete}/rapport?uitsplitsing=wijk`)).json();
    expect(rapport.panel.respondenten).toBe(11);
    expect(rapport.panel.weging).toMatchObject({ status: 'gewogen', kenmerken: ['leeftijdsgroep', 'wijk'], geconvergeerd: true });
    const tevreden = rapport.panel.vragen[0];
    expect(tevreden).toMatchObject({ vraag: 'tevreden', n: 11 });
    expect(tevreden.antwoorden.map((a: { waarde: string; aantal: number }) => [a.waarde, a.aantal])).toEqual([['ja', 6], ['nee', 5]]);
    const som = tevreden.antwoorden.reduce((s: number, a: { gewogen: number }) => s + a.gewogen, 0);
    expect(som).toBeCloseTo(1, 10);
    expect(tevreden.nEff).toBeLessThan(11);
    expect(rapport.panel.vragen.find((v: { vraag: string }) => v.vraag === 'opmerking')).toMatchObject({ n: 1, antwoorden: [] });
    // Open link: apart, unweighted.
    expect(rapport.open.respondenten).toBe(3);
    expect(rapport.open.vragen[0].antwoorden.map((a: { waarde: string; aantal: number; gewogen: null }) => [a.waarde, a.aantal, a.gewogen])).toEqual([['ja', 0, null], ['nee', 3, null]]);
    // Wijk Centrum has 4 respondents (suppressed), so Noord (7) is suppressed too: otherwise it follows from the total.
    const perWijk = rapport.panel.uitsplitsing.vragen[0].groepen;
    expect(perWijk.map((g: { categorie: string; onderdrukt: boolean }) => [g.categorie, g.onderdrukt])).toEqual([['Centrum', true], ['Noord', true]]);

    const csv = await api(pc, 'GET', `/enquetes/${enquete}/rapport?uitsplitsing=leeftijdsgroep`, undefined, { accept: 'text/csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const regels = csv.body.trim().split('\r\n');
    expect(regels[0]).toBe('bron,groep,vraag,antwoord,aantal,n,n_eff,ongewogen,gewogen,interval_laag,interval_hoog');
    expect(regels.filter((r) => r.startsWith('open-link,,tevreden,'))).toHaveLength(2);
    expect(regels.some((r) => r.includes(',onderdrukt,'))).toBe(true);
    expect((await api(behandelaar, 'GET', `/enquetes/${enquete}/rapport`)).statusCode).toBe(403);
  });

  it('margins with an empty sample cell: the report says why it is not weighted, never a 5xx', async () => {
    await api(beheerder, 'PUT', '/panel-marges', { marges: [...MARGES, { kenmerk: 'opleiding', categorie: 'laag', aandeel: 0.3 }, { kenmerk: 'opleiding', categorie: 'middelbaar', aandeel: 0.4 }, { kenmerk: 'opleiding', categorie: 'hoog', aandeel: 0.3 }] });
    const r = await api(pc, 'GET', `/enquetes/${enquete}/rapport`);
    expect(r.statusCode).toBe(200);
    expect(r.json().panel.weging.status).toBe('niet-gewogen');
    expect(r.json().panel.weging.redenen).toEqual(['Geen respondenten in opleiding "laag": een lege cel kan niet gewogen worden. Voeg die categorie in de marges samen met een andere.']);
    expect(r.json().panel.vragen[0].antwoorden[0].gewogen).toBeNull();
    await api(beheerder, 'PUT', '/panel-marges', { marges: MARGES });
    expect((await api(pc, 'GET', `/enquetes/${enquete}/rapport?maxGewicht=1.5`)).json().panel.weging).toMatchObject({ status: 'gewogen', maxGewicht: 1.5 });
    expect((await api(pc, 'GET', `/enquetes/${enquete}/rapport?maxGewicht=0.5`)).statusCode).toBe(400);
    expect((await api(pc, 'GET', `/enquetes/00000000-0000-4000-8000-000000000000/rapport`)).statusCode).toBe(404);
  });

  it('reminders: once, after the term, to members who did not answer, with a new link; closed surveys take no answers', async () => {
    expect(await loket.services.enquetes.herinner(() => loket.services.gemeenten.lijst())).toBe(0);
    loket.klok.verder(5 * 86_400_000);
    pc = await logInAls(loket, 'pc@diemen.demo');
    expect(await loket.services.enquetes.herinner(() => loket.services.gemeenten.lijst())).toBe(1);
    expect(await loket.services.enquetes.herinner(() => loket.services.gemeenten.lijst())).toBe(0);
    const mails = await postvak(loket.database, 'lid10@example.nl');
    expect(mails.map((m) => m.onderwerp)).toEqual(['Nieuwe vragenlijst: Afval in uw buurt', 'Herinnering: Afval in uw buurt']);
    const eerste = linkUit(mails[0]?.tekst ?? '', 'enquete/u');
    expect(linkUit(mails[1]?.tekst ?? '', 'enquete/u')).not.toBe(eerste);

    await api(pc, 'PUT', `/enquetes/${enquete}/status`, { status: 'gesloten' });
    const laat = await verstuur(eerste, { 'v-tevreden': 'ja', 'v-cijfer': '7' });
    expect(laat.statusCode).toBe(409);
    expect(laat.body).toContain('Deze vragenlijst is gesloten');
    expect((await verstuur(`/diemen/enquete/${enquete}`, { 'v-tevreden': 'ja', 'v-cijfer': '7' })).statusCode).toBe(409);
  });

  it('leaving: the link in every mail erases the member and their links; their answers stay, anonymous', async () => {
    const mails = await postvak(loket.database, 'lid10@example.nl');
    const afmelden = linkUit(mails[1]?.tekst ?? '', 'inwonerspanel/afmelden');
    const enqueteLink = linkUit(mails[1]?.tekst ?? '', 'enquete/u');
    expect((await haal(afmelden)).body).toContain('Afmelden voor het inwonerspanel');
    const weg = await verstuur(afmelden, {});
    expect(weg.statusCode).toBe(200);
    expect(weg.body).toContain('U bent afgemeld');
    expect(await loket.database.db.selectFrom('panellid').selectAll().where('email', '=', 'lid10@example.nl').execute()).toEqual([]);
    expect((await haal(afmelden)).statusCode).toBe(404);
    expect((await haal(enqueteLink)).statusCode).toBe(404);
    // The invitation stays counted, without the member.
    expect((await api(pc, 'GET', `/enquetes/${enquete}`)).json().respons).toMatchObject({ uitgenodigd: 12, beantwoord: 11 });

    const fatima = await postvak(loket.database, 'Fatima@example.nl');
    await verstuur(linkUit(fatima[0]?.tekst ?? '', 'inwonerspanel/afmelden'), {});
    // Left: the ten others, each with the two links of their invitation (survey, leave).
    expect(await loket.database.db.selectFrom('panel_sleutel').selectAll().execute()).toHaveLength(2 * 10);
    expect(await loket.database.db.selectFrom('panellid').select('email').where('email', '=', 'Fatima@example.nl').execute()).toEqual([]);
    expect(await loket.database.db.selectFrom('enquete_respons').selectAll().where('bron', '=', 'panel').execute()).toHaveLength(11);
  });

  it('panel make-up next to the population; unconfirmed sign-ups erased after 7 days', async () => {
    const stand = (await api(pc, 'GET', '/inwonerspanel')).json();
    expect(stand).toMatchObject({ leden: 10, wachtOpBevestiging: 0 });
    expect(stand.perKenmerk.find((p: { kenmerk: string; categorie: string }) => p.kenmerk === 'wijk' && p.categorie === 'Centrum')).toMatchObject({ leden: 4, aandeelPanel: 0.4, aandeelBevolking: 0.6 });
    await verstuur('/diemen/inwonerspanel', { email: 'later@example.nl', leeftijdsgroep: '35-49', geslacht: 'man', wijk: 'Centrum', opleiding: 'laag', toestemming: 'ja' });
    expect((await api(pc, 'GET', '/inwonerspanel')).json().wachtOpBevestiging).toBe(1);
    loket.klok.verder(8 * 86_400_000);
    pc = await logInAls(loket, 'pc@diemen.demo');
    expect(await loket.services.enquetes.verwijderVerlopen()).toBe(1);
    expect((await api(pc, 'GET', '/inwonerspanel')).json().wachtOpBevestiging).toBe(0);
  });
});
