/**
 * The e-mail intake's SMTP listener (ADR 0046): `loket serve` receives mail for the gemeenten'
 * intake addresses itself, when LOKET_MAIL_INTAKE_PORT is set. It takes only recipients that
 * are an intake address (550 otherwise), refuses a message over the size limit (552), and
 * hands each message to the intake service once per gemeente of its recipients, dated the
 * moment Loket received it. A failure of Loket itself is a 451: the sending server tries again
 * later, and the Message-ID makes a second delivery harmless — also when several nodes listen.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { ProblemError } from '../../http/problem.ts';
import type { Klok } from '../../klok.ts';
import type { Context } from '../audit/audit.service.ts';
import type { MailintakeService } from './mailintake.service.ts';

export interface MailIntakeLuisteraar {
  /** The port it listens on (the one asked for, or the one given for port 0). */
  poort: number;
  /** Stops taking connections; a message being received may finish. */
  close(): Promise<void>;
}

/** An SMTP answer: the code the sending server acts on (4xx: try again later; 5xx: give up and bounce). */
const smtpFout = (code: number, tekst: string): Error => Object.assign(new Error(tekst), { responseCode: code });

/** The intake's refusals that say something about the message itself (mailintake.errors.ts). */
const PERMANENT = new Set(['te-groot', 'leeg-bericht']);

const contextVan = (sessie: SMTPServerSession): Context => ({
  actorType: 'systeem',
  actorId: null,
  actorNaam: 'e-mailintake (SMTP)',
  herkomst: sessie.remoteAddress,
  traceId: randomBytes(16).toString('hex'),
});

export async function startMailIntake(opties: {
  host: string;
  poort: number;
  maxBytes: number;
  mailintake: Pick<MailintakeService, 'gemeenteVanAdres' | 'ontvang'>;
  klok: Klok;
  /** Where a failure of Loket itself is logged (the sender is told 451). */
  meldFout: (fout: unknown) => void;
}): Promise<MailIntakeLuisteraar> {
  const { mailintake, klok } = opties;
  const server = new SMTPServer({
    name: hostname(),
    banner: 'Loket e-mailintake',
    size: opties.maxBytes,
    // No login: the listener takes mail for the intake addresses only, as any MX does. TLS is the
    // relay's in front of it (ADR 0046); on loopback none is needed.
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    maxClients: 50,
    socketTimeout: 60_000,
    onRcptTo(adres, _sessie, callback) {
      mailintake.gemeenteVanAdres(adres.address).then(
        (gemeente) => callback(gemeente ? null : smtpFout(550, `5.1.1 <${adres.address}>: geen intakeadres van een gemeente`)),
        (fout: unknown) => {
          opties.meldFout(fout);
          callback(smtpFout(451, '4.3.0 Tijdelijk niet beschikbaar, probeer het later opnieuw'));
        },
      );
    },
    onData(stream, sessie, callback) {
      const delen: Buffer[] = [];
      stream.on('data', (deel: Buffer) => delen.push(deel));
      stream.on('end', () => {
        const ontvangenOp = klok.nu();
        if (stream.sizeExceeded) {
          callback(smtpFout(552, `5.3.4 Bericht te groot: hoogstens ${Math.floor(opties.maxBytes / (1024 * 1024))} MB`));
          return;
        }
        const bron = Buffer.concat(delen);
        void (async () => {
          const gemeenten = new Set<string>();
          for (const r of sessie.envelope.rcptTo) {
            const gemeente = await mailintake.gemeenteVanAdres(r.address);
            if (gemeente) gemeenten.add(gemeente);
          }
          for (const gemeente of gemeenten) await mailintake.ontvang(contextVan(sessie), { gemeente, bron, via: 'smtp', ontvangenOp });
        })().then(
          () => callback(),
          (fout: unknown) => {
            // Refused for what it is (too large, not a message): for good. Anything else — also a
            // gemeente whose zaaktype e-mailvraag is missing — is ours to fix: the sender tries again later.
            if (fout instanceof ProblemError && PERMANENT.has(fout.code)) callback(smtpFout(fout.status === 413 ? 552 : 554, `5.6.0 ${fout.detail ?? fout.title}`));
            else {
              opties.meldFout(fout);
              callback(smtpFout(451, '4.3.0 Tijdelijk niet verwerkt, probeer het later opnieuw'));
            }
          },
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opties.poort, opties.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (fout) => opties.meldFout(fout));
  return {
    poort: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
