import { Command } from 'commander';
import { cliContext } from '../modules/audit/audit.service.ts';
import { metCliLoket, toon } from './cli.shared.ts';

export function opruimenCommando(): Command {
  return new Command('opruimen')
    .description('Pas de bewaartermijnen toe: verlopen sessies, oude idempotentie-sleutels, hele maanden inloggegevens ouder dan 6 maanden, maandpartities van de logboeken vooruit, e-mailadres en telefoon van inwoners een jaar na het afsluiten van hun zaak (de server doet dit elke 6 uur zelf)')
    .option('--json', 'uitvoer als JSON')
    .action((opties: { json?: boolean }) =>
      metCliLoket(async ({ services }) => {
        const r = await services.onderhoud.ruimOp(cliContext());
        toon(Boolean(opties.json), r, `Opgeruimd: ${r.sessies} sessies, ${r.idempotentie} idempotentie-sleutels, ${r.aanmeldgegevens} inlogregels (${r.logmaanden.vernietigd.length} maanden), ${r.contactgegevens} contactgegevens van inwoners, ${r.klantcontactPersonen} personen van klantcontacten, ${r.paginafeedback} reacties op webpagina's, ${r.mailAfzenders} afzenders van e-mails, ${r.contactverzoekPersonen} personen van contactverzoeken, ${r.afspraakPersonen} afspraken, ${r.meldingConcepten} onverstuurde meldingen, ${r.meldingVolgers} volgers van meldingen, ${r.kto} gegevens bij de vraag na afhandeling, ${r.panelAanmeldingen} onbevestigde aanmeldingen voor het inwonerspanel, ${r.formulierConcepten} formulieren in concept, ${r.inwonerSessies} inlogpogingen, sessies en links van inwoners; ${r.logmaanden.gemaakt.length} logmaanden aangemaakt; ${r.meldingTermen} woorden geteld voor de categoriesuggestie.`);
      }),
    );
}
