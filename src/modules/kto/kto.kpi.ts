/**
 * The measure of the question after closing in the KPI register (ADR 0029, ADR 0052, ADR 0086):
 * the share of satisfied answers, in all and per zaaktype, team and channel, one query of
 * kto.repository.ts.
 */
import type { Kysely } from 'kysely';
import { KANALEN, type DB, type Kanaal } from '../../db/schema.ts';
import { percentage, type KpiDefinitie, type KpiMaat } from '../kpi/kpi.definitie.ts';
import { ktoRepository } from './kto.repository.ts';

export const KTO_DEFINITIES = {
  tevredenheid: {
    code: 'tevredenheid-na-afhandeling',
    versie: 2,
    naam: { nl: 'Tevreden na afhandeling', en: 'Satisfied after closing' },
    doel: 'Laten zien hoe tevreden inwoners zijn over de afhandeling van hun zaak, per zaaktype, per team en per kanaal waarlangs de zaak binnenkwam (programma Samen besturen, doel 7: de mening van inwoners vragen na een aanvraag).',
    teller: 'Antwoorden op de vraag na afhandeling die tevreden zijn: "ja", of 4 of 5 op de schaal 1–5, of 7 of hoger op de schaal 1–10.',
    noemer: 'Antwoorden op de vraag na afhandeling die in de periode binnenkwamen.',
    periode: { datum: 'gebeurtenis', regel: 'Het moment van het antwoord (Europe/Amsterdam) ligt in de periode.' },
    uitsluitingen: [
      'Alleen zaken van zaaktypen waarvoor de vraag aan staat, uit de steekproef, van inwoners met een e-mailadres die in de 30 dagen ervoor geen vraag kregen.',
      'Vragen zonder antwoord tellen niet mee.',
      'Eén antwoord per zaak; een tweede antwoord op dezelfde link wordt niet opgeslagen.',
      'De schalen worden niet gemiddeld of omgerekend: elk antwoord telt als tevreden of niet tevreden (zie de teller), zo tellen 1–5, 1–10 en ja/nee samen in één percentage. Een zaaktype dat van schaal wisselt, telt elk antwoord op de schaal waarop het gegeven is.',
      'Team en kanaal zijn die van de zaak bij het afsluiten. Antwoorden waarvan het team of het kanaal niet bekend is, tellen wel in het geheel en per zaaktype, niet per team of kanaal.',
    ],
    eenheid: 'procent',
    richting: 'hoger-is-beter',
    norm: null,
    eigenaar: 'Concernstaf, team Dienstverlening',
    module: 'kto',
    publiek: false,
    uitsplitsingen: ['zaaktype', 'team', 'kanaal'],
  },
} satisfies Record<string, KpiDefinitie>;

const isZaakKanaal = (k: string): k is Kanaal => (KANALEN as readonly string[]).includes(k);

/** The KTO measures, on one database. */
export function ktoKpis(db: Kysely<DB>): KpiMaat[] {
  const repository = ktoRepository(db);
  return [
    {
      definitie: KTO_DEFINITIES.tevredenheid,
      async bereken(v) {
        const leeg = 'Er kwamen in deze periode geen antwoorden op de vraag na afhandeling binnen.';
        if (v.wachtrij !== undefined) return [{ groep: null, status: 'niet-bekend', reden: 'Antwoorden hebben geen wachtrij.', noemer: 0 }];
        const kanaal = v.kanaal;
        if (kanaal !== undefined && !isZaakKanaal(kanaal)) return [{ groep: null, status: 'niet-bekend', reden: `Zaken komen niet binnen via het kanaal ${kanaal}.`, noemer: 0 }];
        const rijen = await repository.tevredenheid(v.gemeente, v.van, v.tot, { zaaktype: v.zaaktype, team: v.team, kanaal });
        const geheel = rijen.find((r) => r.groep === null) ?? { tevreden: 0, antwoorden: 0 };
        return [percentage(null, geheel.tevreden, geheel.antwoorden, leeg), ...rijen.flatMap((r) => (r.groep === null ? [] : [percentage(r.groep, r.tevreden, r.antwoorden, leeg)]))];
      },
    },
  ];
}
