/**
 * The measure of the question after closing in the KPI register (ADR 0029, ADR 0052): the share
 * of satisfied answers per zaaktype, one query of kto.repository.ts.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { percentage, type KpiDefinitie, type KpiMaat } from '../kpi/kpi.definitie.ts';
import { ktoRepository } from './kto.repository.ts';

export const KTO_DEFINITIES = {
  tevredenheid: {
    code: 'tevredenheid-na-afhandeling',
    versie: 1,
    naam: { nl: 'Tevreden na afhandeling', en: 'Satisfied after closing' },
    doel: 'Laten zien hoe tevreden inwoners zijn over de afhandeling van hun zaak, per zaaktype (programma Samen besturen, doel 7: de mening van inwoners vragen na een aanvraag).',
    teller: 'Antwoorden op de vraag na afhandeling die tevreden zijn: "ja", of 4 of 5 op de schaal 1–5, of 7 of hoger op de schaal 1–10.',
    noemer: 'Antwoorden op de vraag na afhandeling die in de periode binnenkwamen.',
    periode: { datum: 'gebeurtenis', regel: 'Het moment van het antwoord (Europe/Amsterdam) ligt in de periode.' },
    uitsluitingen: [
      'Alleen zaken van zaaktypen waarvoor de vraag aan staat, uit de steekproef, van inwoners met een e-mailadres die in de 30 dagen ervoor geen vraag kregen.',
      'Vragen zonder antwoord tellen niet mee.',
      'Eén antwoord per zaak; een tweede antwoord op dezelfde link wordt niet opgeslagen.',
    ],
    eenheid: 'procent',
    richting: 'hoger-is-beter',
    norm: null,
    eigenaar: 'Concernstaf, team Dienstverlening',
    module: 'kto',
    publiek: false,
    uitsplitsingen: ['zaaktype'],
  },
} satisfies Record<string, KpiDefinitie>;

/** The KTO measures, on one database. */
export function ktoKpis(db: Kysely<DB>): KpiMaat[] {
  const repository = ktoRepository(db);
  return [
    {
      definitie: KTO_DEFINITIES.tevredenheid,
      async bereken(v) {
        const leeg = 'Er kwamen in deze periode geen antwoorden op de vraag na afhandeling binnen.';
        if (v.wachtrij !== undefined) return [{ groep: null, status: 'niet-bekend', reden: 'Antwoorden hebben geen wachtrij.', noemer: 0 }];
        const rijen = await repository.tevredenheid(v.gemeente, v.van, v.tot, v.zaaktype);
        const teller = rijen.reduce((s, r) => s + r.tevreden, 0);
        const noemer = rijen.reduce((s, r) => s + r.antwoorden, 0);
        return [percentage(null, teller, noemer, leeg), ...rijen.map((r) => percentage({ zaaktype: r.zaaktype }, r.tevreden, r.antwoorden, leeg))];
      },
    },
  ];
}
