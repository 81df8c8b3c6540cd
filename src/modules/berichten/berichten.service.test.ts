import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.ts';
import type { Database } from '../../db/database.ts';
import { startJobs, type Jobs, type JobsLogger } from '../../jobs/jobs.ts';
import { vasteKlok } from '../../klok.ts';
import { gemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { berichtenRepository } from './berichten.repository.ts';
import { BERICHT_VERZENDEN, berichtenService, smtpMailer, type Bericht, type BerichtenService } from './berichten.service.ts';

const NU = '2026-03-02T09:00:00.000Z';
const MAIL_FROM = 'Gemeente Diemen <noreply@diemen.example>';
const stil: JobsLogger = { warn: () => undefined, error: () => undefined };

interface Ontvangen {
  van: string | undefined;
  aan: string[];
  bron: string;
}

/** An SMTP refusal as smtp-server sends it. */
const fout = (code: number) => Object.assign(new Error(code === 451 ? 'Probeer het later opnieuw' : 'Onbekende ontvanger'), { responseCode: code });

/** A real SMTP server on 127.0.0.1 (random port); it can refuse the data of attempt n (1, 2, …) or every recipient. */
async function smtpOntvanger(opties: { weigerData?: (poging: number) => number | undefined; weigerOntvanger?: number } = {}) {
  const ontvangen: Ontvangen[] = [];
  const teller = { data: 0, ontvanger: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_adres, _sessie, callback) {
      teller.ontvanger++;
      callback(opties.weigerOntvanger ? fout(opties.weigerOntvanger) : null);
    },
    onData(stream, sessie, callback) {
      const delen: Buffer[] = [];
      stream.on('data', (deel: Buffer) => delen.push(deel));
      stream.on('end', () => {
        teller.data++;
        const code = opties.weigerData?.(teller.data);
        if (code) return callback(fout(code));
        ontvangen.push({
          van: sessie.envelope.mailFrom ? sessie.envelope.mailFrom.address : undefined,
          aan: sessie.envelope.rcptTo.map((r) => r.address),
          bron: Buffer.concat(delen).toString('utf8'),
        });
        return callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, ontvangen, teller, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Header value with folding undone and RFC 2047 encoded words decoded. */
function kop(bron: string, naam: string): string | undefined {
  const koppen = bron.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
  const regel = koppen.split('\r\n').find((r) => r.toLowerCase().startsWith(`${naam.toLowerCase()}:`));
  return regel
    ?.slice(naam.length + 1)
    .trim()
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_w, soort: string, tekst: string) =>
      soort.toLowerCase() === 'b'
        ? Buffer.from(tekst, 'base64').toString('utf8')
        : Buffer.from(tekst.replaceAll('_', ' ').replace(/=([0-9a-f]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
}

async function wachtTot(berichten: BerichtenService, id: string, klaar: (b: Bericht) => boolean): Promise<Bericht> {
  const einde = Date.now() + 20_000;
  for (;;) {
    const bericht = await berichten.opId('GM0384', id);
    if (bericht && klaar(bericht)) return bericht;
    if (Date.now() > einde) throw new Error(`Bericht ${id} kwam niet zover: ${JSON.stringify(bericht)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
  const gemeenten = gemeentenRepository(database.db);
  await gemeenten.bewaar({ code: 'GM0384', naam: 'Diemen', slug: 'diemen', domein: null, thema: {} });
});
afterAll(() => database.close());

const opruimen: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stap of opruimen.splice(0).toReversed()) await stap();
});

/** Jobs (short retries) and the service on the shared database; the worker runs unless werk is false. */
async function opzet(mailUrl: string | undefined, opties: { werk?: boolean } = {}) {
  const jobs: Jobs = await startJobs({
    database,
    logger: stil,
    queues: [BERICHT_VERZENDEN],
    retry: { retryLimit: 2, retryDelay: 0, retryBackoff: false },
    pollingIntervalSeconds: 0.5,
  });
  opruimen.push(jobs.stop);
  const berichten = berichtenService({
    repository: berichtenRepository(database.db),
    jobs,
    klok: vasteKlok(NU),
    mailer: mailUrl ? smtpMailer(mailUrl) : undefined,
    config: { mailFrom: MAIL_FROM },
  });
  if (opties.werk !== false) await berichten.werk();
  return berichten;
}

const welkom = {
  gemeente: 'GM0384',
  aan: 'anna.de.vries@example.org',
  onderwerp: 'Welkom bij Loket – uw account is klaar (één stap)',
  tekst: 'Beste Anna,\n\nUw account is klaar.',
  html: '<p>Beste Anna,</p><p>Uw account is <strong>klaar</strong>.</p>',
};

describe('berichtenService with an SMTP server', () => {
  it('stores the message, then delivers it with the right envelope, UTF-8 subject and HTML part', async () => {
    const smtp = await smtpOntvanger();
    opruimen.push(smtp.close);
    const berichten = await opzet(smtp.url);

    const opgeslagen = await berichten.verstuur(welkom);
    expect(opgeslagen).toMatchObject({ status: 'wachtend', pogingen: 0, aangemaaktOp: NU, verzondenOp: null });

    const verzonden = await wachtTot(berichten, opgeslagen.id, (b) => b.status === 'verzonden');
    expect(verzonden).toMatchObject({ pogingen: 1, laatsteFout: null, verzondenOp: NU });
    expect(smtp.ontvangen).toHaveLength(1);
    const [mail] = smtp.ontvangen;
    expect(mail!.van).toBe('noreply@diemen.example');
    expect(mail!.aan).toEqual(['anna.de.vries@example.org']);
    expect(kop(mail!.bron, 'Subject')).toBe(welkom.onderwerp);
    expect(kop(mail!.bron, 'From')).toBe('Gemeente Diemen <noreply@diemen.example>');
    expect(kop(mail!.bron, 'Message-ID')).toBe(`<${opgeslagen.id}@diemen.example>`);
    expect(kop(mail!.bron, 'Auto-Submitted')).toBe('auto-generated');
    expect(mail!.bron).toMatch(/Content-Type: multipart\/alternative/);
    expect(mail!.bron).toMatch(/Content-Type: text\/plain; charset=utf-8/);
    expect(mail!.bron).toMatch(/Content-Type: text\/html; charset=utf-8/);
    expect(mail!.bron).toContain('<p>Uw account is <strong>klaar</strong>.</p>');
  });

  it('retries after a temporary refusal (451) and then delivers', async () => {
    const smtp = await smtpOntvanger({ weigerData: (poging) => (poging === 1 ? 451 : undefined) });
    opruimen.push(smtp.close);
    const berichten = await opzet(smtp.url);

    const { id } = await berichten.verstuur(welkom);
    const verzonden = await wachtTot(berichten, id, (b) => b.status === 'verzonden');
    expect(verzonden).toMatchObject({ pogingen: 2, laatsteFout: null });
    expect(smtp.teller.data).toBe(2);
    expect(smtp.ontvangen).toHaveLength(1);
  });

  it('marks the message mislukt after the last attempt when the server keeps answering 451', async () => {
    const smtp = await smtpOntvanger({ weigerData: () => 451 });
    opruimen.push(smtp.close);
    const berichten = await opzet(smtp.url);

    const { id } = await berichten.verstuur(welkom);
    const mislukt = await wachtTot(berichten, id, (b) => b.status === 'mislukt');
    expect(mislukt.pogingen).toBe(3);
    expect(mislukt.laatsteFout).toMatch(/451/);
    expect(mislukt.verzondenOp).toBeNull();
    expect(smtp.teller.data).toBe(3);
    expect(smtp.ontvangen).toEqual([]);
  });

  it('stops at once when the server refuses for good (550)', async () => {
    const smtp = await smtpOntvanger({ weigerOntvanger: 550 });
    opruimen.push(smtp.close);
    const berichten = await opzet(smtp.url);

    const { id } = await berichten.verstuur(welkom);
    const mislukt = await wachtTot(berichten, id, (b) => b.status === 'mislukt');
    expect(mislukt.pogingen).toBe(1);
    expect(mislukt.laatsteFout).toMatch(/550/);
    expect(smtp.teller.ontvanger).toBe(1);
  });

  it('sends a message once when its job runs twice, also at the same time', async () => {
    const smtp = await smtpOntvanger();
    opruimen.push(smtp.close);
    const berichten = await opzet(smtp.url, { werk: false });
    const { id } = await berichten.verstuur(welkom);
    const opdracht = { gemeente: 'GM0384', id };

    const tegelijk = await Promise.allSettled([berichten.verzend(opdracht, false), berichten.verzend(opdracht, false)]);
    expect(tegelijk.map((r) => r.status).toSorted()).toEqual(['fulfilled', 'rejected']);
    expect(tegelijk.find((r) => r.status === 'rejected')).toMatchObject({ reason: new Error(`Bericht ${id} wordt al verzonden door een andere poging.`) });

    await berichten.verzend(opdracht, false);
    expect(smtp.ontvangen).toHaveLength(1);
    expect(await berichten.opId('GM0384', id)).toMatchObject({ status: 'verzonden', pogingen: 1 });
  });
});

describe('berichtenService without SMTP_URL', () => {
  it('keeps the message as niet-verzonden and queues no job', async () => {
    const berichten = await opzet(undefined);
    const bericht = await berichten.verstuur({ ...welkom, onderwerp: 'Alleen in het postvak' });
    expect(bericht).toMatchObject({ status: 'niet-verzonden', pogingen: 0, verzondenOp: null });
    expect(await berichten.opId('GM0384', bericht.id)).toEqual(bericht);
    const { rows } = await sql`select 1 from pgboss.job where name = ${BERICHT_VERZENDEN} and data->>'id' = ${bericht.id}`.execute(database.db);
    expect(rows).toEqual([]);
  });
});

describe('berichtenService.verstuur in a transaction of the caller', () => {
  it('stores nothing and queues nothing when that transaction rolls back', async () => {
    const smtp = await smtpOntvanger();
    opruimen.push(smtp.close);
    const berichten = await opzet(smtp.url, { werk: false });
    let id = '';
    await expect(
      database.db.transaction().execute(async (transactie) => {
        ({ id } = await berichten.verstuur(welkom, { transactie }));
        throw new Error('gebruiker niet aangemaakt');
      }),
    ).rejects.toThrow('gebruiker niet aangemaakt');
    expect(await berichten.opId('GM0384', id)).toBeUndefined();
    const { rows } = await sql`select 1 from pgboss.job where data->>'id' = ${id}`.execute(database.db);
    expect(rows).toEqual([]);
  });
});
