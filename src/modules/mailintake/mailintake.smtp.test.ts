import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo } from '../../../test/demo.ts';
import { cliContext } from '../audit/audit.service.ts';
import { startMailIntake, type MailIntakeLuisteraar } from './mailintake.smtp.ts';

// Real SMTP delivery with nodemailer to the intake's listener on loopback, on one Loket per file
// (PGlite, or PostgreSQL with DATABASE_URL). Two listeners on the same database stand for two nodes.
let loket: TestLoket;
let luisteraar: MailIntakeLuisteraar;
let tweede: MailIntakeLuisteraar;
const fouten: unknown[] = [];
let volgnummer = 0;

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-04-02T08:00:00Z' });
  await laadDemo(loket);
  const opties = { host: '127.0.0.1', poort: 0, maxBytes: 64 * 1024, mailintake: loket.services.mailintake, klok: loket.klok, meldFout: (f: unknown) => fouten.push(f) };
  luisteraar = await startMailIntake(opties);
  tweede = await startMailIntake(opties);
}, 120_000);
afterAll(async () => {
  await luisteraar?.close();
  await tweede?.close();
  await loket?.close();
});

const uniek = () => `s${++volgnummer}-${process.pid}-${Date.now()}`;
function fixture(naam: string, achtervoegsel: string): Buffer {
  const tekst = readFileSync(join(import.meta.dirname, 'fixtures', naam), 'utf8');
  return Buffer.from(tekst.replace(/<([a-z0-9-]+)@(example\.(?:nl|com))>/g, `<$1-${achtervoegsel}@$2>`));
}
const stuur = (aan: string[], raw: Buffer, poort = luisteraar.poort) =>
  createTransport({ host: '127.0.0.1', port: poort, secure: false, ignoreTLS: true }).sendMail({ envelope: { from: 'jan.devries@example.nl', to: aan }, raw });
const mails = (messageId: string) => loket.database.db.selectFrom('mail_bericht').select(['gemeente', 'zaak_identificatie', 'via', 'ontvangstdatum', 'ontvangstdatum_bron', 'ontvangen_op']).where('message_id', '=', messageId).orderBy('gemeente').execute();
const tel = async (tabel: 'zaak' | 'mail_bericht') => Number((await loket.database.db.selectFrom(tabel).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('the SMTP listener', () => {
  it('takes a message for an intake address: a zaak dated the moment Loket received it, not its headers', async () => {
    const u = uniek();
    const antwoord = await stuur(['info@diemen.demo'], fixture('gewoon.eml', u));
    expect(antwoord.accepted).toEqual(['info@diemen.demo']);
    const [rij] = await mails(`<gewoon-1-${u}@example.nl>`);
    expect(rij).toMatchObject({ gemeente: 'GM0384', via: 'smtp', ontvangstdatum_bron: 'smtp', ontvangstdatum: '2026-04-02', ontvangen_op: loket.klok.nu().toISOString() });
    expect(rij?.zaak_identificatie).toMatch(/^Z-2026-\d{6}$/);
    // The reply over SMTP lands on the same zaak.
    await stuur(['INFO@Diemen.demo'], fixture('antwoord.eml', u));
    const [reactie] = await mails(`<antwoord-1-${u}@example.nl>`);
    expect(reactie?.zaak_identificatie).toBe(rij?.zaak_identificatie);
    expect(fouten).toEqual([]);
  });

  it('refuses a recipient that is no intake address (550) and an oversized message (552); nothing is stored', async () => {
    const voor = await Promise.all([tel('zaak'), tel('mail_bericht')]);
    await expect(stuur(['iemand@elders.example'], fixture('gewoon.eml', uniek()))).rejects.toMatchObject({ responseCode: 550 });
    const groot = Buffer.concat([fixture('zonder-date.eml', uniek()), Buffer.alloc(70 * 1024, 'a')]);
    await expect(stuur(['info@diemen.demo'], groot)).rejects.toMatchObject({ responseCode: 552 });
    expect(await Promise.all([tel('zaak'), tel('mail_bericht')])).toEqual(voor);
  });

  it('one message to two gemeenten becomes a zaak in each; the other recipient refused does not stop it', async () => {
    const u = uniek();
    const antwoord = await stuur(['info@diemen.demo', 'niemand@elders.example', 'info@uithoorn.demo'], fixture('zonder-date.eml', u));
    expect(antwoord).toMatchObject({ accepted: ['info@diemen.demo', 'info@uithoorn.demo'], rejected: ['niemand@elders.example'] });
    expect((await mails(`<zonder-date-1-${u}@example.nl>`)).map((r) => r.gemeente)).toEqual(['GM0384', 'GM0451']);
  });

  it('the same message delivered to two nodes at once, and again later, makes one zaak', async () => {
    const u = uniek();
    const bron = fixture('html-script.eml', u);
    const zaken = await tel('zaak');
    await Promise.all([stuur(['info@diemen.demo'], bron, luisteraar.poort), stuur(['info@diemen.demo'], bron, tweede.poort)]);
    await stuur(['info@diemen.demo'], bron, tweede.poort);
    expect(await mails(`<html-1-${u}@example.nl>`)).toHaveLength(1);
    expect(await tel('zaak')).toBe(zaken + 1);
    expect(fouten).toEqual([]);
  });

  it('a gemeente without the zaaktype e-mailvraag: 451 (the sender tries again later), logged, nothing stored; a non-message: 554', async () => {
    await loket.services.gemeenten.bewaar({ code: 'GM0999', naam: 'Zonder zaaktypen', slug: 'zonder', domein: null, thema: {} });
    await loket.services.mailintake.voegAdresToe(cliContext(), 'GM0999', 'info@zonder.example');
    const voor = await Promise.all([tel('zaak'), tel('mail_bericht')]);
    const gemeld = fouten.length;
    await expect(stuur(['info@zonder.example'], fixture('gewoon.eml', uniek()))).rejects.toMatchObject({ responseCode: 451 });
    expect(fouten.splice(gemeld)).toEqual([expect.objectContaining({ status: 400, invalidParams: [expect.objectContaining({ name: 'zaak.zaaktype', code: 'onbekend-zaaktype' })] })]);
    await expect(stuur(['info@diemen.demo'], Buffer.from('\r\n\r\ngeen koppen\r\n'))).rejects.toMatchObject({ responseCode: 554 });
    expect(await Promise.all([tel('zaak'), tel('mail_bericht')])).toEqual(voor);
    expect(await loket.database.db.selectFrom('klantcontact').select('id').where('gemeente', '=', 'GM0999').execute()).toEqual([]);
  });
});
