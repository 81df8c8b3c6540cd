import type { InvalidParam } from '../../http/problem.ts';
import type { Klok } from '../../klok.ts';
import { kalenderdag, leesDatum } from '../termijnen/kalender.ts';
import { BEZWAAR, bezwaarTermijnen, KLACHT, klachtTermijnen, type BezwaarInvoer, type BezwaarTermijnen, type KlachtTermijnen } from './bezwaar.termijnen.ts';
import { berekenDwangsom, type Dwangsom } from './dwangsom.ts';
import { bezwaarInvoerOngeldig } from './bezwaar.errors.ts';

/** The question as the API and `loket bezwaar termijnen` ask it (dates as typed). */
export interface BezwaarVraag {
  bekendmaking: string;
  ontvangen: string;
  verzonden?: string | undefined;
  commissie?: boolean | undefined;
  verdaagd?: boolean | undefined;
  herstelVerzocht?: string | undefined;
  hersteld?: string | undefined;
}

export interface BezwaarUitkomst extends BezwaarTermijnen {
  bekendmaking: string;
  ontvangen: string;
  verzonden: string | null;
  commissie: boolean;
}

export interface DwangsomVraag {
  beslistermijnEinde: string;
  ingebrekestelling: string;
  beslist?: string | undefined;
}

export interface DwangsomUitkomst extends Dwangsom {
  beslistermijnEinde: string;
  ingebrekestelling: string;
  beslist: string | null;
  /** The day the amount was counted up to when there is no decision yet. */
  peildatum: string;
}

/** Collects the reasons of every field at once (the kalender's own Dutch messages). */
function verzamelaar(prefix: string) {
  const fouten: InvalidParam[] = [];
  const geldig = (naam: string, waarde: string | undefined, verplicht = false): string | undefined => {
    if (waarde === undefined) {
      if (verplicht) fouten.push({ name: `${prefix}${naam}`, code: 'ontbreekt', reason: 'Vul een datum (JJJJ-MM-DD) in.' });
      return undefined;
    }
    try {
      return leesDatum(waarde);
    } catch (error) {
      fouten.push({ name: `${prefix}${naam}`, code: 'ongeldige-datum', reason: (error as Error).message });
      return undefined;
    }
  };
  const fout = (naam: string, code: string, reason: string) => fouten.push({ name: `${prefix}${naam}`, code, reason });
  return { fouten, geldig, fout };
}

/**
 * Checks a bezwaar question against the calendar and today (Europe/Amsterdam); every problem is
 * named at once. A bekendmaking or receipt in the future is an error: no term runs yet.
 */
export function leesBezwaarVraag(vraag: BezwaarVraag, vandaag: string, prefix = ''): BezwaarInvoer {
  const { fouten, geldig, fout } = verzamelaar(prefix);
  const bekendmaking = geldig('bekendmaking', vraag.bekendmaking, true);
  const ontvangen = geldig('ontvangen', vraag.ontvangen, true);
  const verzonden = geldig('verzonden', vraag.verzonden);
  const verzocht = geldig('herstelVerzocht', vraag.herstelVerzocht);
  const hersteld = geldig('hersteld', vraag.hersteld);
  if (bekendmaking && bekendmaking > vandaag)
    fout('bekendmaking', 'in-de-toekomst', `De bekendmaking (${bekendmaking}) ligt na vandaag (${vandaag}). De bezwaartermijn begint pas de dag na de bekendmaking.`);
  if (ontvangen && ontvangen > vandaag) fout('ontvangen', 'in-de-toekomst', `De ontvangst (${ontvangen}) ligt na vandaag (${vandaag}).`);
  if (verzonden && ontvangen && verzonden > ontvangen) fout('verzonden', 'na-ontvangst', `Het poststempel (${verzonden}) ligt na de ontvangst (${ontvangen}).`);
  if (hersteld !== undefined && vraag.herstelVerzocht === undefined) fout('herstelVerzocht', 'ontbreekt', 'Geef ook de dag waarop om herstel van het verzuim is gevraagd.');
  if (verzocht && ontvangen && verzocht < ontvangen) fout('herstelVerzocht', 'voor-ontvangst', `Om herstel is gevraagd (${verzocht}) vóór het bezwaarschrift binnenkwam (${ontvangen}).`);
  if (verzocht && verzocht > vandaag) fout('herstelVerzocht', 'in-de-toekomst', `Het verzoek om herstel (${verzocht}) ligt na vandaag (${vandaag}).`);
  if (verzocht && hersteld && hersteld < verzocht) fout('hersteld', 'voor-verzoek', `Het herstel (${hersteld}) ligt vóór het verzoek om herstel (${verzocht}).`);
  if (hersteld && hersteld > vandaag) fout('hersteld', 'in-de-toekomst', `Het herstel (${hersteld}) ligt na vandaag (${vandaag}); laat het weg zolang het verzuim niet is hersteld.`);
  if (fouten.length > 0 || !bekendmaking || !ontvangen) throw bezwaarInvoerOngeldig(fouten);
  return {
    bekendmaking,
    ontvangen,
    verzonden: verzonden ?? null,
    commissie: vraag.commissie === true,
    verdagingWeken: vraag.verdaagd ? BEZWAAR.maxVerdagingWeken : 0,
    herstel: verzocht ? [{ verzocht, hersteld: hersteld ?? null }] : [],
    vandaag,
  };
}

/** The terms of a checked question, with the question itself (pure: the CLI uses it without a database). */
export function bezwaarUitkomst(invoer: BezwaarInvoer): BezwaarUitkomst {
  const t = bezwaarTermijnen(invoer);
  return { bekendmaking: invoer.bekendmaking, ontvangen: invoer.ontvangen, verzonden: invoer.verzonden ?? null, commissie: invoer.commissie === true, ...t };
}

export interface KlachtVraag {
  ontvangen: string;
  commissie?: boolean | undefined;
  verdaagd?: boolean | undefined;
}

export interface KlachtUitkomst extends KlachtTermijnen {
  ontvangen: string;
  commissie: boolean;
}

/** Checks a klacht question (receipt not after today) and computes its terms. */
export function klachtUitkomst(vraag: KlachtVraag, vandaag: string, prefix = ''): KlachtUitkomst {
  const { fouten, geldig, fout } = verzamelaar(prefix);
  const ontvangen = geldig('ontvangen', vraag.ontvangen, true);
  if (ontvangen && ontvangen > vandaag) fout('ontvangen', 'in-de-toekomst', `De ontvangst (${ontvangen}) ligt na vandaag (${vandaag}).`);
  if (fouten.length > 0 || !ontvangen) throw bezwaarInvoerOngeldig(fouten);
  const commissie = vraag.commissie === true;
  return { ontvangen, commissie, ...klachtTermijnen({ ontvangen, commissie, verdagingWeken: vraag.verdaagd ? KLACHT.maxVerdagingWeken : 0 }) };
}

/** Checks a dwangsom question: the ingebrekestelling and the decision cannot lie after today. */
export function dwangsomUitkomst(vraag: DwangsomVraag, vandaag: string, prefix = ''): DwangsomUitkomst {
  const { fouten, geldig, fout } = verzamelaar(prefix);
  const einde = geldig('beslistermijnEinde', vraag.beslistermijnEinde, true);
  const ingebrekestelling = geldig('ingebrekestelling', vraag.ingebrekestelling, true);
  const beslist = geldig('beslist', vraag.beslist);
  if (ingebrekestelling && ingebrekestelling > vandaag) fout('ingebrekestelling', 'in-de-toekomst', `De ingebrekestelling (${ingebrekestelling}) ligt na vandaag (${vandaag}).`);
  if (beslist && beslist > vandaag) fout('beslist', 'in-de-toekomst', `De beslissing (${beslist}) ligt na vandaag (${vandaag}).`);
  if (fouten.length > 0 || !einde || !ingebrekestelling) throw bezwaarInvoerOngeldig(fouten);
  const d = berekenDwangsom({ termijnEinde: einde, ingebrekestelling, beslist: beslist ?? null, vandaag });
  return { beslistermijnEinde: einde, ingebrekestelling, beslist: beslist ?? null, peildatum: beslist ?? vandaag, ...d };
}

/** The Awb term computations on the service's clock (today in Europe/Amsterdam). */
export function bezwaarService(deps: { klok: Klok }) {
  const vandaag = () => kalenderdag(deps.klok.nu());
  return {
    termijnen: (vraag: BezwaarVraag, prefix = ''): BezwaarUitkomst => bezwaarUitkomst(leesBezwaarVraag(vraag, vandaag(), prefix)),
    dwangsom: (vraag: DwangsomVraag, prefix = ''): DwangsomUitkomst => dwangsomUitkomst(vraag, vandaag(), prefix),
    klacht: (vraag: KlachtVraag, prefix = ''): KlachtUitkomst => klachtUitkomst(vraag, vandaag(), prefix),
  };
}

export type BezwaarService = ReturnType<typeof bezwaarService>;
