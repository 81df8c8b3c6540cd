/**
 * The contactverzoeken measure in the KPI register (ADR 0029): a declaration and one query of
 * contactverzoeken.repository.ts.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { percentage, type KpiDefinitie, type KpiMaat } from '../kpi/kpi.definitie.ts';
import { contactverzoekenRepository } from './contactverzoeken.repository.ts';

export const CONTACTVERZOEK_DEFINITIES = {
  binnenTermijn: {
    code: 'kcc-contactverzoeken-binnen-termijn',
    versie: 1,
    naam: { nl: 'Terugbelverzoeken op tijd afgehandeld', en: 'Callback requests handled on time' },
    doel: 'Laten zien of de teams inwoners terugbellen binnen de termijn die het KCC aan de inwoner noemt (programma Samen besturen, project 9: minder terugbelverzoeken, en die op tijd).',
    teller: 'Contactverzoeken die uiterlijk op hun termijndatum zijn afgehandeld (afgerond of niet bereikt).',
    noemer: 'Contactverzoeken die in de periode zijn afgehandeld (afgerond of niet bereikt).',
    periode: { datum: 'afgesloten', regel: 'De dag waarop het verzoek is afgehandeld (Europe/Amsterdam) ligt in de periode.' },
    uitsluitingen: [
      'Open verzoeken tellen niet mee, ook niet als hun termijn al voorbij is.',
      'Niet bereikt telt als afgehandeld: het team heeft het geprobeerd (minstens één poging is vastgelegd).',
      'De termijndatum is de norm van het onderwerp in werkdagen (standaard 2) vanaf de dag na het verzoek; weekenden, feestdagen en sluitingsdagen van de gemeente tellen niet.',
      'Afgehandeld op de termijndatum zelf (Nederlandse tijd) is op tijd.',
      'Contactverzoeken hebben geen zaaktype: met een filter op zaaktype is de waarde niet bekend.',
    ],
    eenheid: 'procent',
    richting: 'hoger-is-beter',
    norm: null,
    eigenaar: 'Klantcontactcentrum',
    module: 'contactverzoeken',
    publiek: false,
    uitsplitsingen: [],
  },
} satisfies Record<string, KpiDefinitie>;

/** The contactverzoeken measures, on one database. */
export function contactverzoekenKpis(db: Kysely<DB>): KpiMaat[] {
  const repository = contactverzoekenRepository(db);
  return [
    {
      definitie: CONTACTVERZOEK_DEFINITIES.binnenTermijn,
      async bereken(v) {
        if (v.zaaktype !== undefined) {
          return [{ groep: null, status: 'niet-bekend', reden: 'Contactverzoeken hebben geen zaaktype: deze maat bestaat alleen voor alle verzoeken samen.', noemer: 0 }];
        }
        const { teller, noemer } = await repository.binnenTermijn(v.gemeente, v.van, v.tot);
        return [percentage(null, teller, noemer, 'Er zijn in deze periode geen contactverzoeken afgehandeld.')];
      },
    },
  ];
}
