import { vasteKlok, type Klok } from '../../klok.ts';
import type { Context } from '../audit/audit.service.ts';
import type { PcBerekendService } from '../planning-control/pc.berekend.service.ts';
import type { PcService } from '../planning-control/pc.service.ts';
import { telWerkdagenNa } from '../termijnen/kalender.ts';
import type { ZaaktypenRepository } from '../zaaktypen/zaaktypen.repository.ts';
import type { Systeem, ZakenService } from '../zaken/zaken.service.ts';
import { DEMO_GEBRUIKERS } from './demo.data.ts';
import { prng, tussen } from './demo.zaken.ts';

/*
 * Indicator 2.2.1 "E-mail binnen 5 werkdagen afgehandeld" of Diemen's Jaarstukken 2023 is printed
 * as NB. The demo holds Diemen's e-mail zaken of 2023 (made through the zaken service on a
 * simulated clock, like the other demo zaken), so the KPI `email-binnen-5-werkdagen` knows the
 * value; the P&C adviser's new concept version of those jaarstukken links 2.2.1 to the KPI and
 * accepts the computed value, with its definition (ADR 0079). Fictional data.
 */

const G = 'GM0384';
const JAAR = 2023;
/** E-mails to info@diemen.nl in the demo year: about one every three working days. */
export const DEMO_EMAIL_2023 = 80;
export const DEMO_PC_BEREKEND_VERSIE = 'Wijziging: 2.2.1 berekend uit Loket';
const INDICATOR = '2.2.1';
const KOLOM = `Realisatie ${JAAR}`;

export interface DemoPcBerekendDeps {
  zaken: (klok: Klok) => ZakenService;
  zaaktypen: ZaaktypenRepository;
  pc: PcService;
  pcBerekend: PcBerekendService;
  klok: Klok;
}

/** A moment on the day, in office hours (UTC; the day is the same in Amsterdam). */
const om = (dag: string, uur: number): Date => new Date(`${dag}T${String(Math.floor(uur)).padStart(2, '0')}:${String(Math.floor((uur % 1) * 60)).padStart(2, '0')}:00Z`);

/**
 * Loads the e-mail zaken of 2023 and the concept version, once: nothing when the Jaarstukken 2023
 * of Diemen already have that version (or are not there). Answers the number of zaken made.
 */
export async function laadDemoPcBerekend(deps: DemoPcBerekendDeps, context: Context, ids: ReadonlyMap<string, string>): Promise<number> {
  const document = (await deps.pc.documenten(G, { soort: 'jaarstukken', jaar: JAAR }))[0];
  const vastgesteld = document?.versies.find((v) => v.status === 'vastgesteld');
  if (!document || !vastgesteld || document.versies.some((v) => v.naam === DEMO_PC_BEREKEND_VERSIE)) return 0;
  const beheerderId = ids.get('beheerder@duoplus.demo');
  const zaaktype = await deps.zaaktypen.hoogsteVersie(G, 'e-mailvraag');
  const record = zaaktype && (await deps.zaaktypen.opId(G, zaaktype.id));
  const resultaat = record?.resultaattypen[0]?.id;
  if (!beheerderId || !record || !resultaat) return 0;
  const beheerder = { context, gebruiker: beheerderId, naam: DEMO_GEBRUIKERS.find((g) => g.email === 'beheerder@duoplus.demo')?.naam ?? 'Beheerder', rollen: ['beheerder' as const] };
  const intake: Systeem = { soort: 'systeem', context, naam: 'E-mailintake (info@diemen.nl)' };

  const nu = deps.klok.nu();
  const klok = vasteKlok(nu);
  const zaken = deps.zaken(klok);
  const r = prng(2023_0384);
  const plannen = Array.from({ length: DEMO_EMAIL_2023 }, () => {
    const ontvangen = new Date(Date.UTC(JAAR, 0, 1) + Math.floor(tussen(r, 0, 365)) * 86_400_000).toISOString().slice(0, 10);
    // Most are answered within 5 werkdagen; some wait longer (the 2023 norm was 70%).
    const werkdagen = r() < 0.78 ? Math.ceil(tussen(r, 0.01, 5)) : Math.ceil(tussen(r, 5.01, 12));
    const afgesloten = telWerkdagenNa(ontvangen, werkdagen).datum;
    return { ontvangen, afgesloten, binnenkomst: tussen(r, 7, 20), antwoord: tussen(r, 9, 16) };
  }).toSorted((a, b) => a.ontvangen.localeCompare(b.ontvangen));

  let gemaakt = 0;
  for (const plan of plannen) {
    klok.zet(om(plan.ontvangen, plan.binnenkomst));
    const { zaak } = await zaken.registreer(intake, G, { zaaktype: record.id, kanaal: 'e-mail', ontvangstdatum: plan.ontvangen, onderwerp: 'Vraag via info@diemen.nl' });
    gemaakt++;
    klok.zet(om(plan.afgesloten, plan.antwoord));
    const detail = await zaken.detail(beheerder, G, zaak.id, { loggen: false });
    await zaken.sluitAf(beheerder, G, zaak.id, detail.versie, { resultaattype: resultaat });
  }

  // The adviser's new concept version: 2.2.1 linked to the KPI, its 2023 value accepted.
  const versie = await deps.pc.nieuweVersie(context, G, vastgesteld.id, { naam: DEMO_PC_BEREKEND_VERSIE });
  for (const { slug } of versie.programmas) {
    const p = await deps.pc.programma(G, versie.id, slug);
    const nr = p.hoofdstuk.indicatoren.findIndex((i) => i.code === INDICATOR) + 1;
    if (nr === 0) continue;
    const gekoppeld = await deps.pc.wijzigIndicator(context, G, versie.id, slug, String(nr), p.etag, { kpi: { code: 'email-binnen-5-werkdagen', periode: 'kolomjaar' } });
    await deps.pcBerekend.neemOver(context, G, versie.id, slug, String(nr), gekoppeld.etag, KOLOM);
  }
  return gemaakt;
}
