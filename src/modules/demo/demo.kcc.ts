/**
 * Demo data of the klantcontactcentrum of Diemen, so the KCC dashboard has numbers after
 * `npm start`: call records of the telephony platform for two queues over the last eight weeks
 * (imported as a CSV file through the KCC gesprekken service, as `loket kcc gesprekken import`
 * does), a few dozen klantcontacten on every channel (through the klantcontacten service, dated in
 * the past with `op`), and the contactverzoeken some of them led to (through the contactverzoeken
 * service on the demo's simulated clock), the older ones handled, the recent ones still open.
 *
 * Fictional and deterministic: a seeded PRNG per day and queue (the calls) and per gemeente (the
 * contacts) chooses everything, relative to the day of loading. Residents have made-up names;
 * e-mail addresses are at example.org (reserved, RFC 2606). Loaded once: a gemeente that has
 * call records gets no more, one that has klantcontacten gets no contacts or requests.
 */
import { vasteKlok, type Klok } from '../../klok.ts';
import type { Context } from '../audit/audit.service.ts';
import type { ContactverzoekenService } from '../contactverzoeken/contactverzoeken.service.ts';
import type { KccGesprekkenService } from '../kcc/kcc.gesprekken.service.ts';
import { amsterdamMomenten } from '../kcc/kcc.gesprekken.tijd.ts';
import type { KlantcontactenService } from '../klantcontacten/klantcontacten.service.ts';
import type { NieuwKlantcontactInvoer } from '../klantcontacten/klantcontacten.schemas.ts';
import { kalenderdag, plusDagen, vrijeDag } from '../termijnen/kalender.ts';
import type { Wie } from '../zaken/zaken.service.ts';
import { DEMO_GEBRUIKERS } from './demo.data.ts';
import { ACHTERNAMEN, gewogen, kies, prng, tussen, VOORNAMEN, type Toeval } from './demo.zaken.ts';

/** The gemeente whose KCC has demo data. */
export const DEMO_KCC_GEMEENTE = 'GM0384';
/** How many days of call records, ending yesterday. */
const DAGEN_TERUG = 56;
/** How many klantcontacten, spread over the same days. */
export const DEMO_KLANTCONTACTEN = 40;
/** Contactverzoeken of the last this many working days are still open. */
const OPEN_DAGEN = 6;
const MINUUT = 60_000;

interface Wachtrij {
  naam: string;
  /** Calls on an average working day, in opening hours. */
  perDag: number;
  /** Mean wait of an answered call in a quiet hour, in seconds. */
  wachttijd: number;
  /** Shortest and mean extra length of a conversation, in seconds. */
  duur: readonly [number, number];
  /** Where some answered calls are transferred to. */
  doorverbinden: readonly string[];
  doorverbindKans: number;
}

const WACHTRIJEN: readonly Wachtrij[] = [
  { naam: 'Algemeen', perDag: 45, wachttijd: 50, duur: [60, 180], doorverbinden: ['Burgerzaken', 'Belastingen', 'Wmo-loket'], doorverbindKans: 0.12 },
  { naam: 'Burgerzaken', perDag: 22, wachttijd: 90, duur: [120, 240], doorverbinden: ['Algemeen'], doorverbindKans: 0.04 },
];

/** Monday is the busiest day, Friday the quietest (getUTCDay of the date: 1 is Monday). */
const DAGFACTOR: Readonly<Record<number, number>> = { 1: 1.3, 2: 1.1, 3: 1, 4: 1, 5: 0.8 };
/** Opening hours 08:30–17:00: each half hour from 08:30 with its share of the calls. */
const HALFUREN: readonly (readonly [number, number])[] = [8.5, 9, 9.5, 10, 10.5, 11, 11.5, 12, 12.5, 13, 13.5, 14, 14.5, 15, 15.5, 16, 16.5].map(
  (uur) => [uur, uur < 9 ? 0.6 : uur < 11 ? 1.5 : uur < 12 ? 1.2 : uur < 13 ? 0.8 : uur < 16 ? 1 : 0.6] as const,
);
/** A caller's patience, mean seconds before hanging up. */
const GEDULD = 700;

/** FNV-1a, to seed each day and queue on its own: a day's calls are the same on every load. */
function zaad(tekst: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < tekst.length; i++) h = Math.imul(h ^ tekst.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const exponentieel = (r: Toeval, gemiddeld: number) => -gemiddeld * Math.log(1 - r());

/** The instant of a wall-clock time in Amsterdam, `minuten` after midnight of `dag`. */
function moment(dag: string, minuten: number): Date {
  const wandklok = Date.parse(`${dag}T00:00:00Z`) + Math.round(minuten * MINUUT);
  return new Date(amsterdamMomenten(wandklok)[0] ?? wandklok);
}

/** The working days of the demo period, oldest first, ending the day before `vandaag`. */
function werkdagen(vandaag: string): string[] {
  const dagen: string[] = [];
  for (let i = DAGEN_TERUG; i >= 1; i--) {
    const dag = plusDagen(vandaag, -i);
    if (!vrijeDag(dag)) dagen.push(dag);
  }
  return dagen;
}

/** The call records of the demo period as the telephony platform exports them (docs/kcc-gesprekken.md). */
export function demoGesprekkenCsv(gemeente: string, vandaag: string): string {
  const regels = ['gesprek_id,wachtrij,begin,wachttijd_s,afloop,gespreksduur_s,doorverbonden_naar'];
  for (const dag of werkdagen(vandaag)) {
    const weekdag = new Date(`${dag}T12:00:00Z`).getUTCDay();
    for (const w of WACHTRIJEN) {
      const r = prng(zaad(`${gemeente} ${dag} ${w.naam}`));
      const gesprekken: { begin: Date; wachttijd: number; afloop: string; duur: number; naar: string }[] = [];
      const aantal = Math.round(w.perDag * (DAGFACTOR[weekdag] ?? 1) * tussen(r, 0.85, 1.15));
      for (let i = 0; i < aantal; i++) {
        const halfuur = gewogen(r, HALFUREN);
        const drukte = (halfuur >= 9 && halfuur < 11 ? 1.8 : 1) * (weekdag === 1 ? 1.4 : 1);
        const wacht = Math.round(exponentieel(r, w.wachttijd * drukte)) + 5;
        const geduld = Math.round(exponentieel(r, GEDULD)) + 10;
        const opgehangen = geduld < wacht;
        const doorverbonden = !opgehangen && r() < w.doorverbindKans;
        gesprekken.push({
          begin: moment(dag, halfuur * 60 + r() * 30),
          wachttijd: opgehangen ? geduld : wacht,
          afloop: opgehangen ? 'opgehangen' : 'beantwoord',
          duur: opgehangen ? 0 : Math.round(w.duur[0] + exponentieel(r, w.duur[1])),
          naar: doorverbonden ? kies(r, w.doorverbinden) : '',
        });
      }
      // A few calls outside opening hours: early, or in the evening.
      const buiten = 2 + Math.floor(r() * 4);
      for (let i = 0; i < buiten; i++) {
        const minuten = r() < 0.3 ? tussen(r, 7 * 60, 8.5 * 60) : tussen(r, 17 * 60, 20 * 60);
        gesprekken.push({ begin: moment(dag, minuten), wachttijd: 0, afloop: 'buiten-openingstijd', duur: 0, naar: '' });
      }
      gesprekken.sort((a, b) => a.begin.getTime() - b.begin.getTime());
      const code = w.naam.slice(0, 3).toUpperCase();
      for (const [i, g] of gesprekken.entries()) {
        regels.push([`DEMO-${dag}-${code}-${String(i + 1).padStart(3, '0')}`, w.naam, g.begin.toISOString(), g.wachttijd, g.afloop, g.duur, g.naar].join(','));
      }
    }
  }
  return `${regels.join('\n')}\n`;
}

interface Onderwerp {
  onderwerp: string;
  vraag: string;
  antwoord: string;
  /** The team a contactverzoek about this goes to. */
  team: string;
}

const ONDERWERPEN: readonly Onderwerp[] = [
  { onderwerp: 'Ophaaldag oud papier', vraag: 'Wanneer wordt het oud papier opgehaald?', antwoord: 'Ophaaldag uit de afvalkalender genoemd en de app aangeraden.', team: 'Openbare ruimte' },
  { onderwerp: 'Grofvuil ophalen', vraag: 'Hoe meld ik grofvuil aan?', antwoord: 'Uitgelegd hoe je online een afspraak maakt voor grofvuil.', team: 'Openbare ruimte' },
  { onderwerp: 'Paspoort aanvragen', vraag: 'Hoe lang duurt het voor mijn paspoort klaar is?', antwoord: 'Vijf werkdagen na de aanvraag; afspraak maken via de website.', team: 'Klantcontactcentrum' },
  { onderwerp: 'Verhuizing doorgeven', vraag: 'Ik ga verhuizen binnen Diemen, wat moet ik doen?', antwoord: 'Verhuizing online doorgeven met DigiD, tot vier weken vooraf.', team: 'Klantcontactcentrum' },
  { onderwerp: 'Parkeervergunning', vraag: 'Kan ik een tweede parkeervergunning krijgen?', antwoord: 'Voorwaarden voor een tweede vergunning uitgelegd.', team: 'Klantcontactcentrum' },
  { onderwerp: 'WOZ-waarde', vraag: 'Ik ben het niet eens met de WOZ-waarde van mijn woning.', antwoord: 'Uitgelegd hoe bezwaar tegen de WOZ-beschikking werkt.', team: 'Juridische zaken' },
  { onderwerp: 'Losliggende stoeptegel', vraag: 'Er ligt een stoeptegel los bij de bushalte.', antwoord: 'Melding openbare ruimte aangeraden via het formulier.', team: 'Openbare ruimte' },
  { onderwerp: 'Afspraak balie', vraag: 'Kan ik zonder afspraak langskomen?', antwoord: 'Alleen op afspraak; de eerstvolgende vrije tijd genoemd.', team: 'Klantcontactcentrum' },
  { onderwerp: 'Status van mijn klacht', vraag: 'Ik heb nog niets gehoord over mijn klacht.', antwoord: 'Zaak opgezocht en de termijn genoemd.', team: 'Juridische zaken' },
  { onderwerp: 'Wmo-voorziening', vraag: 'Mijn moeder heeft hulp in de huishouding nodig.', antwoord: 'Doorverwezen naar het Wmo-loket.', team: 'Klantcontactcentrum' },
];

const KANALEN: readonly (readonly [NieuwKlantcontactInvoer['kanaal'], number])[] = [
  ['telefoon', 50],
  ['balie', 15],
  ['e-mail', 15],
  ['chat', 12],
  ['sociale-media', 4],
  ['brief', 4],
];

/** No zaak-aangemaakt here: a contact that makes a zaak belongs with the demo zaken. */
const UITKOMSTEN: readonly (readonly [NieuwKlantcontactInvoer['uitkomst'], number])[] = [
  ['zelfstandig-afgehandeld', 55],
  ['doorverbonden', 12],
  ['contactverzoek-gemaakt', 8],
  ['verwezen', 12],
  ['niet-afgehandeld', 6],
];

export interface DemoKccDeps {
  gesprekken: Pick<KccGesprekkenService, 'importeer'>;
  /** The gemeente's number of call records (the KCC gesprekken repository). */
  aantalGesprekken: (gemeente: string) => Promise<number>;
  klantcontacten: Pick<KlantcontactenService, 'registreer' | 'lijst'>;
  /** The contactverzoeken service on a given clock (the demo's simulated clock). */
  contactverzoeken: (klok: Klok) => Pick<ContactverzoekenService, 'maak' | 'poging' | 'handelAf'>;
  klok: Klok;
}

export interface DemoKccResultaat {
  gesprekken: number;
  klantcontacten: number;
  contactverzoeken: number;
}

/** Loads the KCC demo data of Diemen once (see the top of this file). */
export async function laadDemoKcc(
  deps: DemoKccDeps,
  context: Context,
  ids: ReadonlyMap<string, string>,
  teamIds: ReadonlyMap<string, ReadonlyMap<string, string>>,
): Promise<DemoKccResultaat> {
  const gemeente = DEMO_KCC_GEMEENTE;
  const resultaat: DemoKccResultaat = { gesprekken: 0, klantcontacten: 0, contactverzoeken: 0 };
  const vandaag = kalenderdag(deps.klok.nu());
  if ((await deps.aantalGesprekken(gemeente)) === 0) {
    const uitkomst = await deps.gesprekken.importeer(context, gemeente, demoGesprekkenCsv(gemeente, vandaag), { strikt: true });
    resultaat.gesprekken = uitkomst.nieuw;
  }

  const alsWie = (email: string): Wie | undefined => {
    const g = DEMO_GEBRUIKERS.find((x) => x.email === email);
    const id = ids.get(email);
    const rollen = g?.rollen[gemeente];
    return g && id && rollen ? { context, gebruiker: id, naam: g.naam, rollen } : undefined;
  };
  const kcc = alsWie('kcc@duoplus.demo');
  // Who handles a request: a member of its team.
  const behandelaars: Readonly<Record<string, Wie | undefined>> = {
    'Openbare ruimte': alsWie('behandelaar@diemen.demo'),
    'Juridische zaken': alsWie('teamleider@diemen.demo'),
    Klantcontactcentrum: kcc,
  };
  if (!kcc || (await deps.klantcontacten.lijst(gemeente, { pageSize: 1 })).items.length > 0) return resultaat;

  const r = prng(zaad(`${gemeente} klantcontacten`));
  const dagen = werkdagen(vandaag);
  const contacten = Array.from({ length: DEMO_KLANTCONTACTEN }, () => {
    // More contacts in the recent weeks: the square root bends the days towards the end.
    const dag = dagen[Math.min(dagen.length - 1, Math.floor(Math.sqrt(r()) * dagen.length))] ?? vandaag;
    return { op: moment(dag, tussen(r, 8.5 * 60, 16.75 * 60)), onderwerp: kies(r, ONDERWERPEN), kanaal: gewogen(r, KANALEN), uitkomst: gewogen(r, UITKOMSTEN), r: r() };
  }).toSorted((a, b) => a.op.getTime() - b.op.getTime());

  for (const [i, c] of contacten.entries()) {
    const naam = `${kies(r, VOORNAMEN)} ${kies(r, ACHTERNAMEN)}`;
    const verzoek = c.uitkomst === 'contactverzoek-gemaakt';
    // A request needs someone to call back; other contacts often stay anonymous.
    const persoon =
      verzoek || c.r < 0.4 ? { naam, telefoon: `06-${String(10_000_000 + Math.floor(r() * 89_999_999))}`, email: r() < 0.5 ? `demo.inwoner${i + 1}@example.org` : undefined } : undefined;
    const contact = await deps.klantcontacten.registreer(kcc, gemeente, {
      kanaal: c.kanaal,
      onderwerp: c.onderwerp.onderwerp,
      vraag: c.onderwerp.vraag,
      antwoord: verzoek ? '' : c.onderwerp.antwoord,
      uitkomst: c.uitkomst,
      op: c.op.toISOString(),
      persoon,
      zaken: [],
    });
    resultaat.klantcontacten++;
    const team = teamIds.get(gemeente)?.get(c.onderwerp.team);
    const behandelaar = behandelaars[c.onderwerp.team];
    if (!verzoek || !persoon || !team || !behandelaar) continue;

    // The request is made a few minutes after the contact, on the demo's clock.
    const klok = vasteKlok(new Date(c.op.getTime() + 4 * MINUUT));
    const service = deps.contactverzoeken(klok);
    const gemaakt = await service.maak(kcc, gemeente, {
      team,
      onderwerp: c.onderwerp.onderwerp,
      vraag: c.onderwerp.vraag,
      toelichting: 'Inwoner is het best bereikbaar na 14.00 uur.',
      persoon: { naam: persoon.naam, telefoon: persoon.telefoon, email: persoon.email },
      klantcontact: contact.id,
      bevestiging: false,
      taal: 'nl',
    });
    resultaat.contactverzoeken++;
    // Handled the next working day; a request of the last week is still open, sometimes after a first try.
    const volgende = dagen.find((d) => d > kalenderdag(c.op));
    if (!volgende) continue;
    klok.zet(moment(volgende, tussen(r, 9 * 60, 11 * 60)));
    if (dagen.slice(-OPEN_DAGEN).includes(kalenderdag(c.op))) {
      if (r() < 0.5) await service.poging(behandelaar, gemeente, gemaakt.id, { bereikt: false, kanaal: 'telefoon', notitie: 'Voicemail ingesproken.' });
      continue;
    }
    if (r() < 0.2) {
      await service.poging(behandelaar, gemeente, gemaakt.id, { bereikt: false, kanaal: 'telefoon', notitie: 'Geen gehoor.' });
      klok.verder(3 * 60 * MINUUT);
      await service.poging(behandelaar, gemeente, gemaakt.id, { bereikt: false, kanaal: persoon.email ? 'e-mail' : 'telefoon', notitie: 'Opnieuw geen reactie.' });
      klok.verder(5 * MINUUT);
      await service.handelAf(behandelaar, gemeente, gemaakt.id, { status: 'niet-bereikt', uitkomst: '' });
    } else {
      await service.poging(behandelaar, gemeente, gemaakt.id, { bereikt: true, kanaal: 'telefoon', notitie: '' });
      klok.verder(10 * MINUUT);
      await service.handelAf(behandelaar, gemeente, gemaakt.id, { status: 'afgerond', uitkomst: `Inwoner teruggebeld over: ${c.onderwerp.onderwerp.toLowerCase()}. Vraag beantwoord.` });
    }
  }
  return resultaat;
}
