import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo } from '../../../test/demo.ts';
import { cliContext } from '../audit/audit.service.ts';
import { nieuweVolgcode, volgcodeHash, type Wie } from './zaken.service.ts';

let loket: TestLoket;
let bo: Wie;
let kcc: Wie;

beforeAll(async () => {
  // Monday 2 March 2026.
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  const id = async (email: string) => (await loket.services.gebruikers.opEmail('GM0384', email)).id;
  bo = { context: cliContext(), gebruiker: await id('behandelaar@diemen.demo'), naam: 'Bo Behandelaar', rollen: ['behandelaar'] };
  kcc = { context: cliContext(), gebruiker: await id('kcc@duoplus.demo'), naam: 'Kees van het KCC', rollen: ['kcc-medewerker'] };
});
afterAll(async () => loket.close());

const zaken = () => loket.services.zaken;

describe('volgcode', () => {
  it('has at least 128 random bits and is stored only as its hash', async () => {
    const codes = new Set(Array.from({ length: 1000 }, () => nieuweVolgcode()));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{32}$/);
    const { zaak, volgcode } = await zaken().maak(kcc, 'GM0384', { zaaktype: 'e-mailvraag', onderwerp: 'Vraag', kanaal: 'web', ontvangstdatum: '2026-03-02' });
    const rij = await loket.database.db.selectFrom('zaak').selectAll().where('id', '=', zaak.id).executeTakeFirstOrThrow();
    expect(rij.volgcode_hash).toBe(volgcodeHash(volgcode));
    expect(JSON.stringify(rij)).not.toContain(volgcode);
  });
});

describe('de zaak voor de inwoner', () => {
  it('shows phase, steps, expected date, the named contact and only external entries; unknown codes give null', async () => {
    const { zaak, volgcode } = await zaken().maak(kcc, 'GM0384', {
      zaaktype: 'melding-openbare-ruimte',
      onderwerp: 'Lantaarnpaal kapot bij de Arenaweg',
      kanaal: 'app',
      ontvangstdatum: '2026-03-02',
      betrokkene: { naam: 'Sara Jansen', email: 'sara@example.nl', taal: 'en' },
    });
    let z = await zaken().wijsToe(bo, 'GM0384', zaak.id, zaak.versie, { behandelaar: 'ik' });
    z = await zaken().voegNotitieToe(bo, 'GM0384', zaak.id, z.versie, { tekst: 'Intern: monteur gebeld', extern: false });
    z = await zaken().voegNotitieToe(bo, 'GM0384', zaak.id, z.versie, { tekst: 'De monteur komt donderdag.', extern: true });
    z = await zaken().zetStatus(bo, 'GM0384', zaak.id, z.versie, { statustype: 2 });

    const view = await zaken().zaakVoorInwoner('GM0384', volgcode.toUpperCase());
    expect(view).toMatchObject({
      identificatie: zaak.identificatie,
      taal: 'en',
      zaaktype: { code: 'melding-openbare-ruimte', naam: { en: 'Report about public space' } },
      status: { volgnummer: 2, tekst: { en: 'We have scheduled the work.' } },
      verwachteEinddatum: '2026-03-16',
      opgeschort: false,
      afgeslotenOp: null,
      resultaat: null,
      contact: { naam: 'Bo', team: 'Openbare ruimte' },
    });
    expect(view?.stappen.map((s) => [s.volgnummer, s.klaar, s.huidig])).toEqual([
      [1, true, false],
      [2, true, true],
      [3, false, false],
      [4, false, false],
    ]);
    expect(view?.tijdlijn.map((t) => t.soort)).toEqual(['aangemaakt', 'notitie', 'status']);
    expect(JSON.stringify(view)).not.toContain('monteur gebeld');
    expect(await zaken().zaakVoorInwoner('GM0384', 'a'.repeat(32))).toBeNull();
    expect(await zaken().zaakVoorInwoner('GM0437', volgcode)).toBeNull();
    expect(await zaken().zaakVoorInwoner('GM0384', 'geen code')).toBeNull();
  });

  it('takes a reply from the resident, mails the behandelaar and marks it on a suspended zaak', async () => {
    const { zaak, volgcode } = await zaken().maak(kcc, 'GM0384', {
      zaaktype: 'melding-openbare-ruimte',
      onderwerp: 'Boom hangt over het fietspad',
      kanaal: 'web',
      ontvangstdatum: '2026-03-02',
      behandelaar: undefined,
      betrokkene: { naam: 'Ali', email: 'ali@example.nl', taal: 'nl' },
    });
    let z = await zaken().wijsToe(bo, 'GM0384', zaak.id, zaak.versie, { behandelaar: 'ik' });
    z = await zaken().schortOp(bo, 'GM0384', zaak.id, z.versie, { reden: 'Wilt u een foto sturen van de plek?' });
    const antwoord = await zaken().reactieVanInwoner('GM0384', volgcode, { tekst: 'Foto gestuurd per post.' }, cliContext());
    expect(antwoord).toEqual({ identificatie: zaak.identificatie, reactieOntvangen: true, dubbel: false });
    const detail = await zaken().detail(bo, 'GM0384', zaak.id);
    expect(detail.reactieOntvangen).toBe(true);
    expect(detail.versie).toBe(z.versie + 1);
    expect(detail.tijdlijn.at(-1)).toMatchObject({ soort: 'reactie', extern: true, doorInwoner: true, door: null });
    const mail = await loket.database.db.selectFrom('bericht').selectAll().where('aan', '=', 'behandelaar@diemen.demo').executeTakeFirstOrThrow();
    expect(mail.onderwerp).toBe(`Reactie van de inwoner op zaak ${zaak.identificatie}`);
    expect(mail.tekst).toContain('Foto gestuurd per post.');
    expect(mail.tekst).toContain('beëindig dan de opschorting');
    const verder = await zaken().beeindigOpschorting(bo, 'GM0384', zaak.id, detail.versie, {});
    expect(verder.reactieOntvangen).toBe(false);
    expect(await zaken().reactieVanInwoner('GM0384', 'b'.repeat(32), { tekst: 'x' }, cliContext())).toBeNull();
  });

  it('names the team while nobody is assigned', async () => {
    const { volgcode } = await zaken().maak(kcc, 'GM0384', { zaaktype: 'klacht', onderwerp: 'Nog niet opgepakt', kanaal: 'web', ontvangstdatum: '2026-03-02' });
    const view = await zaken().zaakVoorInwoner('GM0384', volgcode);
    expect(view).toMatchObject({ contact: null, team: 'Juridische zaken' });
  });

  it('takes the same reply sent twice (double click, back and send again) once; a new text or a later one is new', async () => {
    const { zaak, volgcode } = await zaken().maak(kcc, 'GM0384', { zaaktype: 'klacht', onderwerp: 'Dubbel verstuurd', kanaal: 'web', ontvangstdatum: '2026-03-02', behandelaar: bo.gebruiker ?? undefined });
    const mails = async () => (await loket.database.db.selectFrom('bericht').select('id').where('onderwerp', '=', `Reactie van de inwoner op zaak ${zaak.identificatie}`).execute()).length;
    const reacties = async () => (await zaken().detail(bo, 'GM0384', zaak.id)).tijdlijn.filter((g) => g.soort === 'reactie').map((g) => g.gegevens.tekst);
    // Two at once: the zaak row lock makes the second see the first.
    const [een, twee] = await Promise.all([
      zaken().reactieVanInwoner('GM0384', volgcode, { tekst: 'Mijn huisnummer is 12.' }, cliContext()),
      zaken().reactieVanInwoner('GM0384', volgcode, { tekst: 'Mijn huisnummer is 12.' }, cliContext()),
    ]);
    expect([een?.dubbel, twee?.dubbel].toSorted()).toEqual([false, true]);
    const versie = (await zaken().detail(bo, 'GM0384', zaak.id)).versie;
    expect(await zaken().reactieVanInwoner('GM0384', volgcode, { tekst: 'Mijn huisnummer is 12.' }, cliContext())).toMatchObject({ dubbel: true });
    expect((await zaken().detail(bo, 'GM0384', zaak.id)).versie).toBe(versie);
    expect(await reacties()).toEqual(['Mijn huisnummer is 12.']);
    expect(await mails()).toBe(1);
    await zaken().reactieVanInwoner('GM0384', volgcode, { tekst: 'En mijn postcode is 1111 AA.' }, cliContext());
    loket.klok.verder(16 * 60 * 1000);
    expect(await zaken().reactieVanInwoner('GM0384', volgcode, { tekst: 'Mijn huisnummer is 12.' }, cliContext())).toMatchObject({ dubbel: false });
    expect(await reacties()).toEqual(['Mijn huisnummer is 12.', 'En mijn postcode is 1111 AA.', 'Mijn huisnummer is 12.']);
    expect(await mails()).toBe(3);
  });
});

describe('nieuwe reactie van de inwoner', () => {
  it('marks a reply as new in the queue and on the zaak until staff act on it; an assignment does not count', async () => {
    const { zaak, volgcode } = await zaken().maak(kcc, 'GM0384', { zaaktype: 'klacht', onderwerp: 'Reactie nog niet gezien', kanaal: 'web', ontvangstdatum: '2026-03-02' });
    const nieuw = async () => (await zaken().werkvoorraad(bo, 'GM0384', { open: true, reactie: 'nieuw', pageSize: 100 })).items.map((z) => z.id);
    expect(await nieuw()).not.toContain(zaak.id);
    await zaken().reactieVanInwoner('GM0384', volgcode, { tekst: 'Wanneer hoor ik iets?' }, cliContext());
    const binnen = loket.klok.nu().toISOString();
    loket.klok.verder(60_000);
    await zaken().reactieVanInwoner('GM0384', volgcode, { tekst: 'En nog iets.' }, cliContext());
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
    const { zaak } = await zaken().maak(bo, 'GM0384', { zaaktype: 'e-mailvraag', onderwerp: 'Snel antwoord', kanaal: 'e-mail', ontvangstdatum: '2026-02-23', behandelaar: 'ik' });
    expect(zaak.uiterlijkeEinddatum).toBe('2026-03-02');
    const { zaak: later } = await zaken().maak(bo, 'GM0384', { zaaktype: 'klacht', onderwerp: 'Later', kanaal: 'post', ontvangstdatum: '2026-03-02' });
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

describe('bewaartermijn van contactgegevens', () => {
  it('erases e-mail and telephone one year after closing, not before, and only in that gemeente', async () => {
    const { zaak } = await zaken().maak(bo, 'GM0384', {
      zaaktype: 'e-mailvraag',
      onderwerp: 'Oude vraag',
      kanaal: 'e-mail',
      ontvangstdatum: '2026-03-05',
      behandelaar: 'ik',
      betrokkene: { naam: 'Kim', email: 'kim@example.nl', telefoon: '0612345678', taal: 'nl' },
    });
    const beantwoord = zaak.zaaktypeVersie.resultaattypen.find((r) => r.naam === 'Beantwoord');
    await zaken().sluitAf(bo, 'GM0384', zaak.id, zaak.versie, { resultaattype: beantwoord?.id ?? '' });
    const contact = () => loket.database.db.selectFrom('betrokkene').select(['naam', 'email', 'telefoon']).where('zaak_id', '=', zaak.id).executeTakeFirstOrThrow();
    loket.klok.verder(360 * 24 * 3600 * 1000);
    expect(await zaken().ruimContactgegevensOp(cliContext(), 'GM0384')).toBe(0);
    expect((await contact()).email).toBe('kim@example.nl');
    loket.klok.verder(10 * 24 * 3600 * 1000);
    expect(await zaken().ruimContactgegevensOp(cliContext(), 'GM0437')).toBe(0);
    expect(await zaken().ruimContactgegevensOp(cliContext(), 'GM0384')).toBe(1);
    expect(await contact()).toEqual({ naam: 'Kim', email: null, telefoon: null });
  });
});
