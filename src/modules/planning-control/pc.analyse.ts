import type { PcControle, PcHoofdstuk, PcIndicator, PcWaarde } from './pc.hoofdstuk.ts';
import { beoordeel, controleer } from './pc.parser.ts';
import { LEGE_AANVULLING, type IndicatorAanvulling, type OudeAanvullingen, type PcAfwijking, type PcWijziging } from './pc.schemas.ts';

/*
 * Pure functions over chapters: slugs, links of indicators, traffic lights, deviations from the
 * budget and the comparison of two versions. No I/O: the service, the pages and the exports use
 * them alike.
 */

/** "Samen besturen" → "samen-besturen" (also for names with accents). */
export function slugVan(naam: string): string {
  const slug = naam
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ĳ/g, 'ij')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 80).replace(/-+$/, '') || 'programma';
}

/** Indicators printed under "Algemeen" (the importer numbers them A1, A2, …). */
export function isAlgemeen(code: string): boolean {
  return /^(algemeen|a[0-9]+)$/i.test(code);
}

/** The register's additions to an indicator (all null where nothing is known yet). */
export function aanvullingVan(indicator: PcIndicator): IndicatorAanvulling {
  return { ...LEGE_AANVULLING, ...indicator.aanvulling };
}

/** Rows without a blank explanation. */
const zonderLegeToelichting = <T extends { toelichting?: string }>(rijen: T[]): T[] => rijen.map(({ toelichting, ...rij }) => (toelichting?.trim() ? { ...rij, toelichting } : rij) as T);

/**
 * The chapter as the register stores it: an indicator's additions only when one is set, a finance
 * row's explanation only when it is not blank. So a chapter without additions is exactly what the
 * importer printed (ADR 0017).
 */
export function opgeschoond(h: PcHoofdstuk): PcHoofdstuk {
  const indicatoren = h.indicatoren.map(({ aanvulling, ...indicator }) => {
    const { kpi, ...rest } = { ...LEGE_AANVULLING, ...aanvulling, toelichting: aanvulling?.toelichting?.trim() ? aanvulling.toelichting : null };
    const a = kpi ? { ...rest, kpi } : rest;
    return Object.values(a).some((v) => v !== null) ? { ...indicator, aanvulling: a } : indicator;
  });
  return {
    ...h,
    indicatoren,
    financien: h.financien && { ...h.financien, regels: zonderLegeToelichting(h.financien.regels) },
    ...(h.financienOverig ? { financienOverig: h.financienOverig.map((t) => ({ ...t, regels: zonderLegeToelichting(t.regels) })) } : {}),
  };
}

/**
 * Folds additions stored the old way (beside the chapter: by position for indicators, by row name
 * for finance rows) into the chapter. They were written together with the chapter, so the
 * positions still match (ADR 0017).
 */
export function metOudeAanvullingen(h: PcHoofdstuk, oud: OudeAanvullingen): PcHoofdstuk {
  const indicatoren = h.indicatoren.map((indicator, i) => {
    const a = oud.indicatoren?.[i];
    return a && !indicator.aanvulling ? { ...indicator, aanvulling: a } : indicator;
  });
  const toelichting = (naam: string): string | undefined => oud.financien?.find((f) => f.regel === naam)?.toelichting;
  const financien = h.financien && { ...h.financien, regels: h.financien.regels.map((r) => (r.toelichting === undefined && toelichting(r.naam) ? { ...r, toelichting: toelichting(r.naam) } : r)) };
  return opgeschoond({ ...h, indicatoren, financien });
}

/**
 * Controles stored before ADR 0034 have no `verschil` and `oordeel`: they get them from what was
 * stored (`ok` was an exact comparison, so a stored difference stays a `verschil`).
 */
export function metOordelen(h: PcHoofdstuk): PcHoofdstuk {
  if (h.controles.every((c) => c.oordeel !== undefined)) return h;
  const controles = h.controles.map((c): PcControle => {
    if (c.oordeel !== undefined) return c;
    const verschil = c.document === null ? null : Math.round((c.document - c.berekend) * 1e6) / 1e6;
    return { ...c, verschil, oordeel: c.ok ? 'klopt' : 'verschil' };
  });
  return { ...h, controles };
}

/**
 * The controles after an edit of the named parts: those of the main finance table and of the
 * further tables are computed again (the importer's own `controleer`); a single printed total of
 * the overhevelingen is compared with the sum of the items again. What the document printed stays;
 * controles of parts not edited, and of investeringen, stay as they were.
 */
export function metNieuweControles(h: PcHoofdstuk, gewijzigd: { financien?: boolean; financienOverig?: boolean; overhevelingen?: boolean }): PcHoofdstuk {
  const titels = new Set((h.financienOverig ?? []).map((t) => t.titel));
  let controles: PcControle[] = h.controles;
  if (gewijzigd.financien) {
    controles = [...(h.financien ? controleer(h.financien.kolommen, h.financien.regels) : []), ...controles.filter((c) => c.tabel !== undefined)];
  }
  if (gewijzigd.financienOverig) {
    const behalve = controles.filter((c) => c.tabel === undefined || (!titels.has(c.tabel) && (c.tabel === 'overhevelingen' || c.tabel === 'investeringen')));
    const hoofd = behalve.filter((c) => c.tabel === undefined);
    const nieuw = (h.financienOverig ?? []).flatMap((t) => controleer(t.kolommen, t.regels).map((c) => ({ ...c, tabel: t.titel })));
    controles = [...hoofd, ...nieuw, ...behalve.filter((c) => c.tabel !== undefined)];
  }
  const totalen = controles.filter((c) => c.tabel === 'overhevelingen');
  if (gewijzigd.overhevelingen && totalen.length === 1) {
    const som = h.overhevelingen.reduce((acc, o) => acc + o.bedrag, 0);
    controles = controles.map((c) => (c.tabel === 'overhevelingen' ? { ...c, berekend: som, ...beoordeel(c.document, som, h.overhevelingen.length) } : c));
  }
  return { ...h, controles };
}

/** The code one level up: 1.1.2 → 1.1, 2.1 → 2, 1 → "". */
const ouder = (code: string) => code.split('.').slice(0, -1).join('.');

/**
 * What an indicator belongs to. A stored link names it (an activity, subgoal or goal code, or
 * "Algemeen"). Without one, the indicator's code is its own number within the level above, so it
 * belongs to that level, always the same way: 1.1.1 and 1.1.2 to subgoal 1.1 (also when an
 * activity 1.1.1 exists), 2.1 to goal 2, a sub-row 5.1.2a to subgoal 5.1; a level that the chapter
 * does not have is skipped (1.3.1 without subgoal 1.3: goal 1).
 */
export function koppelingVan(h: PcHoofdstuk, indicator: PcIndicator, aanvulling: IndicatorAanvulling): { soort: 'algemeen' | 'doel' | 'subdoel' | 'activiteit' | 'onbekend'; code: string | null } {
  const soortVan = (code: string) => {
    if (h.doelen.some((d) => d.subdoelen.some((s) => s.code === code))) return 'subdoel' as const;
    if (h.doelen.some((d) => d.code === code)) return 'doel' as const;
    return null;
  };
  if (aanvulling.koppeling !== null) {
    const code = aanvulling.koppeling;
    if (isAlgemeen(code)) return { soort: 'algemeen', code: null };
    if (h.activiteiten.some((a) => a.code === code)) return { soort: 'activiteit', code };
    return { soort: soortVan(code) ?? 'onbekend', code };
  }
  if (isAlgemeen(indicator.code)) return { soort: 'algemeen', code: null };
  for (let code = ouder(indicator.code); code !== ''; code = ouder(code)) {
    const soort = soortVan(code);
    if (soort) return { soort, code };
  }
  return { soort: 'onbekend', code: ouder(indicator.code) || indicator.code };
}

/** The column of a year's budget and of its realisation ("Begroting 2023", "Realisatie 2023"). */
export function kolommenVanJaar(kolommen: readonly string[], jaar: number): { begroting: number; realisatie: number } {
  const zoek = (patroon: RegExp): number => kolommen.findIndex((k) => patroon.test(k) && k.includes(String(jaar)));
  const totaal = zoek(/begroting.*totaal|totaal.*begroting|na wijziging/i);
  return { begroting: totaal >= 0 ? totaal : zoek(/begroting/i), realisatie: zoek(/realisatie|rekening/i) };
}

export type Stoplicht = 'gehaald' | 'bijna' | 'niet-gehaald' | 'onbekend';

/**
 * Traffic light of an indicator's realisation against its budget, given the better direction:
 * gehaald (at or better than the budget, or inside a budgeted range), bijna (within 10% of the
 * budget), niet-gehaald, or onbekend (no direction, or a value without a number).
 */
export function stoplicht(begroting: PcWaarde | undefined, realisatie: PcWaarde | undefined, richting: IndicatorAanvulling['richting']): Stoplicht {
  if (!richting || !begroting || !realisatie || begroting.getal === null || realisatie.getal === null) return 'onbekend';
  const r = realisatie.getal;
  const onder = begroting.getal;
  const boven = begroting.tot ?? begroting.getal;
  if (begroting.tot !== undefined && r >= onder && r <= boven) return 'gehaald';
  const doel = richting === 'hoger' ? onder : boven;
  const beter = richting === 'hoger' ? r >= doel : r <= doel;
  if (beter) return 'gehaald';
  const marge = Math.abs(doel) * 0.1;
  return Math.abs(r - doel) <= marge ? 'bijna' : 'niet-gehaald';
}

/** The budget and realisation values of an indicator for the chapter's year. */
export function jaarwaarden(h: PcHoofdstuk, indicator: PcIndicator): { begroting: PcWaarde | undefined; realisatie: PcWaarde | undefined } {
  const kolommen = indicator.waarden.map((w) => w.kolom);
  const { begroting, realisatie } = kolommenVanJaar(kolommen, h.jaar);
  return { begroting: indicator.waarden[begroting], realisatie: indicator.waarden[realisatie] };
}

const afronden = (n: number): number => Math.round(n * 100) / 100;

/**
 * Deviations that need an explanation: finance rows where the realisation differs from the
 * total budget by at least the amount (in euro) or the percentage, and indicators whose traffic
 * light is not green. Only documents with a realisation have them.
 */
export function afwijkingen(h: PcHoofdstuk, drempel: { bedrag: number; procent: number }): PcAfwijking[] {
  const uit: PcAfwijking[] = [];
  if (h.financien) {
    const { begroting, realisatie } = kolommenVanJaar(h.financien.kolommen, h.jaar);
    const eenheid = h.financien.eenheid;
    if (begroting >= 0 && realisatie >= 0) {
      h.financien.regels.forEach((regel, i) => {
        const b = regel.bedragen[begroting] ?? null;
        const r = regel.bedragen[realisatie] ?? null;
        if (b === null || r === null) return;
        const verschil = (r - b) * eenheid;
        const procent = b === 0 ? null : afronden((Math.abs(r - b) / Math.abs(b)) * 100);
        if (verschil === 0 || (Math.abs(verschil) < drempel.bedrag && (procent === null || procent < drempel.procent))) return;
        const toelichting = regel.toelichting ?? null;
        uit.push({ soort: 'financien', nr: i + 1, naam: regel.naam, begroting: b * eenheid, realisatie: r * eenheid, verschil, procent, toelichting, verklaard: Boolean(toelichting?.trim()) });
      });
    }
  }
  h.indicatoren.forEach((indicator, i) => {
    const aanvulling = aanvullingVan(indicator);
    const { begroting, realisatie } = jaarwaarden(h, indicator);
    const licht = stoplicht(begroting, realisatie, aanvulling.richting);
    if (licht !== 'bijna' && licht !== 'niet-gehaald') return;
    const b = begroting?.getal ?? null;
    const r = realisatie?.getal ?? null;
    const verschil = b !== null && r !== null ? afronden(r - b) : null;
    uit.push({
      soort: 'indicator',
      nr: i + 1,
      naam: `${indicator.code} ${indicator.naam}`,
      begroting: b,
      realisatie: r,
      verschil,
      procent: b && verschil !== null ? afronden((Math.abs(verschil) / Math.abs(b)) * 100) : null,
      toelichting: aanvulling.toelichting,
      verklaard: Boolean(aanvulling.toelichting?.trim()),
    });
  });
  return uit;
}

type Waarde = string | number | null;

const lijst = (xs: readonly string[]): string => xs.join(', ');
const sleutel = (h: PcHoofdstuk): string => slugVan(h.programma);
const doelen = (h: PcHoofdstuk): Map<string, string> => new Map(h.doelen.flatMap((d) => [[d.code, d.naam] as const, ...d.subdoelen.map((s) => [s.code, s.naam] as const)]));
const indicatorSleutel = (i: PcIndicator): string => `${i.code} ${i.naam}`;
/** Finance cells by "row / column"; rows can share a name ("Toevoegingen aan reserves" structural and incidental). */
const cellen = (f: PcHoofdstuk['financien']): Map<string, number | null> => {
  const m = new Map<string, number | null>();
  const gezien = new Map<string, number>();
  for (const regel of f?.regels ?? []) {
    // Rows can share a name ("Toevoegingen aan reserves" structural and incidental).
    const n = (gezien.get(regel.naam) ?? 0) + 1;
    gezien.set(regel.naam, n);
    const naam = n > 1 ? `${regel.naam} (${n})` : regel.naam;
    regel.bedragen.forEach((bedrag, k) => m.set(`${naam} / ${f?.kolommen[k] ?? k}`, bedrag));
  }
  return m;
};

/** All differences between two versions of the same document, programme by programme. */
export function vergelijk(oud: readonly PcHoofdstuk[], nieuw: readonly PcHoofdstuk[]): PcWijziging[] {
  const uit: PcWijziging[] = [];
  const namen = [...new Set([...oud.map(sleutel), ...nieuw.map(sleutel)])];
  for (const slug of namen) {
    const a = oud.find((h) => sleutel(h) === slug);
    const b = nieuw.find((h) => sleutel(h) === slug);
    const programma = b?.programma ?? a?.programma ?? slug;
    const zet = (onderdeel: PcWijziging['onderdeel'], pad: string, x: Waarde | undefined, y: Waarde | undefined, factor = 1): void => {
      const o = x ?? null;
      const n = y ?? null;
      if (o === n) return;
      const verschil = typeof o === 'number' && typeof n === 'number' ? afronden((n - o) * factor) : null;
      uit.push({ programma, onderdeel, pad, oud: typeof o === 'number' ? o * factor : o, nieuw: typeof n === 'number' ? n * factor : n, verschil });
    };
    if (!a || !b) {
      zet('programma', programma, a ? 'aanwezig' : null, b ? 'aanwezig' : null);
      continue;
    }
    zet('programma', 'Portefeuillehouders', lijst(a.portefeuillehouders), lijst(b.portefeuillehouders));
    zet('programma', 'Concerndirecteuren', lijst(a.concerndirecteuren), lijst(b.concerndirecteuren));
    zet('tekst', 'Visie', a.visie.join('\n\n'), b.visie.join('\n\n'));
    for (const titel of new Set([...a.paragrafen, ...b.paragrafen].map((p) => p.titel))) {
      zet('tekst', titel, a.paragrafen.find((p) => p.titel === titel)?.tekst.join('\n\n'), b.paragrafen.find((p) => p.titel === titel)?.tekst.join('\n\n'));
    }
    const [da, db] = [doelen(a), doelen(b)];
    for (const code of new Set([...da.keys(), ...db.keys()])) zet('doel', code, da.get(code), db.get(code));
    for (const code of new Set([...a.activiteiten, ...b.activiteiten].map((x) => x.code))) {
      const [x, y] = [a.activiteiten.find((v) => v.code === code), b.activiteiten.find((v) => v.code === code)];
      zet('activiteit', `${code} naam`, x?.naam, y?.naam);
      zet('activiteit', `${code} tekst`, x?.tekst, y?.tekst);
    }
    for (const s of new Set([...a.indicatoren, ...b.indicatoren].map(indicatorSleutel))) {
      const [x, y] = [a.indicatoren.find((v) => indicatorSleutel(v) === s), b.indicatoren.find((v) => indicatorSleutel(v) === s)];
      if (!x || !y) {
        zet('indicator', s, x ? 'aanwezig' : null, y ? 'aanwezig' : null);
        continue;
      }
      for (const kolom of new Set([...x.waarden, ...y.waarden].map((w) => w.kolom))) {
        const [wx, wy] = [x.waarden.find((w) => w.kolom === kolom), y.waarden.find((w) => w.kolom === kolom)];
        if (wx?.getal !== undefined && wy?.getal !== undefined && wx.getal !== null && wy.getal !== null && wx.getal !== wy.getal) zet('waarde', `${s} / ${kolom}`, wx.getal, wy.getal);
        else zet('waarde', `${s} / ${kolom}`, wx?.tekst, wy?.tekst);
      }
    }
    for (const nummer of new Set([...a.voetnoten, ...b.voetnoten].map((v) => v.nummer))) {
      zet('voetnoot', String(nummer), a.voetnoten.find((v) => v.nummer === nummer)?.tekst, b.voetnoten.find((v) => v.nummer === nummer)?.tekst);
    }
    const fa = a.financien;
    const fb = b.financien;
    const eenheid = fb?.eenheid ?? fa?.eenheid ?? 1;
    const [ca, cb] = [cellen(fa), cellen(fb)];
    for (const pad of new Set([...ca.keys(), ...cb.keys()])) zet('financien', pad, ca.get(pad), cb.get(pad), eenheid);
    for (const s of new Set([...a.overhevelingen, ...b.overhevelingen].map((o) => o.naam))) {
      zet('overheveling', s, a.overhevelingen.find((o) => o.naam === s)?.bedrag, b.overhevelingen.find((o) => o.naam === s)?.bedrag, eenheid);
    }
    for (const titel of new Set([...(a.financienOverig ?? []), ...(b.financienOverig ?? [])].map((t) => t.titel))) {
      const [ta, tb] = [a.financienOverig?.find((t) => t.titel === titel), b.financienOverig?.find((t) => t.titel === titel)];
      const [oa, ob] = [cellen(ta ?? null), cellen(tb ?? null)];
      for (const pad of new Set([...oa.keys(), ...ob.keys()])) zet('financien', `${titel}: ${pad}`, oa.get(pad), ob.get(pad), tb?.eenheid ?? ta?.eenheid ?? 1);
    }
    const [ia, ib] = [investeringBedragen(a), investeringBedragen(b)];
    for (const pad of new Set([...ia.keys(), ...ib.keys()])) zet('investering', pad, ia.get(pad), ib.get(pad), eenheid);
  }
  return uit;
}

/** Every investment amount of a chapter by "name / column". */
function investeringBedragen(h: PcHoofdstuk): Map<string, number | null> {
  return new Map(h.investeringen.flatMap((inv) => inv.kolommen.map((k, i) => [`${inv.naam} / ${k}`, inv.bedragen[i] ?? null] as const)));
}

/** A finance table as the pages, PDF and CSV show it: a title, the unit, columns and named rows. */
export interface GeldTabel {
  titel: string;
  eenheid: number;
  kolommen: readonly string[];
  regels: readonly { naam: string; bedragen: readonly (number | null)[] }[];
  /** Which controles belong to it (`tabel` of PcControle; undefined for the main table). */
  tabel: string | undefined;
}

/**
 * Every finance table of a chapter after the main one: the further tables, then the investments,
 * one table per set of columns (rows whose amounts did not fit the columns are listed with empty
 * amounts). Amounts in units of `eenheid`.
 */
export function verdereGeldTabellen(h: PcHoofdstuk): GeldTabel[] {
  const eenheid = h.financien?.eenheid ?? 1000;
  const overig = (h.financienOverig ?? []).map((t) => ({ titel: t.titel, eenheid: t.eenheid, kolommen: t.kolommen, regels: t.regels, tabel: t.titel }));
  const groepen = new Map<string, { kolommen: string[]; regels: { naam: string; bedragen: (number | null)[] }[] }>();
  for (const inv of h.investeringen) {
    const sleutel = JSON.stringify(inv.kolommen);
    const groep = groepen.get(sleutel) ?? { kolommen: inv.kolommen, regels: [] };
    groep.regels.push({ naam: inv.naam, bedragen: inv.bedragen.length ? inv.bedragen : inv.kolommen.map(() => null) });
    groepen.set(sleutel, groep);
  }
  return [...overig, ...[...groepen.values()].map((g) => ({ titel: '', eenheid, ...g, tabel: 'investeringen' }))];
}
