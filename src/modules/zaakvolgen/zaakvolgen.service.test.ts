import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { demoWie, laadDemo } from '../../../test/demo.ts';
import { cliContext } from '../audit/audit.service.ts';
import type { Wie } from '../zaken/zaken.service.ts';

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

const zaken = () => loket.services.zaken;
const volgen = () => loket.services.zaakvolgen;

describe('de zaak voor de inwoner', () => {
  it('shows phase, steps, expected date, the named contact and only external entries; unknown codes give null', async () => {
    const { zaak, volgcode } = await zaken().registreer(kcc, 'GM0384', {
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

    const view = await volgen().zaak('GM0384', volgcode.toUpperCase());
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
    expect(await volgen().zaak('GM0384', 'a'.repeat(32))).toBeNull();
    expect(await volgen().zaak('GM0437', volgcode)).toBeNull();
    expect(await volgen().zaak('GM0384', 'geen code')).toBeNull();
  });

  it('takes a reply from the resident, mails the behandelaar and marks it on a suspended zaak', async () => {
    const { zaak, volgcode } = await zaken().registreer(kcc, 'GM0384', {
      zaaktype: 'melding-openbare-ruimte',
      onderwerp: 'Boom hangt over het fietspad',
      kanaal: 'web',
      ontvangstdatum: '2026-03-02',
      behandelaar: undefined,
      betrokkene: { naam: 'Ali', email: 'ali@example.nl', taal: 'nl' },
    });
    let z = await zaken().wijsToe(bo, 'GM0384', zaak.id, zaak.versie, { behandelaar: 'ik' });
    z = await zaken().schortOp(bo, 'GM0384', zaak.id, z.versie, { reden: 'Wilt u een foto sturen van de plek?' });
    const antwoord = await volgen().reageer('GM0384', volgcode, 'Foto gestuurd per post.', cliContext());
    expect(antwoord).toEqual({ identificatie: zaak.identificatie, reactieOntvangen: true, dubbel: false });
    const detail = await zaken().detail(bo, 'GM0384', zaak.id);
    expect(detail.reactieOntvangen).toBe(true);
    expect(detail.versie).toBe(z.versie + 1);
    expect(detail.tijdlijn.at(-1)).toMatchObject({ soort: 'reactie', extern: true, doorInwoner: true, door: null });
    // Bo's mail about this zaak (other tests mail Bo about theirs).
    const mails = await loket.database.db.selectFrom('bericht').selectAll().where('aan', '=', 'behandelaar@diemen.demo').where('onderwerp', 'like', `%${zaak.identificatie}%`).execute();
    expect(mails.map((m) => m.onderwerp)).toEqual([`Reactie van de inwoner op zaak ${zaak.identificatie}`]);
    const [mail] = mails;
    if (!mail) throw new Error('geen mail aan Bo');
    expect(mail.tekst).toContain('Foto gestuurd per post.');
    expect(mail.tekst).toContain('beëindig dan de opschorting');
    const verder = await zaken().beeindigOpschorting(bo, 'GM0384', zaak.id, detail.versie, {});
    expect(verder.reactieOntvangen).toBe(false);
    expect(await volgen().reageer('GM0384', 'b'.repeat(32), 'x', cliContext())).toBeNull();
  });

  it('names the team while nobody is assigned', async () => {
    const { volgcode } = await zaken().registreer(kcc, 'GM0384', { zaaktype: 'klacht', onderwerp: 'Nog niet opgepakt', kanaal: 'web', ontvangstdatum: '2026-03-02' });
    const view = await volgen().zaak('GM0384', volgcode);
    expect(view).toMatchObject({ contact: null, team: { naam: 'Juridische zaken', telefoon: '', email: 'juridische-zaken@diemen.demo' } });
  });

  it('takes the same reply sent twice (double click, back and send again) once; a new text or a later one is new', async () => {
    const { zaak, volgcode } = await zaken().registreer(kcc, 'GM0384', { zaaktype: 'klacht', onderwerp: 'Dubbel verstuurd', kanaal: 'web', ontvangstdatum: '2026-03-02', behandelaar: bo.gebruiker ?? undefined });
    const mails = async () => (await loket.database.db.selectFrom('bericht').select('id').where('onderwerp', '=', `Reactie van de inwoner op zaak ${zaak.identificatie}`).execute()).length;
    const reacties = async () => (await zaken().detail(bo, 'GM0384', zaak.id)).tijdlijn.filter((g) => g.soort === 'reactie').map((g) => ('tekst' in g.gegevens ? g.gegevens.tekst : null));
    // Two at once: the zaak row lock makes the second see the first.
    const [een, twee] = await Promise.all([
      volgen().reageer('GM0384', volgcode, 'Mijn huisnummer is 12.', cliContext()),
      volgen().reageer('GM0384', volgcode, 'Mijn huisnummer is 12.', cliContext()),
    ]);
    expect([een, twee].map((r) => (r && 'dubbel' in r ? r.dubbel : undefined)).toSorted()).toEqual([false, true]);
    const versie = (await zaken().detail(bo, 'GM0384', zaak.id)).versie;
    expect(await volgen().reageer('GM0384', volgcode, 'Mijn huisnummer is 12.', cliContext())).toMatchObject({ dubbel: true });
    expect((await zaken().detail(bo, 'GM0384', zaak.id)).versie).toBe(versie);
    expect(await reacties()).toEqual(['Mijn huisnummer is 12.']);
    expect(await mails()).toBe(1);
    await volgen().reageer('GM0384', volgcode, 'En mijn postcode is 1111 AA.', cliContext());
    loket.klok.verder(16 * 60 * 1000);
    expect(await volgen().reageer('GM0384', volgcode, 'Mijn huisnummer is 12.', cliContext())).toMatchObject({ dubbel: false });
    expect(await reacties()).toEqual(['Mijn huisnummer is 12.', 'En mijn postcode is 1111 AA.', 'Mijn huisnummer is 12.']);
    expect(await mails()).toBe(3);
  });
});
