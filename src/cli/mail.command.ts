import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { cliContext } from '../modules/audit/audit.service.ts';
import { GebruiksFout, gemeenteOptie, metCliLoket } from './cli.shared.ts';

const BRON_TEKST = {
  received: 'de bovenste Received:-kop',
  date: 'de Date:-kop',
  import: 'het moment van importeren (geen bruikbare Received:- of Date:-kop)',
  smtp: 'het moment dat Loket de e-mail ontving',
  antwoord: 'het antwoord',
} as const;

/**
 * `loket mail import` (a saved message, through the same intake service as the SMTP listener)
 * and `loket mail adres` (the gemeente's intake addresses; ADR 0046). Exit 2 on bad usage,
 * 1 when the message is refused or Loket cannot do it.
 */
export function mailCommando(): Command {
  const mail = new Command('mail').description('E-mailintake: e-mail aan de gemeente wordt een zaak (e-mailvraag)');

  mail
    .command('import')
    .description('Lees een opgeslagen e-mail (.eml, RFC 5322) in: een nieuwe zaak e-mailvraag, of een reactie op de zaak van dezelfde draad; dezelfde e-mail nog eens voegt niets toe')
    .argument('<bestand>', 'de e-mail als .eml-bestand')
    .addOption(gemeenteOptie())
    .option('--json', 'print de uitkomst als één JSON-object: {"zaak": {"identificatie", "ontvangstdatum", "uiterlijkeEinddatum", …}, "ontvangstdatumBron", "nieuw", "draad", "dubbel", …}')
    .action((bestand: string, o: { gemeente: string; json?: boolean }) => {
      let bron: Buffer;
      try {
        bron = readFileSync(bestand);
      } catch {
        throw new GebruiksFout(`kan ${bestand} niet lezen`);
      }
      return metCliLoket(async (cli) => {
        const uit = await cli.services.mailintake.ontvang(cliContext(), { gemeente: o.gemeente, bron, via: 'import' });
        if (o.json) {
          process.stdout.write(`${JSON.stringify(uit)}\n`);
          return;
        }
        const wat = uit.dubbel ? `Al eerder ingelezen bij zaak ${uit.zaak.identificatie}: niets toegevoegd.` : uit.draad ? `Reactie toegevoegd aan zaak ${uit.zaak.identificatie}.` : `Nieuwe zaak ${uit.zaak.identificatie}.`;
        process.stdout.write(`${wat}\nOntvangstdatum ${uit.mail.ontvangstdatum} (volgens ${BRON_TEKST[uit.ontvangstdatumBron]}); uiterlijk klaar ${uit.zaak.uiterlijkeEinddatum}.\n`);
        for (const b of uit.bijlagen) process.stdout.write(b.geweigerd ? `Bijlage ${b.bestandsnaam} geweigerd: ${b.geweigerd}\n` : `Bijlage ${b.bestandsnaam} opgenomen als document.\n`);
      });
    });

  mail
    .command('adres')
    .description('Voeg een intakeadres van de gemeente toe (info@diemen.nl, of @diemen.nl voor het hele domein); zonder adres: toon de adressen')
    .argument('[adres]', 'e-mailadres, of @domein')
    .addOption(gemeenteOptie())
    .action((adres: string | undefined, o: { gemeente: string }) => {
      if (adres !== undefined && !/^[^@\s]*@[^@\s]+\.[^@\s]+$/.test(adres.trim())) throw new GebruiksFout(`${adres} is geen e-mailadres of @domein`);
      return metCliLoket(async (cli) => {
        if (adres !== undefined) {
          const toegevoegd = await cli.services.mailintake.voegAdresToe(cliContext(), o.gemeente, adres);
          if (!toegevoegd) throw new Error(`${adres.trim().toLowerCase()} is al een intakeadres (van deze of een andere gemeente)`);
        }
        for (const a of await cli.services.mailintake.adressen(o.gemeente)) process.stdout.write(`${a}\n`);
      });
    });
  return mail;
}
