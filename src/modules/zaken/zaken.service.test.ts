import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { demoWie, laadDemo } from '../../../test/demo.ts';
import { cliContext } from '../audit/audit.service.ts';
import { nieuweVolgcode, volgcodeHash, type Wie } from './zaken.service.ts';

let loket: TestLoket;
let bo: Wie;
let kcc: Wie;

beforeAll(async () => {
  // Monday 2 March 2026.
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  bo = await demoWie(loket, 'behandelaar@diemen.demo');
  kcc = await demoWie(loket, 'kcc@duoplus.demo');
});
afterAll(async () => loket.close());
// Tests move the clock by days and years; each starts on Monday 2 March (the service needs no login).
beforeEach(() => loket.klok.zet('2026-03-02T09:00:00Z'));

const zaken = () => loket.services.zaken;

describe('volgcode', () => {
  it('has at least 128 random bits and is stored only as its hash', async () => {
    const codes = new Set(Array.from({ length: 1000 }, () => nieuweVolgcode()));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{32}$/);
    const { zaak, volgcode } = await zaken().registreer(kcc, 'GM0384', { zaaktype: 'e-mailvraag', onderwerp: 'Vraag', kanaal: 'web', ontvangstdatum: '2026-03-02' });
    const rij = await loket.database.db.selectFrom('zaak').selectAll().where('id', '=', zaak.id).executeTakeFirstOrThrow();
    expect(rij.volgcode_hash).toBe(volgcodeHash(volgcode));
    expect(JSON.stringify(rij)).not.toContain(volgcode);
  });
});

describe('nieuwe reactie van de inwoner', () => {
  it('marks a reply as new in the queue and on the zaak until staff act on it; an assignment does not count', async () => {
    const { zaak, volgcode } = await zaken().registreer(kcc, 'GM0384', { zaaktype: 'klacht', onderwerp: 'Reactie nog niet gezien', kanaal: 'web', ontvangstdatum: '2026-03-02' });
    const inwoner = { soort: 'inwoner' as const, context: cliContext(), volgcode };
    const nieuw = async () => (await zaken().werkvoorraad(bo, 'GM0384', { open: true, reactie: 'nieuw', pageSize: 100 })).items.map((z) => z.id);
    expect(await nieuw()).not.toContain(zaak.id);
    await zaken().reactieVanInwoner(inwoner, 'GM0384', { tekst: 'Wanneer hoor ik iets?' });
    const binnen = loket.klok.nu().toISOString();
    loket.klok.verder(60_000);
    await zaken().reactieVanInwoner(inwoner, 'GM0384', { tekst: 'En nog iets.' });
    expect(await nieuw()).toContain(zaak.id);
    let z = await zaken().detail(bo, 'GM0384', zaak.id);
    expect(z.nieuweReactieOp).toBe(binnen);
    z = await zaken().wijsToe(bo, 'GM0384', zaak.id, z.versie, { behandelaar: 'ik' });
    expect(z.nieuweReactieOp).toBe(binnen);
    expect(await nieuw()).toContain(zaak.id);
    z = await zaken().voegNotitieToe(bo, 'GM0384', zaak.id, z.versie, { tekst: 'Inwoner gebeld.', extern: false });
    expect(z.nieuweReactieOp).toBeNull();
    expect(await nieuw()).not.toContain(zaak.id);
    const rij = await loket.database.db.selectFrom('zaak').select('nieuwe_reactie_op').where('id', '=', zaak.id).executeTakeFirstOrThrow();
    expect(rij.nieuwe_reactie_op).toBeNull();
  });
});

describe('termijnbewaking', () => {
  it('lists open, running zaken due within n werkdagen or overdue, with the behandelaar’s address', async () => {
    const { zaak } = await zaken().registreer(bo, 'GM0384', { zaaktype: 'e-mailvraag', onderwerp: 'Snel antwoord', kanaal: 'e-mail', ontvangstdatum: '2026-02-23', behandelaar: 'ik' });
    expect(zaak.uiterlijkeEinddatum).toBe('2026-03-02');
    const { zaak: later } = await zaken().registreer(bo, 'GM0384', { zaaktype: 'klacht', onderwerp: 'Later', kanaal: 'post', ontvangstdatum: '2026-03-02' });
    const vandaag = await zaken().openZakenMetTermijn('GM0384', { werkdagen: 0 });
    expect(vandaag.map((z) => z.id)).toContain(zaak.id);
    expect(vandaag.map((z) => z.id)).not.toContain(later.id);
    expect(vandaag.find((z) => z.id === zaak.id)).toMatchObject({ termijnband: 'vandaag', behandelaarEmail: 'behandelaar@diemen.demo' });
    loket.klok.verder(3 * 24 * 3600 * 1000);
    const telaat = await zaken().openZakenMetTermijn('GM0384', { werkdagen: 2 });
    expect(telaat.find((z) => z.id === zaak.id)?.termijnband).toBe('teLaat');
    expect(telaat.map((z) => z.id)).not.toContain(later.id);
    const alle = await zaken().openZakenMetTermijn('GM0384', { werkdagen: 40 });
    expect(alle.map((z) => z.id)).toContain(later.id);
    const eerstePagina = await zaken().openZakenMetTermijn('GM0384', { werkdagen: 40, limit: 1 });
    const laatste = eerstePagina.at(-1);
    const tweede = await zaken().openZakenMetTermijn('GM0384', { werkdagen: 40, limit: 100, na: laatste ? { einddatum: laatste.uiterlijkeEinddatum, id: laatste.id } : undefined });
    expect([...eerstePagina, ...tweede].map((z) => z.id)).toEqual(alle.map((z) => z.id));
  });
});

describe('werkvoorraad en opschorting', () => {
  it('puts a suspended zaak in no deadline band, however old its stored deadline (issue 10)', async () => {
    const admin = await demoWie(loket, 'beheerder@duoplus.demo');
    loket.klok.zet('2026-04-01T09:00:00Z');
    const team = (await zaken().overzicht('GM0384')).teams.find((t) => t.team.naam === 'Openbare ruimte');
    // Both received on 2 March with a norm of 10 werkdagen: due 16 March, so overdue on 1 April.
    const { zaak: lopend } = await zaken().registreer(admin, 'GM0384', { zaaktype: 'melding-openbare-ruimte', onderwerp: 'Loopt door', kanaal: 'app', ontvangstdatum: '2026-03-02' });
    const { zaak: stil } = await zaken().registreer(admin, 'GM0384', { zaaktype: 'melding-openbare-ruimte', onderwerp: 'Staat stil', kanaal: 'app', ontvangstdatum: '2026-03-02' });
    const opgeschort = await zaken().schortOp(admin, 'GM0384', stil.id, stil.versie, { reden: 'Foto nodig' });
    // The stored deadline moved one werkdag for today's suspension, and is still in the past.
    expect(opgeschort.uiterlijkeEinddatum < '2026-04-01').toBe(true);
    expect(opgeschort).toMatchObject({ opgeschort: true, termijnband: null });

    const teamId = team?.team.id ?? '';
    const rij = async (id: string, filter: { termijn?: 'teLaat' | 'later' } = {}) =>
      (await zaken().werkvoorraad(admin, 'GM0384', { open: true, team: teamId, pageSize: 100, ...filter })).items.find((z) => z.id === id);
    expect(await rij(lopend.id)).toMatchObject({ termijnband: 'teLaat', opgeschort: false });
    expect(await rij(stil.id)).toMatchObject({ termijnband: null, opgeschort: true });
    expect(await rij(lopend.id, { termijn: 'teLaat' })).toBeDefined();
    expect(await rij(stil.id, { termijn: 'teLaat' })).toBeUndefined();
    expect(await rij(stil.id, { termijn: 'later' })).toBeUndefined();

    const na = (await zaken().overzicht('GM0384')).teams.find((t) => t.team.naam === 'Openbare ruimte');
    expect({ teLaat: (na?.teLaat ?? 0) - (team?.teLaat ?? 0), opgeschort: (na?.opgeschort ?? 0) - (team?.opgeschort ?? 0) }).toEqual({ teLaat: 1, opgeschort: 1 });
  });
});

describe('bewaartermijn van contactgegevens', () => {
  it('erases e-mail, telephone and the BSN key (ADR 0077) one year after closing, not before, and only in that gemeente', async () => {
    loket.klok.zet('2026-03-05T09:00:00Z');
    const { zaak } = await zaken().registreer(bo, 'GM0384', {
      zaaktype: 'e-mailvraag',
      onderwerp: 'Oude vraag',
      kanaal: 'e-mail',
      ontvangstdatum: '2026-03-05',
      behandelaar: 'ik',
      betrokkene: { naam: 'Kim', email: 'kim@example.nl', telefoon: '0612345678', taal: 'nl' },
      bsnSleutel: 'a'.repeat(64),
    });
    const beantwoord = zaak.zaaktypeVersie.resultaattypen.find((r) => r.naam === 'Beantwoord');
    await zaken().sluitAf(bo, 'GM0384', zaak.id, zaak.versie, { resultaattype: beantwoord?.id ?? '' });
    const contact = () => loket.database.db.selectFrom('betrokkene').select(['naam', 'email', 'telefoon', 'bsn_sleutel']).where('zaak_id', '=', zaak.id).executeTakeFirstOrThrow();
    loket.klok.verder(360 * 24 * 3600 * 1000);
    expect(await zaken().ruimContactgegevensOp(cliContext(), 'GM0384')).toBe(0);
    expect(await contact()).toMatchObject({ email: 'kim@example.nl', bsn_sleutel: 'a'.repeat(64) });
    loket.klok.verder(10 * 24 * 3600 * 1000);
    expect(await zaken().ruimContactgegevensOp(cliContext(), 'GM0437')).toBe(0);
    expect(await zaken().ruimContactgegevensOp(cliContext(), 'GM0384')).toBe(1);
    expect(await contact()).toEqual({ naam: 'Kim', email: null, telefoon: null, bsn_sleutel: null });
  });
});
