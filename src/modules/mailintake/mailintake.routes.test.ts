import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { smtpOntvanger } from '../../../test/smtp.ts';
import { cliContext } from '../audit/audit.service.ts';

// The e-mail intake on one Loket per file (PGlite, or PostgreSQL with DATABASE_URL), its clock on
// Thursday 2 April 2026, 10:00 in Amsterdam; answers go to a real SMTP receiver. Each test
// gives its messages their own Message-ID (the intake takes a Message-ID once per gemeente).
let loket: TestLoket;
let smtp: Awaited<ReturnType<typeof smtpOntvanger>>;
let beheerder: Ingelogd;
let kcc: Ingelogd;
const G = 'GM0384';
let volgnummer = 0;

beforeAll(async () => {
  smtp = await smtpOntvanger();
  loket = await testLoket({ nu: '2026-04-02T08:00:00Z', env: { SMTP_URL: smtp.url, MAIL_FROM: 'Gemeente Diemen <noreply@diemen.demo>', LOKET_MAIL_INTAKE_MAX_MB: '1' } });
  await laadDemo(loket);
  beheerder = await logInAls(loket, 'beheerder@duoplus.demo');
  kcc = await logInAls(loket, 'kcc@duoplus.demo');
}, 120_000);
afterAll(async () => {
  await loket.close();
  await smtp.close();
});

/** A fixture (.eml in fixtures/), with every `<…@example.…>` Message-ID made unique for this test. */
function fixture(naam: string, achtervoegsel: string): Buffer {
  const tekst = readFileSync(join(import.meta.dirname, 'fixtures', naam), 'utf8');
  return Buffer.from(tekst.replace(/<([a-z0-9-]+)@(example\.(?:nl|com))>/g, `<$1-${achtervoegsel}@$2>`));
}
const uniek = () => `t${++volgnummer}-${process.pid}-${Date.now()}`;

const ontvang = (bron: Buffer, gemeente = G) => loket.services.mailintake.ontvang(cliContext(), { gemeente, bron, via: 'import' });
const tel = async (tabel: 'zaak' | 'klantcontact' | 'mail_bericht' | 'zaak_document' | 'bericht') =>
  Number((await loket.database.db.selectFrom(tabel).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const zaak = async (id: string) => {
  const res = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/${G}/zaken/${id}`, headers: beheerder.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const draad = async (id: string, sessie = beheerder) => loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/${G}/zaken/${id}/e-mails`, headers: sessie.headers });
const antwoord = (id: string, versie: number, payload: Record<string, unknown>, sessie = beheerder) =>
  loket.app.inject({ method: 'POST', url: `/api/v1/gemeenten/${G}/zaken/${id}/e-mails/antwoorden`, headers: { ...sessie.headers, 'if-match': `"${versie}"` }, payload });

describe('a received message', () => {
  it('becomes a klantcontact and a zaak e-mailvraag with the 5-werkdagen norm, dated by the topmost Received:', async () => {
    const u = uniek();
    const uit = await ontvang(fixture('gewoon.eml', u));
    expect(uit).toMatchObject({ nieuw: true, draad: false, dubbel: false, ontvangstdatumBron: 'received', mail: { messageId: `<gewoon-1-${u}@example.nl>`, ontvangstdatum: '2026-03-02' } });
    // Monday 2 March: five working days from the day after is Monday 9 March.
    expect(uit.zaak).toMatchObject({ ontvangstdatum: '2026-03-02', uiterlijkeEinddatum: '2026-03-09' });
    expect(uit.zaak.identificatie).toMatch(/^Z-2026-\d{6}$/);
    const z = await zaak(uit.zaak.id);
    expect(z).toMatchObject({ kanaal: 'e-mail', zaaktype: { code: 'e-mailvraag' }, onderwerp: 'Vraag over de afvalkalender', betrokkene: { naam: 'Jan de Vries', email: `jan.devries@example.nl` } });
    expect(z.omschrijving).toContain('Wanneer wordt het oud papier');
    const contact = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/${G}/klantcontacten/${uit.klantcontact}`, headers: kcc.headers });
    expect(contact.json()).toMatchObject({
      kanaal: 'e-mail',
      uitkomst: 'zaak-aangemaakt',
      op: '2026-03-02T08:15:00.000Z',
      geregistreerdDoor: { type: 'systeem', naam: 'E-mail' },
      persoon: { naam: 'Jan de Vries', email: 'jan.devries@example.nl' },
      zaken: [{ id: uit.zaak.id, aangemaakt: true }],
    });
    // The receipt with the tracking link goes to the sender, in their thread …
    const ontvangst = await smtp.wachtOp('jan.devries@example.nl', new RegExp(`\\(${uit.zaak.identificatie}\\)$`));
    expect(ontvangst.bron).toMatch(new RegExp(`\\r\\nIn-Reply-To: <gewoon-1-${u}@example\\.nl>\\r\\n`));
    expect(ontvangst.bron).toMatch(/(^|\r\n)Auto-Submitted: auto-generated\r\n/);
    const ontvangstId = /\r\nMessage-ID: (<[^>]+>)\r\n/i.exec(ontvangst.bron)?.[1];
    // … so their reply to the receipt (References: their message, the receipt) lands on the zaak.
    const reactie = Buffer.from(
      `From: jan.devries@example.nl\r\nTo: info@diemen.demo\r\nSubject: Re: ontvangen\r\nMessage-ID: <op-ontvangst-${u}@example.nl>\r\nIn-Reply-To: ${ontvangstId}\r\nReferences: <gewoon-1-${u}@example.nl> ${ontvangstId}\r\n\r\nNog een vraag.\r\n`,
    );
    expect(await ontvang(reactie)).toMatchObject({ draad: true, nieuw: false, zaak: { id: uit.zaak.id } });
  });

  it('delivered twice adds nothing: the second time answers the first zaak', async () => {
    const bron = fixture('gewoon.eml', uniek());
    const eerste = await ontvang(bron);
    const voor = await Promise.all([tel('zaak'), tel('klantcontact'), tel('mail_bericht'), tel('bericht')]);
    const tweede = await ontvang(bron);
    expect(tweede).toMatchObject({ nieuw: false, draad: false, dubbel: true, zaak: { id: eerste.zaak.id, identificatie: eerste.zaak.identificatie }, klantcontact: eerste.klantcontact });
    expect(await Promise.all([tel('zaak'), tel('klantcontact'), tel('mail_bericht'), tel('bericht')])).toEqual(voor);
  });

  it('a reply (In-Reply-To / References) lands on the same zaak as a new entry, not a new zaak', async () => {
    const u = uniek();
    const eerste = await ontvang(fixture('gewoon.eml', u));
    const zaken = await tel('zaak');
    const reactie = await ontvang(fixture('antwoord.eml', u));
    expect(reactie).toMatchObject({ nieuw: false, draad: true, dubbel: false, zaak: { id: eerste.zaak.id, identificatie: eerste.zaak.identificatie, ontvangstdatum: '2026-03-02' }, mail: { ontvangstdatum: '2026-03-03' } });
    expect(await tel('zaak')).toBe(zaken);
    const z = await zaak(eerste.zaak.id);
    const notitie = z.tijdlijn.find((g: { soort: string }) => g.soort === 'notitie');
    expect(notitie.gegevens.tekst).toContain('Ik vergat te zeggen: het gaat om huisnummer 12.');
    expect(notitie).toMatchObject({ extern: false, door: { naam: 'E-mail' } });
    const contact = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/${G}/klantcontacten/${reactie.klantcontact}`, headers: kcc.headers });
    expect(contact.json().zaken).toEqual([{ id: eerste.zaak.id, identificatie: eerste.zaak.identificatie, aangemaakt: false }]);
    const lijst = (await draad(eerste.zaak.id)).json();
    expect(lijst.items.map((m: { messageId: string }) => m.messageId)).toEqual([`<gewoon-1-${u}@example.nl>`, `<antwoord-1-${u}@example.nl>`]);
  });

  it('sanitises the HTML body (no script, event handlers, javascript: links, frames, images) and keeps the text', async () => {
    const uit = await ontvang(fixture('html-script.eml', uniek()));
    const [mail] = (await draad(uit.zaak.id)).json().items;
    expect(mail.onderwerp).toBe('Klacht over de stoep – met foto');
    expect(mail.tekst).toBe('De stoep voor nummer 4 is kapot.');
    expect(mail.html).toContain('De <b>stoep</b> voor nummer 4 is kapot.');
    expect(mail.html).toContain('<a href="https://www.diemen.nl/stoep" rel="noopener noreferrer nofollow" target="_blank">meer</a>');
    for (const gevaar of ['<script', 'document.cookie', 'onclick', 'onerror', 'javascript:', '<iframe', '<img', 'tracker.example', '<style']) expect(mail.html).not.toContain(gevaar);
  });

  it('checks attachments like uploads: a program named .pdf is refused and recorded, a real PDF becomes a document', async () => {
    const documenten = await tel('zaak_document');
    const uit = await ontvang(fixture('exe-als-pdf.eml', uniek()));
    expect(uit.bijlagen).toEqual([
      { bestandsnaam: 'factuur.pdf', document: null, geweigerd: expect.stringMatching(/^Soort bestand niet ondersteund: De inhoud is geen PDF/) },
      { bestandsnaam: 'brief.pdf', document: expect.any(String), geweigerd: null },
    ]);
    expect(await tel('zaak_document')).toBe(documenten + 1);
    const z = await zaak(uit.zaak.id);
    expect(z.documenten).toEqual([expect.objectContaining({ bestandsnaam: 'brief.pdf', mediatype: 'application/pdf' })]);
    const notitie = z.tijdlijn.find((g: { soort: string }) => g.soort === 'notitie');
    expect(notitie.gegevens.tekst).toMatch(/Niet als document opgenomen \(de e-mail zelf is bewaard\):\n- factuur\.pdf: Soort bestand niet ondersteund/);
    const rij = await loket.database.db.selectFrom('mail_bijlage').selectAll().where('document_id', 'is', null).where('bestandsnaam', '=', 'factuur.pdf').executeTakeFirstOrThrow();
    expect(rij).toMatchObject({ opgegeven_type: 'application/pdf', grootte: 105, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('without Date: (and Received:) takes the moment of the import, and says so', async () => {
    const nu = loket.klok.nu().toISOString();
    const uit = await ontvang(fixture('zonder-date.eml', uniek()));
    expect(uit).toMatchObject({ nieuw: true, ontvangstdatumBron: 'import', mail: { ontvangenOp: nu, ontvangstdatum: '2026-04-02' }, zaak: { ontvangstdatum: '2026-04-02' } });
  });

  it('a topmost Received: just after midnight in Amsterdam on the first of the month dates the zaak that day, not the Date: day before', async () => {
    const uit = await ontvang(fixture('received-middernacht.eml', uniek()));
    // 22:30 UTC on 31 March is 00:30 on Wednesday 1 April in Amsterdam (summer time); the lower
    // Received: and the Date: say 31 March. Five working days: 2, 3, (Easter Monday 6 off) 7, 8, 9 April.
    expect(uit).toMatchObject({ ontvangstdatumBron: 'received', mail: { ontvangenOp: '2026-03-31T22:30:00.000Z', ontvangstdatum: '2026-04-01' }, zaak: { ontvangstdatum: '2026-04-01', uiterlijkeEinddatum: '2026-04-09' } });
  });

  it('refuses an oversized message and a file that is no message, storing nothing; an unknown gemeente is a 404', async () => {
    const voor = await Promise.all([tel('zaak'), tel('mail_bericht')]);
    const groot = Buffer.concat([fixture('gewoon.eml', uniek()), Buffer.alloc(1024 * 1024, 'a')]);
    await expect(ontvang(groot)).rejects.toMatchObject({ status: 413, detail: expect.stringContaining('hoogstens 1 MB') });
    await expect(ontvang(Buffer.from('\r\n\r\nalleen tekst'))).rejects.toMatchObject({ status: 400 });
    await expect(ontvang(fixture('gewoon.eml', uniek()), 'GM9999')).rejects.toMatchObject({ status: 404 });
    expect(await Promise.all([tel('zaak'), tel('mail_bericht')])).toEqual(voor);
  });
});

describe('one transaction', () => {
  it('a failure after the zaak (the last row refused) leaves no message, klantcontact, zaak, document or receipt', async () => {
    const db = loket.database.db;
    await sql`create function weiger_bijlage() returns trigger language plpgsql as $$ begin if new.bestandsnaam = 'weiger-mij.pdf' then raise exception 'proef'; end if; return new; end $$`.execute(db);
    await sql`create trigger weiger_bijlage before insert on mail_bijlage for each row execute function weiger_bijlage()`.execute(db);
    try {
      const u = uniek();
      const bron = Buffer.from(fixture('exe-als-pdf.eml', u).toString('utf8').replaceAll('brief.pdf', 'weiger-mij.pdf'));
      const voor = await Promise.all([tel('zaak'), tel('klantcontact'), tel('mail_bericht'), tel('zaak_document'), tel('bericht')]);
      await expect(ontvang(bron)).rejects.toThrow(/proef/);
      expect(await Promise.all([tel('zaak'), tel('klantcontact'), tel('mail_bericht'), tel('zaak_document'), tel('bericht')])).toEqual(voor);
    } finally {
      await sql`drop trigger weiger_bijlage on mail_bijlage`.execute(db);
      await sql`drop function weiger_bijlage()`.execute(db);
    }
  });
});

describe('POST /zaken/{id}/e-mails/antwoorden', () => {
  it('answers in the same thread through the outbox; the resident\u2019s reply to it lands on the zaak; an answer can close the zaak', async () => {
    const u = uniek();
    const eerste = await ontvang(fixture('gewoon.eml', u));
    await ontvang(fixture('antwoord.eml', u));
    let z = await zaak(eerste.zaak.id);
    const res = await antwoord(eerste.zaak.id, z.versie, { tekst: 'Het oud papier wordt op dinsdag opgehaald.' });
    expect(res.statusCode, res.body).toBe(201);
    const { antwoord: a } = res.json();
    expect(a).toMatchObject({ aan: 'jan.devries@example.nl', onderwerp: 'Re: Vraag over de afvalkalender', inReplyTo: `<antwoord-1-${u}@example.nl>`, messageId: `<${a.bericht}@diemen.demo>` });
    expect(res.headers.location).toBe(`/api/v1/gemeenten/${G}/berichten/${a.bericht}`);
    const mail = await smtp.wachtOp('jan.devries@example.nl', 'Re: Vraag over de afvalkalender');
    expect(mail.tekst).toContain('Het oud papier wordt op dinsdag opgehaald.');
    expect(mail.bron).toMatch(new RegExp(`\\r\\nIn-Reply-To: <antwoord-1-${u}@example\\.nl>\\r\\n`));
    expect(mail.bron).toMatch(new RegExp(`\\r\\nReferences: <gewoon-1-${u}@example\\.nl>\\s+<antwoord-1-${u}@example\\.nl>\\r\\n`));
    expect(mail.bron).toContain(`Message-ID: ${a.messageId}`);
    expect(mail.bron).not.toContain('Auto-Submitted');
    expect(res.json().zaak.tijdlijn.at(-1)).toMatchObject({ soort: 'bericht', extern: true, gegevens: { tekst: 'Het oud papier wordt op dinsdag opgehaald.' }, door: { naam: 'Bea de Beheerder' } });

    // Jan answers our answer a few minutes later: his mail program quotes only our Message-ID.
    loket.klok.verder(5 * 60_000);
    const verzonden = new Date(loket.klok.nu().getTime() - 60_000).toUTCString();
    const weer = Buffer.from(
      `From: Jan de Vries <jan.devries@example.nl>\r\nTo: info@diemen.demo\r\nSubject: Re: Re: Vraag over de afvalkalender\r\nDate: ${verzonden}\r\nMessage-ID: <weer-${u}@example.nl>\r\nIn-Reply-To: ${a.messageId}\r\n\r\nDank u wel!\r\n`,
    );
    const terug = await ontvang(weer);
    expect(terug).toMatchObject({ draad: true, nieuw: false, zaak: { id: eerste.zaak.id }, ontvangstdatumBron: 'date' });

    z = await zaak(eerste.zaak.id);
    const beantwoord = z.zaaktypeVersie.resultaattypen.find((r: { naam: string }) => r.naam === 'Beantwoord');
    const sluit = await antwoord(eerste.zaak.id, z.versie, { tekst: 'Graag gedaan.', afsluiten: { resultaattype: beantwoord.id } });
    expect(sluit.statusCode, sluit.body).toBe(201);
    expect(sluit.json().zaak).toMatchObject({ afgeslotenOp: expect.any(String), resultaat: { naam: 'Beantwoord' } });
    const tweede = await smtp.wachtOp('jan.devries@example.nl', 'Re: Re: Vraag over de afvalkalender');
    expect(tweede.bron).toMatch(new RegExp(`\\r\\nIn-Reply-To: <weer-${u}@example\\.nl>\\r\\n`));
    const lijst = (await draad(eerste.zaak.id)).json().items;
    expect(lijst.map((m: { richting: string; via: string }) => `${m.richting}:${m.via}`)).toEqual(['in:import', 'in:import', 'uit:antwoord', 'in:import', 'uit:antwoord']);
    // Closed: no more answers.
    const dicht = await antwoord(eerste.zaak.id, sluit.json().zaak.versie, { tekst: 'Nog iets.' });
    expect(dicht.statusCode).toBe(409);
  });

  it('412 on a stale If-Match, 428 without, 409 for a zaak that came in otherwise, 400 for an empty answer, 403 for the KCC, nothing sent', async () => {
    const uit = await ontvang(fixture('gewoon.eml', uniek()));
    const z = await zaak(uit.zaak.id);
    const berichten = await tel('bericht');
    expect((await antwoord(uit.zaak.id, z.versie - 1, { tekst: 'Oud.' })).statusCode).toBe(412);
    const zonder = await loket.app.inject({ method: 'POST', url: `/api/v1/gemeenten/${G}/zaken/${uit.zaak.id}/e-mails/antwoorden`, headers: beheerder.headers, payload: { tekst: 'x' } });
    expect(zonder.statusCode).toBe(428);
    const leeg = await antwoord(uit.zaak.id, z.versie, { tekst: '  ' });
    expect(leeg.statusCode).toBe(400);
    expect(leeg.json().invalidParams).toEqual([expect.objectContaining({ name: 'tekst' })]);
    expect((await antwoord(uit.zaak.id, z.versie, { tekst: 'Hallo.' }, kcc)).statusCode).toBe(403);
    const telefoon = await loket.app.inject({
      method: 'POST',
      url: `/api/v1/gemeenten/${G}/zaken`,
      headers: beheerder.headers,
      payload: { zaaktype: 'klacht', onderwerp: 'Telefonisch', kanaal: 'telefoon', ontvangstdatum: '2026-04-01' },
    });
    const geenMail = await antwoord(telefoon.json().id, telefoon.json().versie, { tekst: 'Hallo.' });
    expect(geenMail.statusCode).toBe(409);
    expect(geenMail.json().type).toContain('geen-e-mail');
    expect(await tel('bericht')).toBe(berichten);
    expect((await draad(telefoon.json().id)).json()).toEqual({ items: [] });
  });
});

describe('retention', () => {
  it('erases the sender one year after receipt; the text stays with the zaak, and it can no longer be answered', async () => {
    const u = uniek();
    const oud = Buffer.from(fixture('gewoon.eml', u).toString('utf8').replaceAll('Mon, 2 Mar 2026', 'Sun, 2 Mar 2025'));
    const uit = await ontvang(oud);
    expect(uit.mail.ontvangstdatum).toBe('2025-03-02');
    expect(await loket.services.mailintake.ruimAfzendersOp(cliContext(), G)).toBeGreaterThanOrEqual(1);
    const [mail] = (await draad(uit.zaak.id)).json().items;
    expect(mail).toMatchObject({ van: null, tekst: expect.stringContaining('Wanneer wordt het oud papier') });
    // Messages of this year keep their sender.
    const nieuw = await ontvang(fixture('gewoon.eml', uniek()));
    await loket.services.mailintake.ruimAfzendersOp(cliContext(), G);
    expect((await draad(nieuw.zaak.id)).json().items[0].van).toEqual({ naam: 'Jan de Vries', adres: 'jan.devries@example.nl' });
    const z = await zaak(uit.zaak.id);
    const res = await antwoord(uit.zaak.id, z.versie, { tekst: 'Te laat.' });
    expect(res.statusCode).toBe(409);
  });
});
