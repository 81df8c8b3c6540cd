/*
 * The aggregated customer journey of a product (ADR 0081): from the zaken of its zaaktype
 * registered in a period, with their events and the klantcontacten about them, the flow of steps
 * residents went through, how many journeys passed each step, the median time between steps and
 * where journeys stall. Computed on every request from the data; nothing is stored per step.
 */
import type { ReisAntwoord, ReisContact, ReisGebeurtenis, ReisKlacht, ReisZaak } from './klantreizen.repository.ts';

/** The kinds of step, in the order a journey normally goes (a tie in time is broken by this order). */
export const STAP_SOORTEN = ['contact-voor', 'zaak-geregistreerd', 'status', 'bericht', 'reactie', 'contact-tijdens', 'opschorting', 'afgesloten', 'tevreden', 'ontevreden', 'contact-na', 'heropend', 'klacht'] as const;
export type StapSoort = (typeof STAP_SOORTEN)[number];

export interface Stap {
  /** The soort, or `status-{volgnummer}` for a status of the zaaktype. */
  sleutel: string;
  soort: StapSoort;
  /** A status: its name; else null. */
  naam: string | null;
  /** Journeys that passed this step (each at most once). */
  reizen: number;
  /** The median time from the journey's previous step to this one, in hours (null: the first step of every journey that passed). */
  mediaanUrenVanafVorige: number | null;
  /** Open journeys (zaak not closed) whose last step so far is this one. */
  wachtend: number;
  /** The median time those journeys have waited since this step, until now, in hours. */
  mediaanWachtUren: number | null;
  /** Of those waiting: past the zaak's deadline and not suspended. */
  teLaat: number;
}

export interface Overgang {
  van: string;
  naar: string;
  reizen: number;
  mediaanUren: number;
}

export interface Stroom {
  samenvatting: {
    reizen: number;
    afgesloten: number;
    open: number;
    openTeLaat: number;
    metContactVooraf: number;
    zonderContact: number;
    /** Registration to the first closing, over the closed journeys, in hours. */
    mediaanDoorlooptijdUren: number | null;
  };
  /** Steps that at least one journey passed, in the order of STAP_SOORTEN (statuses by volgnummer). */
  stappen: Stap[];
  /** Each pair of steps that followed each other in a journey, most journeys first. */
  overgangen: Overgang[];
  /** Channels of the contacts before the zaak: journeys with at least one contact on it. */
  kanalenVooraf: { kanaal: string; reizen: number }[];
  /** Steps where open journeys wait, most waiting first (then longest wait). */
  haperingen: { sleutel: string; wachtend: number; mediaanWachtUren: number | null; teLaat: number }[];
}

const UUR = 3_600_000;

/** The median (the mean of the two middle values for an even count) in hours with one decimal, or null. */
export function mediaanUren(ms: readonly number[]): number | null {
  if (ms.length === 0) return null;
  const s = ms.toSorted((a, b) => a - b);
  const m = s.length % 2 === 1 ? (s[(s.length - 1) / 2] ?? 0) : ((s[s.length / 2 - 1] ?? 0) + (s[s.length / 2] ?? 0)) / 2;
  return Math.round((m / UUR) * 10) / 10;
}

interface Moment {
  sleutel: string;
  soort: StapSoort;
  naam: string | null;
  /** The status number, for the order of statuses. */
  volgnummer: number;
  op: number;
}

const rang = (m: Pick<Moment, 'soort' | 'volgnummer'>) => STAP_SOORTEN.indexOf(m.soort) * 10_000 + m.volgnummer;

const SOORT_VAN: Readonly<Record<Exclude<ReisGebeurtenis['soort'], 'status'>, StapSoort>> = {
  bericht: 'bericht',
  reactie: 'reactie',
  opschorting: 'opschorting',
  resultaat: 'afgesloten',
  heropening: 'heropend',
};

/** Rows by their zaak. */
function perZaak<T extends { zaakId: string }>(rijen: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rijen) m.set(r.zaakId, [...(m.get(r.zaakId) ?? []), r]);
  return m;
}

/**
 * The flow of the given journeys. `nu`: the moment waiting is measured to; `vandaag`: the
 * Amsterdam day a deadline is past after.
 */
export function bouwStroom(
  data: { zaken: readonly ReisZaak[]; gebeurtenissen: readonly ReisGebeurtenis[]; contacten: readonly ReisContact[]; klachten: readonly ReisKlacht[]; antwoorden: readonly ReisAntwoord[] },
  nu: string,
  vandaag: string,
): Stroom {
  const gebeurtenissen = perZaak(data.gebeurtenissen);
  const contacten = perZaak(data.contacten);
  const klachten = perZaak(data.klachten);
  const antwoorden = perZaak(data.antwoorden);
  const tNu = new Date(nu).getTime();

  const stappen = new Map<string, { soort: StapSoort; naam: string | null; volgnummer: number; reizen: number; vanafVorige: number[]; wacht: number[]; teLaat: number }>();
  const overgangen = new Map<string, { van: string; naar: string; duren: number[] }>();
  const kanalen = new Map<string, number>();
  const doorlooptijden: number[] = [];
  let afgesloten = 0;
  let openTeLaat = 0;
  let metContactVooraf = 0;
  let zonderContact = 0;

  for (const zaak of data.zaken) {
    const registratie = new Date(zaak.registratieOp).getTime();
    const eigen = gebeurtenissen.get(zaak.id) ?? [];
    const momenten = new Map<string, Moment>();
    const zet = (m: Moment) => {
      const eerder = momenten.get(m.sleutel);
      if (!eerder || m.op < eerder.op) momenten.set(m.sleutel, m);
    };
    zet({ sleutel: 'zaak-geregistreerd', soort: 'zaak-geregistreerd', naam: null, volgnummer: 0, op: registratie });
    for (const g of eigen) {
      const op = new Date(g.op).getTime();
      if (g.soort === 'status') {
        const volgnummer = g.statusVolgnummer ?? 0;
        zet({ sleutel: `status-${volgnummer}`, soort: 'status', naam: g.naam, volgnummer, op });
      } else {
        const soort = SOORT_VAN[g.soort];
        zet({ sleutel: soort, soort, naam: null, volgnummer: 0, op });
      }
    }
    // Contacts before the registration, while the zaak is open, or after its (first) closing.
    const sluiting = momenten.get('afgesloten')?.op ?? (zaak.afgeslotenOp === null ? null : new Date(zaak.afgeslotenOp).getTime());
    const eigenContacten = contacten.get(zaak.id) ?? [];
    const kanalenVooraf = new Set<string>();
    for (const c of eigenContacten) {
      const op = new Date(c.op).getTime();
      const soort: StapSoort = op < registratie ? 'contact-voor' : sluiting !== null && op > sluiting ? 'contact-na' : 'contact-tijdens';
      if (soort === 'contact-voor') kanalenVooraf.add(c.kanaal);
      zet({ sleutel: soort, soort, naam: null, volgnummer: 0, op });
    }
    for (const k of klachten.get(zaak.id) ?? []) zet({ sleutel: 'klacht', soort: 'klacht', naam: null, volgnummer: 0, op: new Date(k.op).getTime() });
    // The answer to the question after closing: satisfied or not (ADR 0052).
    for (const a of antwoorden.get(zaak.id) ?? []) {
      const soort: StapSoort = a.tevreden ? 'tevreden' : 'ontevreden';
      zet({ sleutel: soort, soort, naam: null, volgnummer: 0, op: new Date(a.op).getTime() });
    }

    if (eigenContacten.length === 0) zonderContact++;
    if (kanalenVooraf.size > 0) metContactVooraf++;
    for (const kanaal of kanalenVooraf) kanalen.set(kanaal, (kanalen.get(kanaal) ?? 0) + 1);

    const pad = [...momenten.values()].toSorted((a, b) => a.op - b.op || rang(a) - rang(b));
    pad.forEach((m, i) => {
      const stap = stappen.get(m.sleutel) ?? { soort: m.soort, naam: m.naam, volgnummer: m.volgnummer, reizen: 0, vanafVorige: [], wacht: [], teLaat: 0 };
      stap.reizen++;
      const vorige = pad[i - 1];
      if (vorige) {
        stap.vanafVorige.push(m.op - vorige.op);
        const sleutel = `${vorige.sleutel}→${m.sleutel}`;
        const o = overgangen.get(sleutel) ?? { van: vorige.sleutel, naar: m.sleutel, duren: [] };
        o.duren.push(m.op - vorige.op);
        overgangen.set(sleutel, o);
      }
      stappen.set(m.sleutel, stap);
    });

    if (zaak.afgeslotenOp !== null) {
      afgesloten++;
      if (sluiting !== null) doorlooptijden.push(sluiting - registratie);
    } else {
      const laatste = pad.at(-1);
      const teLaat = !zaak.opgeschort && zaak.uiterlijkeEinddatum < vandaag;
      if (teLaat) openTeLaat++;
      const stap = laatste && stappen.get(laatste.sleutel);
      if (laatste && stap) {
        stap.wacht.push(Math.max(0, tNu - laatste.op));
        if (teLaat) stap.teLaat++;
      }
    }
  }

  const uitStappen: Stap[] = [...stappen.entries()]
    .map(([sleutel, s]) => ({
      sleutel,
      soort: s.soort,
      naam: s.naam,
      volgnummer: s.volgnummer,
      reizen: s.reizen,
      mediaanUrenVanafVorige: mediaanUren(s.vanafVorige),
      wachtend: s.wacht.length,
      mediaanWachtUren: mediaanUren(s.wacht),
      teLaat: s.teLaat,
    }))
    .toSorted((a, b) => rang(a) - rang(b))
    .map(({ volgnummer: _v, ...s }) => s);
  return {
    samenvatting: {
      reizen: data.zaken.length,
      afgesloten,
      open: data.zaken.length - afgesloten,
      openTeLaat,
      metContactVooraf,
      zonderContact,
      mediaanDoorlooptijdUren: mediaanUren(doorlooptijden),
    },
    stappen: uitStappen,
    overgangen: [...overgangen.values()]
      .map((o) => ({ van: o.van, naar: o.naar, reizen: o.duren.length, mediaanUren: mediaanUren(o.duren) ?? 0 }))
      .toSorted((a, b) => b.reizen - a.reizen || a.van.localeCompare(b.van) || a.naar.localeCompare(b.naar)),
    kanalenVooraf: [...kanalen.entries()].map(([kanaal, reizen]) => ({ kanaal, reizen })).toSorted((a, b) => b.reizen - a.reizen || a.kanaal.localeCompare(b.kanaal)),
    haperingen: uitStappen
      .filter((s) => s.wachtend > 0)
      .map(({ sleutel, wachtend, mediaanWachtUren, teLaat }) => ({ sleutel, wachtend, mediaanWachtUren, teLaat }))
      .toSorted((a, b) => b.wachtend - a.wachtend || (b.mediaanWachtUren ?? 0) - (a.mediaanWachtUren ?? 0)),
  };
}
