/**
 * Demo data of Diemen's inwonerspanel (issue 15, ADR 0068), so the panel page and a weighted survey
 * report have numbers after `npm start`: the population margins, 334 panel members and one closed
 * survey that 295 of them answered (the seed: "295 van de 334 panelleden"). As the seed says, the
 * panel is not representative: members under 35 are under-represented and those of 50 and older
 * over-represented, and the answers depend on age, so the weighted shares differ from the
 * unweighted ones.
 *
 * Everything goes through the enquetes service, on the demo's simulated clock: each member signs
 * up and confirms with the link of the confirm mail, the survey is made, started, sent to the
 * panel, answered with the links of the invitations and closed. The mails are read from a Berichten
 * that keeps them in memory only (the residents are fictional, at example.org; nothing goes to the
 * outbox). Fictional and deterministic (a seeded PRNG). Loaded once: a gemeente that has margins or
 * panel members gets nothing.
 */
import { vasteKlok, type Klok } from '../../klok.ts';
import type { Context } from '../audit/audit.service.ts';
import type { Berichten } from '../berichten/berichten.service.ts';
import type { EnquetesService } from '../enquetes/enquetes.service.ts';
import type { Definitie, Marge } from '../enquetes/enquetes.schemas.ts';
import { veldnaam, type Velden } from '../enquetes/enquetes.regels.ts';
import { DEMO_GEMEENTEN } from './demo.data.ts';
import { gewogen, kies, prng, type Toeval } from './demo.zaken.ts';

/** The gemeente whose panel has demo data. */
export const DEMO_PANEL_GEMEENTE = 'GM0384';
/** Confirmed panel members, and how many of them answered the demo survey. */
export const DEMO_PANELLEDEN = 334;
export const DEMO_RESPONDENTEN = 295;
const DAG = 86_400_000;

/** Diemen's adult population (approximate shares, in the spirit of the CBS tables). */
export const DEMO_MARGES: readonly Marge[] = [
  { kenmerk: 'leeftijdsgroep', categorie: '18-34', aandeel: 0.31 },
  { kenmerk: 'leeftijdsgroep', categorie: '35-49', aandeel: 0.27 },
  { kenmerk: 'leeftijdsgroep', categorie: '50-64', aandeel: 0.23 },
  { kenmerk: 'leeftijdsgroep', categorie: '65+', aandeel: 0.19 },
  { kenmerk: 'geslacht', categorie: 'man', aandeel: 0.49 },
  { kenmerk: 'geslacht', categorie: 'vrouw', aandeel: 0.505 },
  { kenmerk: 'geslacht', categorie: 'anders', aandeel: 0.005 },
  { kenmerk: 'wijk', categorie: 'Diemen-Noord', aandeel: 0.33 },
  { kenmerk: 'wijk', categorie: 'Diemen-Centrum', aandeel: 0.26 },
  { kenmerk: 'wijk', categorie: 'Diemen-Zuid', aandeel: 0.41 },
  { kenmerk: 'opleiding', categorie: 'laag', aandeel: 0.24 },
  { kenmerk: 'opleiding', categorie: 'middelbaar', aandeel: 0.37 },
  { kenmerk: 'opleiding', categorie: 'hoog', aandeel: 0.39 },
];

/** The panel's make-up: young people under-represented, 50+ over-represented, the highly educated somewhat over-represented. */
const PANEL_LEEFTIJD = [
  ['18-34', 0.13],
  ['35-49', 0.21],
  ['50-64', 0.33],
  ['65+', 0.33],
] as const;
const PANEL_WIJK = [
  ['Diemen-Noord', 0.3],
  ['Diemen-Centrum', 0.32],
  ['Diemen-Zuid', 0.38],
] as const;
const PANEL_OPLEIDING = [
  ['laag', 0.17],
  ['middelbaar', 0.35],
  ['hoog', 0.48],
] as const;

const t = (nl: string, en: string) => ({ nl, en });
const optie = (waarde: string, nl: string, en: string) => ({ waarde, tekst: t(nl, en) });

export const DEMO_ENQUETE: Definitie = {
  titel: t('Contact met de gemeente', 'Contact with the municipality'),
  intro: t('Wij willen weten hoe u contact heeft met de gemeente en wat u daarvan vindt. Het kost 3 minuten.', 'We would like to know how you contact the municipality and what you think of it. It takes 3 minutes.'),
  vragen: [
    {
      id: 'kanaal',
      soort: 'enkele-keuze',
      tekst: t('Hoe had u het laatst contact met de gemeente?', 'How did you last contact the municipality?'),
      verplicht: true,
      opties: [
        optie('website', 'Via de website', 'Through the website'),
        optie('telefoon', 'Telefoon', 'Telephone'),
        optie('balie', 'Aan de balie', 'At the desk'),
        optie('email', 'E-mail', 'E-mail'),
        optie('geen', 'Geen contact gehad', 'No contact'),
      ],
    },
    {
      id: 'online',
      soort: 'schaal',
      tekst: t('Ik regel zaken met de gemeente het liefst online.', 'I prefer to arrange things with the municipality online.'),
      verplicht: true,
      schaal: { punten: 5, laag: t('Helemaal mee oneens', 'Strongly disagree'), hoog: t('Helemaal mee eens', 'Strongly agree') },
    },
    { id: 'cijfer', soort: 'rapportcijfer', tekst: t('Welk rapportcijfer geeft u de dienstverlening van de gemeente?', 'What mark do you give the municipality’s services?'), verplicht: true },
    {
      id: 'beter',
      soort: 'meerkeuze',
      tekst: t('Wat kan beter?', 'What could be better?'),
      verplicht: false,
      voorwaarde: { vraag: 'cijfer', antwoorden: ['1', '2', '3', '4', '5', '6'] },
      opties: [
        optie('wachttijd', 'Korter wachten', 'Shorter waiting'),
        optie('uitleg', 'Duidelijkere uitleg', 'Clearer explanation'),
        optie('bereikbaar', 'Beter bereikbaar', 'Easier to reach'),
        optie('website', 'Een betere website', 'A better website'),
      ],
    },
    { id: 'opmerking', soort: 'open', tekst: t('Wilt u nog iets zeggen?', 'Anything else you would like to say?'), verplicht: false },
  ],
};

const OPMERKINGEN = ['Fijn dat de gemeente dit vraagt.', 'De website is soms lastig te doorzoeken.', 'Aan de balie werd ik vriendelijk geholpen.', 'Ik wacht vaak lang aan de telefoon.'];

/** One member's answers; they depend on age, so the weighting changes the shares. */
function antwoorden(r: Toeval, leeftijd: string): Velden {
  const jong = leeftijd === '18-34' ? 1 : leeftijd === '35-49' ? 0.6 : leeftijd === '50-64' ? 0.3 : 0;
  const kanaal = gewogen(r, [
    ['website', 0.2 + 0.5 * jong],
    ['telefoon', 0.35 - 0.2 * jong],
    ['balie', 0.25 - 0.15 * jong],
    ['email', 0.1 + 0.05 * jong],
    ['geen', 0.1],
  ] as const);
  const online = Math.min(5, Math.max(1, Math.round(2.2 + 2.4 * jong + (r() - 0.5) * 2.2)));
  const cijfer = Math.min(10, Math.max(1, Math.round(7.4 - 1.3 * jong + (r() - 0.5) * 3.4)));
  const velden: Velden = { [veldnaam('kanaal')]: kanaal, [veldnaam('online')]: String(online), [veldnaam('cijfer')]: String(cijfer) };
  if (cijfer <= 6) {
    const beter = ['wachttijd', 'uitleg', 'bereikbaar', 'website'].filter((o) => r() < (o === 'website' ? 0.25 + 0.4 * jong : 0.35));
    velden[veldnaam('beter')] = beter.length > 0 ? beter : ['wachttijd'];
  }
  if (r() < 0.08) velden[veldnaam('opmerking')] = kies(r, OPMERKINGEN);
  return velden;
}

export type DemoPanelResultaat = { panelleden: number; enqueteAntwoorden: number };

export interface DemoPanelDeps {
  klok: Klok;
  /** The enquetes service on a simulated clock, sending its mails to these Berichten. */
  enquetes(klok: Klok, berichten: Berichten): EnquetesService;
}

/** Loads Diemen's demo panel once (another demo gemeente's: for tests); returns how many members and answers it added. */
export async function laadDemoPanel(deps: DemoPanelDeps, context: Context, gemeente = DEMO_PANEL_GEMEENTE): Promise<DemoPanelResultaat> {
  const niets = { panelleden: 0, enqueteAntwoorden: 0 };
  const g = DEMO_GEMEENTEN.find((x) => x.code === gemeente);
  if (!g) return niets;
  const nu = deps.klok.nu().getTime();
  const klok = vasteKlok(new Date(nu - 200 * DAG));
  /** The last mail per address (the confirm link, the invitation): kept in memory only. */
  const post = new Map<string, string>();
  const enquetes = deps.enquetes(klok, { verstuur: async (b) => void post.set(b.aan, b.tekst) });
  const stand = await enquetes.panelStand(g.code);
  if (stand.leden + stand.wachtOpBevestiging > 0 || (await enquetes.marges(g.code)).length > 0) return niets;
  await enquetes.zetMarges(context, g.code, DEMO_MARGES);

  const link = (email: string, soort: string): string => {
    const m = new RegExp(`/${soort}/([A-Za-z0-9_-]{43})`).exec(post.get(email) ?? '');
    if (!m?.[1]) throw new Error(`Demo-panel: geen ${soort}-link voor ${email}`);
    return m[1];
  };
  const r = prng(15_384);
  const leden: { email: string; leeftijd: string }[] = [];
  for (let i = 0; i < DEMO_PANELLEDEN; i++) {
    // Sign-ups spread over 200 to 60 days ago; each confirms within the hour.
    klok.zet(new Date(nu - (200 - (140 * i) / DEMO_PANELLEDEN) * DAG));
    const email = `panellid-${String(i + 1).padStart(3, '0')}@${g.slug}.example.org`;
    const leeftijd = gewogen(r, PANEL_LEEFTIJD);
    // Two members of gender "anders", the others man or vrouw (women a little more often).
    const geslacht = i === 40 || i === 210 ? 'anders' : r() < 0.46 ? 'man' : 'vrouw';
    const velden: Velden = { email, leeftijdsgroep: leeftijd, geslacht, wijk: gewogen(r, PANEL_WIJK), opleiding: gewogen(r, PANEL_OPLEIDING), toestemming: 'ja' };
    const uitkomst = await enquetes.meldAan(g, 'nl', velden);
    if (uitkomst.uitkomst !== 'verstuurd') throw new Error(`Demo-panel: aanmelding ${email} geweigerd`);
    klok.verder(30 * 60_000);
    await enquetes.bevestig(g.code, link(email, 'bevestig'));
    leden.push({ email, leeftijd });
  }

  // The survey: made 45 days ago, started the next day and sent to the whole panel; answered over two weeks, closed 20 days ago.
  klok.zet(new Date(nu - 45 * DAG));
  const enquete = await enquetes.maak(context, g, { definitie: DEMO_ENQUETE, openLink: false, herinneringNaDagen: 7 });
  klok.verder(DAG);
  await enquetes.zetStatus(context, g, enquete.id, 'lopend');
  await enquetes.nodigUit(context, g, enquete.id);
  // Who answers: every member, less 39 chosen at random, more often the young (as in practice).
  const volgorde = leden.map((l, i) => ({ l, i, sleutel: r() * (l.leeftijd === '18-34' ? 0.55 : 1) })).toSorted((a, b) => b.sleutel - a.sleutel);
  const antwoorders = volgorde.slice(0, DEMO_RESPONDENTEN).toSorted((a, b) => a.i - b.i);
  let beantwoord = 0;
  let herinnerd = false;
  for (const [j, { l }] of antwoorders.entries()) {
    klok.zet(new Date(nu - (44 - (14 * j) / antwoorders.length) * DAG));
    // A week after the invitation, the reminder round (the job's) reminds who did not answer yet.
    if (!herinnerd && klok.nu().getTime() >= nu - 37 * DAG) {
      await enquetes.herinner(async () => DEMO_GEMEENTEN);
      herinnerd = true;
    }
    const uitkomst = await enquetes.beantwoord(g.code, link(l.email, 'enquete/u'), antwoorden(r, l.leeftijd));
    if (uitkomst?.uitkomst !== 'opgeslagen') throw new Error(`Demo-panel: antwoord van ${l.email} niet opgeslagen`);
    beantwoord++;
  }
  klok.zet(new Date(nu - 20 * DAG));
  await enquetes.zetStatus(context, g, enquete.id, 'gesloten');
  return { panelleden: leden.length, enqueteAntwoorden: beantwoord };
}
