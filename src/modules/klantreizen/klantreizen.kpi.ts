/**
 * The klantreizen measure in the KPI register (ADR 0029, ADR 0081): herhaalcontact, a
 * declaration and one query of klantreizen.repository.ts, computed live from the klantcontacten.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { percentage, type KpiDefinitie, type KpiMaat, type KpiMeting } from '../kpi/kpi.definitie.ts';
import { klantreizenRepository } from './klantreizen.repository.ts';
import { HERHAAL_DAGEN } from './klantreizen.service.ts';

export const KLANTREIS_DEFINITIES = {
  herhaalcontact: {
    code: 'klantcontacten-herhaalcontact',
    versie: 1,
    naam: { nl: 'Herhaalcontact binnen 7 dagen', en: 'Repeat contact within 7 days' },
    doel: 'Laten zien hoe vaak een inwoner opnieuw contact moet opnemen over dezelfde vraag of dezelfde zaak. Een herhaalcontact wijst op een vraag die de eerste keer niet goed is beantwoord (programma Samen besturen, project 16: klantreizen).',
    teller: 'Klantcontacten die binnen 7 dagen (168 uur, grens inbegrepen) na een eerder contact van dezelfde persoon komen over hetzelfde onderwerp (hoofdletters en spaties tellen niet mee) of over dezelfde zaak.',
    noemer: 'Klantcontacten in de periode waarbij een persoon is vastgelegd met een e-mailadres of telefoonnummer, op elk kanaal.',
    periode: { datum: 'gebeurtenis', regel: 'Het moment van het contact (Europe/Amsterdam) ligt in de periode. Het eerdere contact mag voor de periode liggen.' },
    uitsluitingen: [
      'Contacten zonder persoon, of met een persoon zonder e-mailadres en telefoonnummer, tellen niet: die zijn niet aan een eerder contact te koppelen.',
      'Dezelfde persoon: hetzelfde e-mailadres (hoofdletters tellen niet mee) of hetzelfde telefoonnummer zoals vastgelegd.',
      'Na de bewaartermijn van de persoonsgegevens (een jaar na het contact) is een contact niet meer te koppelen; een periode van langer dan een jaar geleden kan dan lager uitkomen.',
      'Twee contacten op precies hetzelfde moment zijn geen herhaling van elkaar.',
      'Klantcontacten hebben geen zaaktype: met een filter op zaaktype is de waarde niet bekend.',
      'Met een filter op kanaal tellen alleen de contacten op dat kanaal; het eerdere contact mag op elk kanaal zijn geweest.',
    ],
    eenheid: 'procent',
    richting: 'lager-is-beter',
    norm: null,
    eigenaar: 'Klantcontactcentrum',
    module: 'klantreizen',
    publiek: false,
    uitsplitsingen: ['kanaal', 'onderwerp'],
  },
} satisfies Record<string, KpiDefinitie>;

const LEEG = 'Er zijn in deze periode geen klantcontacten met een bekende persoon vastgelegd.';

/** The klantreizen measures, on one database. */
export function klantreizenKpis(db: Kysely<DB>): KpiMaat[] {
  const repository = klantreizenRepository(db);
  return [
    {
      definitie: KLANTREIS_DEFINITIES.herhaalcontact,
      async bereken(v): Promise<KpiMeting[]> {
        if (v.zaaktype !== undefined) {
          return [{ groep: null, status: 'niet-bekend', reden: 'Klantcontacten hebben geen zaaktype: deze maat bestaat alleen voor alle contacten samen.', noemer: 0 }];
        }
        const tellingen = await repository.herhaalcontacten(v.gemeente, v.van, v.tot, HERHAAL_DAGEN, v.kanaal);
        const geheel = tellingen.find((t) => t.groep === null) ?? { groep: null, teller: 0, noemer: 0 };
        return [geheel, ...tellingen.filter((t) => t.groep !== null)].map((t) => percentage(t.groep, t.teller, t.noemer, LEEG));
      },
    },
  ];
}
