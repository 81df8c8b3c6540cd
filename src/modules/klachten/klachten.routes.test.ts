import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { leesPdf } from '../../../test/pdf.ts';
import { klachtenKpis } from './klachten.kpi.ts';

let loket: TestLoket;
let tim: Ingelogd;
let kcc: Ingelogd;
let teams: Map<string, string>;
const api = '/api/v1/gemeenten/GM0384';

beforeAll(async () => {
  // Monday 2 March 2026.
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  tim = await logInAls(loket, 'teamleider@diemen.demo');
  kcc = await logInAls(loket, 'kcc@duoplus.demo');
  const rijen = await loket.database.db.selectFrom('team').select(['id', 'naam']).where('gemeente', '=', 'GM0384').execute();
  teams = new Map(rijen.map((t) => [t.naam, t.id]));
});
afterAll(async () => {
  await loket.close();
});

const team = (naam: string) => teams.get(naam) ?? '';

async function nieuweKlacht(extra: Record<string, unknown> = {}) {
  const res = await loket.app.inject({
    method: 'POST',
    url: `${api}/klachten`,
    headers: tim.headers,
    payload: {
      onderwerp: 'Onvriendelijk te woord gestaan',
      omschrijving: 'Aan de balie werd ik afgesnauwd toen ik naar mijn vergunning vroeg.',
      kanaal: 'post',
      ontvangstdatum: '2026-03-02',
      categorie: 'bejegening',
      team: team('Vergunningen'),
      klager: { naam: 'Jan Jansen', email: 'jan@example.nl', taal: 'nl' },
      ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; identificatie: string };
}

const klacht = async (id: string) => {
  const res = await loket.app.inject({ method: 'GET', url: `${api}/klachten/${id}`, headers: tim.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

const stap = (id: string, versie: number, payload: Record<string, unknown>, sessie: Ingelogd = tim) =>
  loket.app.inject({ method: 'POST', url: `${api}/klachten/${id}/stappen`, headers: { ...sessie.headers, 'if-match': `"${versie}"` }, payload });

/** The text of a letter kept with the zaak, read back as a resident's PDF reader would. */
async function brief(zaakId: string, documentId: string): Promise<string> {
  const res = await loket.app.inject({ method: 'GET', url: `${api}/zaken/${zaakId}/documenten/${documentId}`, headers: tim.headers });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  const pdf = leesPdf(res.rawPayload);
  expect(pdf.info).toMatch(/Tagged:\s+yes/);
  return pdf.tekst.replace(/\s+/g, ' ');
}

describe('klachten', () => {
  it('registers a klacht as a zaak of type klacht and confirms receipt in writing with the expected date and the contact person (9:6)', async () => {
    const { id, identificatie } = await nieuweKlacht();
    const k = await klacht(id);
    expect(k).toMatchObject({ identificatie, categorie: 'bejegening', teamNaam: 'Vergunningen', ontvangen: '2026-03-02', afhandeltermijnEinde: '2026-04-13', nietBehandelenUiterlijk: '2026-03-30', informeelContactUiterlijk: '2026-03-04', uitkomst: null });
    expect(k.termijnen.uitleg.map((u: { artikel: string }) => u.artikel)).toEqual(['Awb 9:8 lid 2', 'Awb 9:11']);
    expect(k.stappen).toMatchObject([{ soort: 'ontvangen', doorNaam: 'Tim Teamleider' }]);
    expect(k.brieven).toHaveLength(1);
    const tekst = await brief(id, k.brieven[0].id);
    for (const verwacht of ['Gemeente Diemen', 'Wij hebben uw klacht ontvangen', `Uw zaaknummer: ${identificatie}`, 'Beste Jan Jansen,', 'Op 2 maart 2026 kregen wij uw klacht', 'binnen 2 werkdagen', 'Uw contactpersoon is Tim Teamleider (Juridische zaken).', 'uiterlijk op 13 april 2026']) {
      expect(tekst).toContain(verwacht);
    }
    const zaak = (await loket.app.inject({ method: 'GET', url: `${api}/zaken/${id}`, headers: tim.headers })).json();
    expect(zaak).toMatchObject({ zaaktype: { code: 'klacht' }, uiterlijkeEinddatum: '2026-04-13' });
    expect(zaak.documenten[0]).toMatchObject({ extern: true, bestandsnaam: `ontvangstbevestiging-${identificatie}.pdf` });
  });

  it('closes a klacht as informally resolved only with the consent recorded (9:5); the letter names the ombudsman', async () => {
    const { id } = await nieuweKlacht({ klager: { naam: 'Anna de Vries', taal: 'en' } });
    let k = await klacht(id);
    const contact = await stap(id, k.versie, { soort: 'contact', datum: '2026-03-02', verslag: 'Gebeld; excuses aangeboden, mevrouw is tevreden.' });
    expect(contact.statusCode, contact.body).toBe(200);
    k = contact.json();
    expect(k.eersteContact).toBe('2026-03-02');

    const zonder = await stap(id, k.versie, { soort: 'besluit', uitkomst: 'informeel-opgelost', bevindingen: 'Excuses aangeboden.' });
    expect(zonder.statusCode).toBe(400);
    expect(zonder.headers['content-type']).toContain('application/problem+json');
    expect(zonder.json().invalidParams).toEqual([expect.objectContaining({ name: 'instemming', code: 'instemming-ontbreekt' })]);
    expect(await klacht(id)).toMatchObject({ versie: k.versie, uitkomst: null, stappen: k.stappen });

    const opgelost = await stap(id, k.versie, { soort: 'besluit', uitkomst: 'informeel-opgelost', bevindingen: 'We apologised on the phone.', instemming: { datum: '2026-03-02', wijze: 'mondeling' } });
    expect(opgelost.statusCode, opgelost.body).toBe(200);
    k = opgelost.json();
    expect(k).toMatchObject({ uitkomst: 'informeel-opgelost', afgehandeldOp: '2026-03-02', binnenTermijn: true });
    const zaak = (await loket.app.inject({ method: 'GET', url: `${api}/zaken/${id}`, headers: tim.headers })).json();
    expect(zaak.resultaat).toMatchObject({ naam: 'Naar tevredenheid opgelost' });
    const tekst = await brief(id, k.brieven.at(-1).id);
    for (const verwacht of ['Our conclusion about your complaint', 'We solved your complaint together with you.', 'On 2 March 2026 you told us that you are happy with the solution', 'Nationale ombudsman', 'https://www.nationaleombudsman.nl']) {
      expect(tekst).toContain(verwacht);
    }
    const nogmaals = await stap(id, k.versie, { soort: 'contact', datum: '2026-03-02', verslag: 'Nog eens.' });
    expect(nogmaals.statusCode).toBe(409);
  });

  it('postpones by at most four weeks with a letter to both, longer only with written consent; decides after the hearing with measures', async () => {
    const { id, identificatie } = await nieuweKlacht({ beklaagde: 'Medewerker balie vergunningen', categorie: 'informatie' });
    let k = await klacht(id);

    const teLang = await stap(id, k.versie, { soort: 'verdaging', weken: 5, reden: 'Wij wachten op informatie.' });
    expect(teLang.statusCode).toBe(400);
    expect(teLang.json().invalidParams).toEqual([expect.objectContaining({ name: 'weken', code: 'verdaging-te-lang' })]);

    const verdaagd = await stap(id, k.versie, { soort: 'verdaging', weken: 3, reden: 'Wij wachten op informatie van de balie.' });
    expect(verdaagd.statusCode, verdaagd.body).toBe(200);
    k = verdaagd.json();
    expect(k).toMatchObject({ verdagingWeken: 3, afhandeltermijnEinde: '2026-05-04' });
    expect(k.brieven).toHaveLength(3);
    const aanKlager = await brief(id, k.brieven[1].id);
    expect(aanKlager).toContain('Wij stellen de beslissing 3 weken uit. U krijgt uiterlijk op 4 mei 2026 onze conclusie.');
    const aanBeklaagde = await brief(id, k.brieven[2].id);
    expect(aanBeklaagde).toContain('Beste Medewerker balie vergunningen,');
    expect(aanBeklaagde).toContain('U krijgt deze brief omdat de klacht over u gaat.');
    const zaak = (await loket.app.inject({ method: 'GET', url: `${api}/zaken/${id}`, headers: tim.headers })).json();
    expect(zaak.uiterlijkeEinddatum).toBe('2026-05-04');
    expect(zaak.documenten.map((d: { extern: boolean }) => d.extern)).toEqual([true, true, false]);

    const nogTweeWeken = await stap(id, k.versie, { soort: 'verdaging', weken: 2, reden: 'Nog langer.' });
    expect(nogTweeWeken.statusCode).toBe(400);
    expect(nogTweeWeken.json().invalidParams[0].reason).toContain('al 3 weken verdaagd');
    const zonderInstemming = await stap(id, k.versie, { soort: 'uitstel', weken: 2, reden: 'Nog langer.', instemming: { datum: '2026-03-02', schriftelijk: false } });
    expect(zonderInstemming.statusCode).toBe(400);
    expect(await klacht(id)).toMatchObject({ versie: k.versie, verdagingWeken: 3, uitstelWeken: 0 });

    const uitstel = await stap(id, k.versie, { soort: 'uitstel', weken: 2, reden: 'De klager wil eerst op vakantie.', instemming: { datum: '2026-03-02', schriftelijk: true } });
    expect(uitstel.statusCode, uitstel.body).toBe(200);
    k = uitstel.json();
    expect(k).toMatchObject({ uitstelWeken: 2, afhandeltermijnEinde: '2026-05-18' });

    const zonderUitkomst = await stap(id, k.versie, { soort: 'besluit', bevindingen: 'Onderzocht.' });
    expect(zonderUitkomst.statusCode).toBe(400);
    expect(zonderUitkomst.json().invalidParams.map((p: { name: string }) => p.name)).toContain('uitkomst');
    const ongehoord = await stap(id, k.versie, { soort: 'besluit', uitkomst: 'gegrond', bevindingen: 'Onderzocht.' });
    expect(ongehoord.statusCode).toBe(400);
    expect(ongehoord.json().invalidParams).toEqual([expect.objectContaining({ code: 'niet-gehoord' })]);
    const verslagZonderZitting = await stap(id, k.versie, { soort: 'hoorverslag', verslag: 'Gehoord.' });
    expect(verslagZonderZitting.statusCode).toBe(400);
    expect(await klacht(id)).toMatchObject({ versie: k.versie, uitkomst: null, horen: null });

    k = (await stap(id, k.versie, { soort: 'hoorzitting', op: '2026-03-10T14:00:00+01:00', locatie: 'Raadhuis, kamer 2', genodigden: ['Jan Jansen', 'Medewerker balie vergunningen'] })).json();
    expect(k).toMatchObject({ horen: 'gepland', hoorzittingOp: '2026-03-10T13:00:00.000Z' });
    const wachtrij = (await loket.app.inject({ method: 'GET', url: `${api}/klachten`, headers: tim.headers })).json();
    expect(wachtrij.items.find((w: { zaakId: string }) => w.zaakId === id)).toMatchObject({ hoorzittingGepland: true, dezeWeek: false, risico: false });
    k = (await stap(id, k.versie, { soort: 'hoorverslag', verslag: 'Klager en medewerker gehoord; de informatie over de leges was onjuist.' })).json();
    expect(k.horen).toBe('gehoord');

    const besluit = await stap(id, k.versie, {
      soort: 'besluit',
      uitkomst: 'deels-gegrond',
      bevindingen: 'De informatie over de leges was onjuist. De toon was zakelijk, niet onvriendelijk.',
      maatregelen: 'Wij passen de tekst over leges op de website aan.',
      verbetermaatregelen: [{ omschrijving: 'Tekst over leges op de website herschrijven in B1', team: team('Vergunningen'), uiterlijk: '2026-04-30' }],
    });
    expect(besluit.statusCode, besluit.body).toBe(200);
    k = besluit.json();
    expect(k).toMatchObject({ uitkomst: 'deels-gegrond', binnenTermijn: true, maatregelen: [{ status: 'open', teamNaam: 'Vergunningen', uiterlijk: '2026-04-30', identificatie }] });
    const tekst = await brief(id, k.brieven.at(-1).id);
    for (const verwacht of ['Onze conclusie over uw klacht', 'uw klacht is voor een deel gegrond', 'Wij hebben met u en met de betrokken medewerker gesproken.', 'Wat wij hebben gevonden: De informatie over de leges was onjuist.', 'Wat wij gaan doen: Wij passen de tekst', 'naar de Nationale ombudsman']) {
      expect(tekst).toContain(verwacht);
    }

    const open = await loket.app.inject({ method: 'GET', url: `${api}/klacht-maatregelen?status=open&team=${team('Vergunningen')}`, headers: tim.headers });
    expect(open.json().items.map((m: { zaakId: string }) => m.zaakId)).toContain(id);
    const maatregel = k.maatregelen[0].id;
    const klaar = await loket.app.inject({ method: 'PATCH', url: `${api}/klacht-maatregelen/${maatregel}`, headers: tim.headers, payload: { status: 'uitgevoerd' } });
    expect(klaar.statusCode, klaar.body).toBe(200);
    expect(klaar.json()).toMatchObject({ status: 'uitgevoerd' });
    expect((await klacht(id)).stappen.at(-1)).toMatchObject({ soort: 'maatregel', gegevens: { maatregel, van: 'open', naar: 'uitgevoerd' } });
  });

  it('tells the complainant in writing why a klacht is not handled (9:8) and closes it', async () => {
    const { id } = await nieuweKlacht({ gedragingDatum: '2024-11-01', categorie: 'termijn' });
    const k = await klacht(id);
    const res = await stap(id, k.versie, { soort: 'niet-behandelen', grond: 'ouder-dan-een-jaar', toelichting: 'Wat u beschrijft, gebeurde in november 2024.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ uitkomst: 'niet-behandeld', binnenTermijn: true });
    const tekst = await brief(id, res.json().brieven.at(-1).id);
    expect(tekst).toContain('Wij behandelen uw klacht niet');
    expect(tekst).toContain('wat er gebeurde, is meer dan een jaar geleden (artikel 9:8 lid 1b Awb).');
  });

  it('refuses a stale version, unknown teams and callers without the right, changing nothing', async () => {
    const { id } = await nieuweKlacht();
    const k = await klacht(id);
    expect((await stap(id, k.versie + 1, { soort: 'contact', datum: '2026-03-02', verslag: 'Gebeld.' })).statusCode).toBe(412);
    expect((await stap(id, k.versie, { soort: 'contact', datum: '2026-03-02', verslag: 'Gebeld.' }, kcc)).statusCode).toBe(403);
    const fout = await loket.app.inject({
      method: 'POST',
      url: `${api}/klachten`,
      headers: tim.headers,
      payload: { onderwerp: 'x', omschrijving: 'y', kanaal: 'post', ontvangstdatum: '2026-03-01', categorie: 'bejegening', team: '00000000-0000-4000-8000-000000000000', gedragingDatum: '2026-03-02', klager: { naam: 'Jan', taal: 'nl' } },
    });
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['gedragingDatum', 'team']);
    expect(await klacht(id)).toMatchObject({ versie: k.versie, stappen: k.stappen });
  });

  it('keeps the address of a klager who gave one (a letter carries it), so the KCC finds the klacht by postcode and huisnummer', async () => {
    const { id, identificatie } = await nieuweKlacht({ klager: { naam: 'Els Brief', taal: 'nl', adres: { postcode: '1113 xk', huisnummer: '14', huisnummerToevoeging: 'b' } } });
    const zaak = (await loket.app.inject({ method: 'GET', url: `${api}/zaken/${id}`, headers: tim.headers })).json();
    expect(zaak.betrokkene.adres).toEqual({ postcode: '1113XK', huisnummer: 14, huisnummerToevoeging: 'B' });
    const zoek = async (query: string) => {
      const res = await loket.app.inject({ method: 'GET', url: `${api}/klantcontacten/zoek-zaken?${query}`, headers: kcc.headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((z: { identificatie: string }) => z.identificatie);
    };
    expect(await zoek('postcode=1113XK&huisnummer=14')).toContain(identificatie);
    expect(await zoek('postcode=1113XK&huisnummer=14&huisnummerToevoeging=A')).not.toContain(identificatie);

    // Without an address nothing changes; a wrong one is refused with every error at once, nothing stored.
    const zonder = await nieuweKlacht();
    expect((await loket.app.inject({ method: 'GET', url: `${api}/zaken/${zonder.id}`, headers: tim.headers })).json().betrokkene.adres).toBeNull();
    const voor = await loket.database.db.selectFrom('zaak').select((eb) => eb.fn.countAll<string>().as('n')).where('gemeente', '=', 'GM0384').executeTakeFirstOrThrow();
    const fout = await loket.app.inject({
      method: 'POST',
      url: `${api}/klachten`,
      headers: tim.headers,
      payload: { onderwerp: 'x', omschrijving: 'y', kanaal: 'post', ontvangstdatum: '2026-03-02', categorie: 'bejegening', team: team('Vergunningen'), klager: { naam: 'Jan', taal: 'nl', adres: { postcode: '0111 A', huisnummer: 0 } } },
    });
    expect(fout.statusCode).toBe(400);
    expect(fout.headers['content-type']).toContain('application/problem+json');
    expect(fout.json().invalidParams.map((p: { name: string; reason: string }) => [p.name, p.reason]).toSorted()).toEqual([
      ['klager.adres.huisnummer', 'Een huisnummer is 1 of hoger.'],
      ['klager.adres.postcode', 'Geef een postcode als 1111 AA: vier cijfers en twee letters.'],
    ]);
    // A house number without its postcode: the same plain sentence, not a type error.
    const zonderPostcode = await loket.app.inject({
      method: 'POST',
      url: `${api}/klachten`,
      headers: tim.headers,
      payload: { onderwerp: 'x', omschrijving: 'y', kanaal: 'post', ontvangstdatum: '2026-03-02', categorie: 'bejegening', team: team('Vergunningen'), klager: { naam: 'Jan', taal: 'nl', adres: { huisnummer: 12 } } },
    });
    expect(zonderPostcode.statusCode).toBe(400);
    expect(zonderPostcode.json().invalidParams.map((p: { name: string; reason: string }) => [p.name, p.reason])).toEqual([['klager.adres.postcode', 'Geef een postcode als 1111 AA: vier cijfers en twee letters.']]);
    expect(await loket.database.db.selectFrom('zaak').select((eb) => eb.fn.countAll<string>().as('n')).where('gemeente', '=', 'GM0384').executeTakeFirstOrThrow()).toEqual(voor);
  });

  it('counts the year in the staff register without names, and publishes it without JavaScript hiding a small team and the count that would give it away', async () => {
    // Ouder-Amstel, where no other test files klachten: five about one team, one about another.
    const bea = await logInAls(loket, 'beheerder@duoplus.demo');
    const oa = '/api/v1/gemeenten/GM0437';
    const oaTeams = new Map((await loket.database.db.selectFrom('team').select(['id', 'naam']).where('gemeente', '=', 'GM0437').execute()).map((t) => [t.naam, t.id]));
    const ids: string[] = [];
    for (const teamNaam of ['Vergunningen', 'Vergunningen', 'Vergunningen', 'Vergunningen', 'Vergunningen', 'Sociaal domein']) {
      const res = await loket.app.inject({
        method: 'POST',
        url: `${oa}/klachten`,
        headers: bea.headers,
        payload: { onderwerp: 'Lang gewacht', omschrijving: 'Niemand belde terug.', kanaal: 'web', ontvangstdatum: '2026-03-02', categorie: 'termijn', team: oaTeams.get(teamNaam), klager: { naam: 'Piet Pieters', taal: 'nl' } },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    const versie = async (id: string) => (await loket.app.inject({ method: 'GET', url: `${oa}/klachten/${id}`, headers: bea.headers })).json().versie;
    const stapOa = async (id: string, payload: Record<string, unknown>) => {
      const res = await loket.app.inject({ method: 'POST', url: `${oa}/klachten/${id}/stappen`, headers: { ...bea.headers, 'if-match': `"${await versie(id)}"` }, payload });
      expect(res.statusCode, res.body).toBe(200);
    };
    await stapOa(ids[0] ?? '', { soort: 'besluit', uitkomst: 'informeel-opgelost', bevindingen: 'Teruggebeld.', instemming: { datum: '2026-03-02', wijze: 'e-mail' } });
    await stapOa(ids[1] ?? '', { soort: 'niet-behandelen', grond: 'eerder-behandeld', toelichting: 'Dezelfde klacht als vorige maand.' });

    const res = await loket.app.inject({ method: 'GET', url: `${oa}/klachtenregisters/2026`, headers: bea.headers });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ jaar: 2026, totaal: 6, afgehandeld: 2, teamsVerborgen: false, perTeam: [{ team: 'Sociaal domein', aantal: 1 }, { team: 'Vergunningen', aantal: 5 }], maatregelen: 0 });
    expect(r.perCategorie).toContainEqual({ categorie: 'termijn', aantal: 6 });
    expect(r.uitkomsten).toContainEqual({ uitkomst: 'open', aantal: 4 });
    expect(r.informeelOpgelost).toEqual({ aantal: 1, percentage: 50 });
    expect(r.binnenTermijn).toEqual({ aantal: 2, percentage: 100 });
    expect(res.body).not.toContain('Pieters');

    const nl = await loket.app.inject({ method: 'GET', url: '/ouder-amstel/klachten/2026' });
    expect(nl.statusCode).toBe(200);
    expect(nl.headers['content-type']).toContain('text/html');
    expect(nl.body).not.toContain('<script');
    expect(nl.body).toContain('In 2026 kregen wij 6 klachten.');
    expect(nl.body.match(/Minder dan 5, of verborgen/g)).toHaveLength(2);
    expect(nl.body).not.toContain('Pieters');
    const en = await loket.app.inject({ method: 'GET', url: '/ouder-amstel/en/klachten/2026' });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('In 2026 we received 6 complaints.');
    expect(en.body).toContain('<html lang="en"');

    const json = await loket.app.inject({ method: 'GET', url: '/ouder-amstel/klachten/2026.json' });
    expect(json.headers['content-type']).toContain('application/json');
    expect(json.json()).toMatchObject({ gemeente: { code: 'GM0437' }, totaal: 6, teamsVerborgen: true, perTeam: [{ team: 'Sociaal domein', aantal: null }, { team: 'Vergunningen', aantal: null }] });
    const csv = await loket.app.inject({ method: 'GET', url: '/ouder-amstel/klachten/2026.csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('2026,team,Sociaal domein,,');
    expect(csv.body).toContain('2026,totaal,,6,');
    expect((await loket.app.inject({ method: 'GET', url: '/ouder-amstel/klachten/twintig' })).statusCode).toBe(404);
    expect((await loket.app.inject({ method: 'GET', url: '/ouder-amstel/en/klachten/2026.csv' })).statusCode).toBe(404);
  });

  it('measures the share handled within the legal term, resolved informally and gegrond in the KPI register', async () => {
    // Uithoorn, where no other test files klachten.
    const bea = await logInAls(loket, 'beheerder@duoplus.demo');
    const uh = '/api/v1/gemeenten/GM0451';
    const uhTeam = (await loket.database.db.selectFrom('team').select('id').where('gemeente', '=', 'GM0451').where('naam', '=', 'Vergunningen').executeTakeFirstOrThrow()).id;
    const stappen: Record<string, unknown>[][] = [
      [{ soort: 'besluit', uitkomst: 'informeel-opgelost', bevindingen: 'Opgelost.', instemming: { datum: '2026-03-02', wijze: 'schriftelijk' } }],
      [{ soort: 'horen-overslaan', grond: 'klager-ziet-af', toelichting: 'Wil niet gehoord worden.' }, { soort: 'besluit', uitkomst: 'gegrond', bevindingen: 'Klopt.' }],
      [{ soort: 'horen-overslaan', grond: 'kennelijk-ongegrond', toelichting: 'Geen gedraging van de gemeente.' }, { soort: 'besluit', uitkomst: 'ongegrond', bevindingen: 'Klopt niet.' }],
      [],
    ];
    for (const reeks of stappen) {
      const res = await loket.app.inject({
        method: 'POST',
        url: `${uh}/klachten`,
        headers: bea.headers,
        payload: { onderwerp: 'Klacht', omschrijving: 'Iets ging mis.', kanaal: 'telefoon', ontvangstdatum: '2026-03-02', categorie: 'dienstverlening', team: uhTeam, klager: { naam: 'Kees', taal: 'nl' } },
      });
      expect(res.statusCode, res.body).toBe(201);
      for (const payload of reeks) {
        const versie = (await loket.app.inject({ method: 'GET', url: `${uh}/klachten/${res.json().id}`, headers: bea.headers })).json().versie;
        const gezet = await loket.app.inject({ method: 'POST', url: `${uh}/klachten/${res.json().id}/stappen`, headers: { ...bea.headers, 'if-match': `"${versie}"` }, payload });
        expect(gezet.statusCode, gezet.body).toBe(200);
      }
    }
    const vraag = { gemeente: 'GM0451', van: '2026-03-01', tot: '2026-03-31', vandaag: '2026-03-02', sluitingsdagen: new Map<string, string>() };
    const [binnen, informeel, gegrond] = await Promise.all(klachtenKpis(loket.database.db).map((m) => m.bereken(vraag)));
    expect(binnen).toEqual([{ groep: null, status: 'bekend', waarde: 100, teller: 3, noemer: 3 }]);
    expect(informeel).toEqual([{ groep: null, status: 'bekend', waarde: 33.3, teller: 1, noemer: 3 }]);
    expect(gegrond).toEqual([{ groep: null, status: 'bekend', waarde: 50, teller: 1, noemer: 2 }]);
    // The drill-down (ADR 0082) lists the same klachten: as many rows as noemer, the teller's flagged.
    const lijsten = await Promise.all(klachtenKpis(loket.database.db).map((m) => m.zaken?.(vraag, { gebruiker: null, alles: true })));
    expect(lijsten.map((l) => [l?.filter((z) => z.teller).length, l?.length])).toEqual([
      [3, 3],
      [1, 3],
      [1, 2],
    ]);
    const leeg = await klachtenKpis(loket.database.db)[0]?.bereken({ ...vraag, van: '2026-04-01', tot: '2026-04-30' });
    expect(leeg).toEqual([{ groep: null, status: 'niet-bekend', reden: 'Er zijn in deze periode geen klachten afgehandeld.', noemer: 0 }]);
  });
});
