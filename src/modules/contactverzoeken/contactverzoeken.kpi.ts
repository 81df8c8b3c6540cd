/**
 * The contactverzoeken measure in the KPI register (ADR 0029): a declaration and one query of
 * contactverzoeken.repository.ts, read from the day rollup when it is current (ADR 0066); the
 * whole selection and a row per team.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { DagRollup } from '../kpi/kpi.dagrollup.ts';
import { percentage, type KpiDefinitie, type KpiMaat, type KpiMeting, type KpiVersheid } from '../kpi/kpi.definitie.ts';
import { contactverzoekenRepository } from './contactverzoeken.repository.ts';
import { contactverzoekenRollupRepository } from './contactverzoeken.rollup.repository.ts';

export const CONTACTVERZOEK_DEFINITIES = {
  binnenTermijn: {
    code: 'kcc-contactverzoeken-binnen-termijn',
    versie: 2,
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
      'Per team telt het team waaraan het verzoek is toegewezen; een verzoek aan een medewerker zonder team telt alleen in het totaal.',
    ],
    eenheid: 'procent',
    richting: 'hoger-is-beter',
    norm: null,
    eigenaar: 'Klantcontactcentrum',
    module: 'contactverzoeken',
    publiek: false,
    uitsplitsingen: ['team'],
  },
} satisfies Record<string, KpiDefinitie>;

const LEEG = 'Er zijn in deze periode geen contactverzoeken afgehandeld.';

/** The contactverzoeken measures, on one database; with the rollup (ADR 0066) they read it when it is current. */
export function contactverzoekenKpis(db: Kysely<DB>, rollup?: DagRollup): KpiMaat[] {
  const repository = contactverzoekenRepository(db);
  const emmers = contactverzoekenRollupRepository(db);
  return [
    {
      definitie: CONTACTVERZOEK_DEFINITIES.binnenTermijn,
      async bereken(v) {
        if (v.zaaktype !== undefined) {
          return [{ groep: null, status: 'niet-bekend', reden: 'Contactverzoeken hebben geen zaaktype: deze maat bestaat alleen voor alle verzoeken samen.', noemer: 0 }];
        }
        let versheid: KpiVersheid = { bron: 'live', reden: null, rollupBijgewerktOp: null, herberekend: [] };
        let rijen: { team: string | null; teller: number; noemer: number }[] | undefined;
        if (rollup) {
          const r = await rollup.lees(v.gemeente, v.van, v.tot, () => emmers.emmers(v.gemeente, v.van, v.tot, v.team));
          if ('reden' in r) versheid = { ...versheid, reden: r.reden };
          else ({ versheid, emmers: rijen } = r);
        }
        rijen ??= await repository.binnenTermijn(v.gemeente, v.van, v.tot, v.team);
        const som = (lijst: typeof rijen) => ({ teller: lijst.reduce((s, r) => s + r.teller, 0), noemer: lijst.reduce((s, r) => s + r.noemer, 0) });
        const geheel = som(rijen);
        const perTeam = [...Map.groupBy(rijen.filter((r) => r.team !== null), (r) => r.team ?? '')].toSorted(([a], [b]) => a.localeCompare(b));
        const metingen: KpiMeting[] = [percentage(null, geheel.teller, geheel.noemer, LEEG), ...perTeam.map(([team, lijst]) => percentage({ team }, som(lijst).teller, som(lijst).noemer, LEEG))];
        return { metingen, versheid };
      },
    },
  ];
}
