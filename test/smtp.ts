import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface OntvangenMail {
  aan: string[];
  onderwerp: string;
  tekst: string;
  bron: string;
}

/** Header value with folding undone and RFC 2047 encoded words decoded. */
function kop(bron: string, naam: string): string {
  const koppen = (bron.split('\r\n\r\n')[0] ?? '').replace(/\r\n[ \t]+/g, ' ');
  const regel = koppen.split('\r\n').find((r) => r.toLowerCase().startsWith(`${naam.toLowerCase()}:`));
  return (regel ?? '')
    .slice(naam.length + 1)
    .trim()
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_w, soort: string, tekst: string) =>
      soort.toLowerCase() === 'b'
        ? Buffer.from(tekst, 'base64').toString('utf8')
        : Buffer.from(tekst.replaceAll('_', ' ').replace(/=([0-9a-f]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
}

/** The text body of a single-part mail (quoted-printable, base64 or plain). */
function tekstVan(bron: string): string {
  const scheiding = bron.indexOf('\r\n\r\n');
  const lichaam = bron.slice(scheiding + 4);
  const codering = kop(bron, 'Content-Transfer-Encoding').toLowerCase();
  if (codering === 'base64') return Buffer.from(lichaam.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (codering === 'quoted-printable') {
    const bytes = lichaam.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return lichaam;
}

/** A real SMTP server on 127.0.0.1 (random port) that keeps what it receives. */
export async function smtpOntvanger() {
  const ontvangen: OntvangenMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, sessie, callback) {
      const delen: Buffer[] = [];
      stream.on('data', (deel: Buffer) => delen.push(deel));
      stream.on('end', () => {
        const bron = Buffer.concat(delen).toString('utf8');
        ontvangen.push({ aan: sessie.envelope.rcptTo.map((r) => r.address), onderwerp: kop(bron, 'Subject'), tekst: tekstVan(bron).replace(/\r\n/g, '\n'), bron });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    ontvangen,
    /** Waits (up to 20 s) for a mail to this address whose subject matches. */
    async wachtOp(aan: string, onderwerp: RegExp | string): Promise<OntvangenMail> {
      const einde = Date.now() + 20_000;
      for (;;) {
        const mail = ontvangen.find((m) => m.aan.includes(aan) && (typeof onderwerp === 'string' ? m.onderwerp === onderwerp : onderwerp.test(m.onderwerp)));
        if (mail) return mail;
        if (Date.now() > einde) throw new Error(`Geen mail aan ${aan} met onderwerp ${String(onderwerp)}; wel: ${ontvangen.map((m) => `${m.aan.join(',')}: ${m.onderwerp}`).join(' | ')}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
