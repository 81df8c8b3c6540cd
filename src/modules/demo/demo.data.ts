import type { Rol } from '../../db/schema.ts';
import type { Gemeente } from '../gemeenten/gemeenten.repository.ts';
import { paaszondag, plusDagen, vrijeDag } from '../termijnen/kalender.ts';

/**
 * Demo data for `npm start` and the browser tests. Demo only: these passwords and TOTP secrets
 * are public. Never load them into a production database (`loket demo` refuses nothing, so it is
 * up to the operator; `serve` loads them only on the embedded database unless LOKET_DEMO=true).
 */
export const DEMO_GEMEENTEN: Gemeente[] = [
  {
    code: 'GM0384',
    naam: 'Diemen',
    slug: 'diemen',
    domein: 'diemen.nl',
    thema: { kleurPrimair: '#00704a', kleurPrimairTekst: '#ffffff', kleurAccent: '#0b5394', kleurLink: '#0b5394', kleurFocus: '#1a4f8b', telefoon: '14 020', website: 'https://www.diemen.nl', rechtbank: 'Rechtbank Amsterdam' },
  },
  {
    code: 'GM0437',
    naam: 'Ouder-Amstel',
    slug: 'ouder-amstel',
    domein: 'ouder-amstel.nl',
    thema: { kleurPrimair: '#2d6a2e', kleurPrimairTekst: '#ffffff', kleurAccent: '#a3c139', kleurFocus: '#8a4500', telefoon: '14 020', website: 'https://www.ouder-amstel.nl', rechtbank: 'Rechtbank Amsterdam' },
  },
  {
    code: 'GM0451',
    naam: 'Uithoorn',
    slug: 'uithoorn',
    domein: 'uithoorn.nl',
    thema: { kleurPrimair: '#004b87', kleurPrimairTekst: '#ffffff', kleurAccent: '#d52b1e', kleurFocus: '#b3261e', telefoon: '0297 513 111', website: 'https://www.uithoorn.nl', rechtbank: 'Rechtbank Noord-Holland' },
  },
];

/**
 * The e-mail intake's addresses (ADR 0046): mail to these becomes a zaak of type e-mailvraag in
 * that gemeente. `.demo` domains: nothing outside reaches them; point a real domain's MX at Loket.
 */
/** A demo team's address for residents (shown on the tracking page): `openbare-ruimte@diemen.demo`; the .demo domain reaches nobody. */
export function demoTeamEmail(gemeente: string, team: string): string {
  const slug = DEMO_GEMEENTEN.find((g) => g.code === gemeente)?.slug ?? gemeente.toLowerCase();
  return `${team.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@${slug}.demo`;
}

export const DEMO_INTAKE_ADRESSEN: { gemeente: string; adres: string }[] = DEMO_GEMEENTEN.map((g) => ({ gemeente: g.code, adres: `info@${g.slug}.demo` }));

/**
 * The question after closing (ADR 0052) in every demo gemeente: meldingen openbare ruimte as
 * tevreden ja/nee, questions by e-mail as a score 1–5; every closed zaak is in the sample.
 */
export const DEMO_KTO: { zaaktype: string; actief: boolean; vorm: 'ja-nee' | 'score-5'; steekproef: number }[] = [
  { zaaktype: 'melding-openbare-ruimte', actief: true, vorm: 'ja-nee', steekproef: 100 },
  { zaaktype: 'e-mailvraag', actief: true, vorm: 'score-5', steekproef: 100 },
];

export const DEMO_WACHTWOORD = 'Loket-demo-2026-Diemen';

export interface DemoGebruiker {
  email: string;
  naam: string;
  wachtwoord: string;
  totpGeheim: string;
  rollen: Record<string, Rol[]>;
}

const alleDrie = (rollen: Rol[]): Record<string, Rol[]> => ({ GM0384: rollen, GM0437: rollen, GM0451: rollen });

export const DEMO_GEBRUIKERS: DemoGebruiker[] = [
  { email: 'beheerder@duoplus.demo', naam: 'Bea de Beheerder', wachtwoord: DEMO_WACHTWOORD, totpGeheim: 'CH3FIL4OSC7CG3Q7BRIV5DJKGPDIO4HW', rollen: alleDrie(['beheerder']) },
  { email: 'teamleider@diemen.demo', naam: 'Tim Teamleider', wachtwoord: DEMO_WACHTWOORD, totpGeheim: 'LVULRZOGVD3FC6ZY2XRQ7CRHCWVK4RPW', rollen: { GM0384: ['teamleider', 'behandelaar', 'klachtcoordinator'] } },
  { email: 'behandelaar@diemen.demo', naam: 'Bo Behandelaar', wachtwoord: DEMO_WACHTWOORD, totpGeheim: 'DWC5CDBDXL77PF232HY3766LH7ZGTXN2', rollen: { GM0384: ['behandelaar'] } },
  { email: 'kcc@duoplus.demo', naam: 'Kees van het KCC', wachtwoord: DEMO_WACHTWOORD, totpGeheim: 'ZJ6T5C7EBVJ52GRYGIHZLFEMIQID73RO', rollen: alleDrie(['kcc-medewerker']) },
  { email: 'pc@diemen.demo', naam: 'Petra P&C', wachtwoord: DEMO_WACHTWOORD, totpGeheim: 'AAVXGA3HWVHEONNMOXNU6ITKALHUOKOE', rollen: { GM0384: ['pc-adviseur'] } },
  { email: 'redacteur@uithoorn.demo', naam: 'Rik Redacteur', wachtwoord: DEMO_WACHTWOORD, totpGeheim: 'M5DWEECERH3XD3VKNL47R42XT5RMOIB7', rollen: { GM0451: ['webredacteur'] } },
  { email: 'partner@afvalpartner.demo', naam: 'Pim Partner', wachtwoord: DEMO_WACHTWOORD, totpGeheim: 'FSMLSOSS232A7VEJXQ36Q5FJLHPPSFJD', rollen: { GM0384: ['externe-partner'], GM0437: ['externe-partner'] } },
  // The bezwaarcommissie's secretary and the klachtcoördinator of the three gemeenten (demo.bezwaren.ts), members of Juridische zaken.
  { email: 'secretaris@duoplus.demo', naam: 'Sam Secretaris', wachtwoord: DEMO_WACHTWOORD, totpGeheim: 'FUCFZFDFZPLHCNWHNXXQ6NAMELKQRMDF', rollen: alleDrie(['secretaris-bezwaarcommissie']) },
  { email: 'klachten@duoplus.demo', naam: 'Kim Klachtcoördinator', wachtwoord: DEMO_WACHTWOORD, totpGeheim: 'SKV4Y6FJNITIZEW4BMMDGQZC53JI5JIB', rollen: alleDrie(['klachtcoordinator']) },
];

export const DEMO_TEAMS: { gemeente: string; naam: string; omschrijving: string; leden: string[] }[] = [
  { gemeente: 'GM0384', naam: 'Openbare ruimte', omschrijving: 'Meldingen over straat, groen en afval', leden: ['teamleider@diemen.demo', 'behandelaar@diemen.demo'] },
  { gemeente: 'GM0384', naam: 'Klantcontactcentrum', omschrijving: 'Telefoon, balie, e-mail en chat', leden: ['kcc@duoplus.demo'] },
  { gemeente: 'GM0384', naam: 'Planning en control', omschrijving: 'Begroting en jaarstukken', leden: ['pc@diemen.demo'] },
  { gemeente: 'GM0437', naam: 'Klantcontactcentrum', omschrijving: 'Telefoon, balie, e-mail en chat', leden: ['kcc@duoplus.demo'] },
  { gemeente: 'GM0451', naam: 'Klantcontactcentrum', omschrijving: 'Telefoon, balie, e-mail en chat', leden: ['kcc@duoplus.demo'] },
  { gemeente: 'GM0451', naam: 'Communicatie', omschrijving: 'Website en sociale media', leden: ['redacteur@uithoorn.demo'] },
];

/** Diemen's closure days in a year: the Friday after Ascension Day and the working days between Christmas and New Year. */
export function demoSluitingsdagen(jaar: number): { gemeente: string; datum: string; naam: string }[] {
  const dagen = [{ gemeente: 'GM0384', datum: plusDagen(paaszondag(jaar), 40), naam: 'Vrijdag na Hemelvaartsdag' }];
  for (let dag = `${jaar}-12-27`; dag <= `${jaar}-12-31`; dag = plusDagen(dag, 1)) {
    if (!vrijeDag(dag)) dagen.push({ gemeente: 'GM0384', datum: dag, naam: 'Collectieve sluiting' });
  }
  return dagen;
}

/**
 * Norms of the demo gemeenten in the KPI register, each from a public document of that gemeente
 * (no number without a source: Ouder-Amstel and Uithoorn have none here yet, so their pages say
 * that no target has been set). Loaded through the KPI service, as `POST …/kpis/{kpi}/normen`.
 */
export const DEMO_KPI_NORMEN: { gemeente: string; kpi: string; waarde: number; geldigVanaf: string; bron: string }[] = [
  {
    gemeente: 'GM0384',
    kpi: 'email-binnen-5-werkdagen',
    waarde: 70,
    geldigVanaf: '2023-01-01',
    bron: 'Jaarstukken 2023 gemeente Diemen, programma Samen besturen, indicator 2.2.1 "E-mail binnen 5 werkdagen afgehandeld (via info@diemen.nl)": streefwaarde 70% (Begroting 2023)',
  },
  {
    gemeente: 'GM0384',
    kpi: 'zaken-binnen-norm',
    waarde: 100,
    geldigVanaf: '2023-01-01',
    bron: 'Voor en met Diemen - Kader voor dienstverlening: "We reageren op inwoners binnen de wettelijke termijn. Als dit niet lukt, dan nemen we contact op en leggen we uit waarom."',
  },
];
