import { randomUUID } from 'node:crypto';
import type { Kanaal } from '../../db/schema.ts';
import { verouderd } from '../../http/etag.ts';
import type { InvalidParam } from '../../http/problem.ts';
import { gedeeldeCache, KANAAL, type Signalen } from '../../db/signalen.ts';
import { naCommit } from '../../db/verzoek-transactie.ts';
import type { Taal } from '../../i18n/i18n.ts';
import type { Klok } from '../../klok.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import { kalenderdag } from '../termijnen/kalender.ts';
import { VERWERKING_ZAKEN, type ZakenService } from '../zaken/zaken.service.ts';
import type { ZakenStandRepository } from '../zaken/zaken.stand.repository.ts';
import {
  antwoordOngeldig,
  antwoordVereist,
  beschrijvingTeLang,
  buitenGemeente,
  categorieAlGepubliceerd,
  categorieConceptBestaat,
  categorieNietGevonden,
  categoriePartnerOnbekend,
  categorieTeamOnbekend,
  geenLocatie,
  hoofdcategorieOnbekend,
  onbekendeCategorie,
  ongeldigeCoordinaat,
  ongeldigeMelding,
} from './meldingen.errors.ts';
import type { Gemeentegrenzen } from './meldingen.grenzen.ts';
import { celVan } from './meldingen.kaart.ts';
import type { Box, CategorieRecord, MeldingenRepository, NieuweMelding } from './meldingen.repository.ts';
import type { CategorieInvoer, Vraag } from './meldingen.schemas.ts';

/** The zaaktype every melding openbare ruimte is a zaak of (demo.zaaktypen.ts; ADR 0040). */
export const MELDING_ZAAKTYPE = 'melding-openbare-ruimte';
/** Longest description (Open311 GeoReport v2: 4,000 characters). */
export const MAX_BESCHRIJVING = 4000;

export interface MeldingInvoer {
  /** The code of a sub category. */
  categorie: string;
  beschrijving: string;
  lat?: number | undefined;
  lon?: number | undefined;
  adres?: string | undefined;
  antwoorden: Record<string, string>;
  mediaUrl?: string | undefined;
  melder?: { naam: string; email?: string | undefined; telefoon?: string | undefined; taal: Taal } | undefined;
  kanaal: Kanaal;
  bron: NieuweMelding['bron'];
  open311SleutelId?: string | undefined;
  /** Photos, already checked and re-encoded without metadata (meldingen.fotos.ts): documents of the zaak. */
  fotos?: readonly { bestandsnaam: string; mediatype: string; inhoud: Buffer }[] | undefined;
}

/** An e-mail address of a reporter (Open311, the resident form): one address, no spaces or list separators. */
export const EMAIL = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

/** Duplicates: the same category, open, within this many metres (default) and received within so many weeks. */
export const DUBBEL_STRAAL_M = 50;
export const DUBBEL_WEKEN = 12;

const AARDSTRAAL_M = 6_371_008.8;
/** Distance in metres between two WGS84 points (haversine). */
const rad = (g: number) => (g * Math.PI) / 180;
export function afstandM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * AARDSTRAAL_M * Math.asin(Math.sqrt(h));
}

/** Checks the answers to a category's extra questions: every problem, each naming its question. */
export function controleerAntwoorden(vragen: readonly Vraag[], antwoorden: Record<string, string>): { fouten: InvalidParam[]; schoon: Record<string, string> } {
  const fouten: InvalidParam[] = [];
  const schoon: Record<string, string> = {};
  for (const v of vragen) {
    const waarde = (antwoorden[v.code] ?? '').trim();
    if (waarde === '') {
      if (v.verplicht) fouten.push(antwoordVereist(v.code));
      continue;
    }
    if (v.type === 'getal') {
      const n = Number(waarde.replace(',', '.'));
      if (!/^-?[0-9]+([.,][0-9]+)?$/.test(waarde) || !Number.isFinite(n)) fouten.push(antwoordOngeldig(v.code, 'Vul een getal in.'));
      else if (v.max !== null && n > v.max) fouten.push(antwoordOngeldig(v.code, `Hoogstens ${v.max}.`));
      else schoon[v.code] = String(n);
      continue;
    }
    if (v.type === 'keuze') {
      if (!v.waarden.some((w) => w.sleutel === waarde)) fouten.push(antwoordOngeldig(v.code, `Kies een van: ${v.waarden.map((w) => w.sleutel).join(', ')}.`));
      else schoon[v.code] = waarde;
      continue;
    }
    const max = v.max ?? (v.type === 'tekst' ? 200 : 2000);
    if (waarde.length > max) fouten.push(antwoordOngeldig(v.code, `Hoogstens ${max} tekens.`));
    else if (v.patroon !== null && !new RegExp(`^(?:${v.patroon})$`, 'u').test(waarde)) fouten.push(antwoordOngeldig(v.code, 'Dit antwoord heeft niet de goede vorm.'));
    else schoon[v.code] = waarde;
  }
  return { fouten, schoon };
}

export interface MeldingenDeps {
  repository: MeldingenRepository;
  zaken: Pick<ZakenService, 'registreerKort' | 'systeemGebeurtenis'>;
  stand: ZakenStandRepository;
  grenzen: Gemeentegrenzen;
  audit: AuditService;
  klok: Klok;
  signalen: Signalen;
}

/** How long a node keeps the categories in force (a signal drops them at once; this is a safety net). */
const CATEGORIEEN_MS = 60_000;

/**
 * Meldingen openbare ruimte (ADR 0040): a melding is a zaak of zaaktype `melding-openbare-ruimte`,
 * registered through the zaken service; its category, location and answers are stored here in
 * the same transaction. Categories per gemeente, versioned like zaaktypen.
 */
export function meldingenService(deps: MeldingenDeps) {
  const { repository, zaken, grenzen, audit, klok } = deps;
  // The categories in force per gemeente and day, kept per node (ADR 0084): the trigger of
  // migration 0045 sends `*` on the map's channel when any category changes, heard by every node
  // at that commit; read from the primary, never the replica.
  const geldend = gedeeldeCache<CategorieRecord[]>({ signalen: deps.signalen, kanaal: KANAAL.meldingenKaart, ms: CATEGORIEEN_MS, max: 1_000, raakt: (signaal) => signaal === '*' });
  const geldendeCategorieen = async (gemeente: string, dag: string): Promise<readonly CategorieRecord[]> =>
    (await geldend.haal(`${gemeente}:${dag}`, () => repository.geldendeCategorieen(gemeente, dag))) ?? [];

  async function bestaandeCategorie(gemeente: string, id: string): Promise<CategorieRecord> {
    const c = await repository.categorieOpId(gemeente, id);
    if (!c) throw categorieNietGevonden();
    return c;
  }

  return {
    categorieen: (gemeente: string, opties: { alleVersies: boolean }) => repository.categorieen(gemeente, opties),
    categorie: (gemeente: string, id: string) => bestaandeCategorie(gemeente, id),
    /** The published categories in force today: main and sub. */
    geldendeCategorieen: (gemeente: string) => geldendeCategorieen(gemeente, kalenderdag(klok.nu())),

    /** A new concept: version 1 of a new code, or the next version of an existing one. */
    async maakCategorie(context: Context, gemeente: string, invoer: CategorieInvoer): Promise<CategorieRecord> {
      if (invoer.team !== null && !(await repository.teamBestaat(gemeente, invoer.team))) throw categorieTeamOnbekend();
      if (invoer.partner !== null && !(await repository.partnerBestaat(gemeente, invoer.partner))) throw categoriePartnerOnbekend();
      if (invoer.hoofdcategorie !== null && !(await repository.hoogsteVersie(gemeente, invoer.hoofdcategorie))) throw hoofdcategorieOnbekend();
      const hoogste = await repository.hoogsteVersie(gemeente, invoer.code);
      if (hoogste?.status === 'concept') throw categorieConceptBestaat();
      const id = randomUUID();
      const versie = (hoogste?.versie ?? 0) + 1;
      await repository.maakCategorie(gemeente, id, versie, invoer, klok.nu().toISOString());
      await audit.log(context, { gemeente, actie: 'melding-categorie-aanmaken', objectType: 'melding-categorie', objectId: id, details: { code: invoer.code, versie } });
      return bestaandeCategorie(gemeente, id);
    },

    async publiceerCategorie(context: Context, gemeente: string, id: string, revisie: number): Promise<CategorieRecord> {
      const c = await bestaandeCategorie(gemeente, id);
      if (c.status === 'gepubliceerd') throw categorieAlGepubliceerd();
      if (c.revisie !== revisie) throw verouderd();
      if (!(await repository.publiceerCategorie(gemeente, id, revisie, klok.nu().toISOString(), kalenderdag(klok.nu())))) throw verouderd();
      // This node at once; the others (and this one again) by the trigger's signal.
      geldend.vergeet(() => true);
      await audit.log(context, { gemeente, actie: 'melding-categorie-publiceren', objectType: 'melding-categorie', objectId: id, details: { code: c.code, versie: c.versie } });
      return bestaandeCategorie(gemeente, id);
    },

    /**
     * Takes a melding: checks the category, the location against the gemeente's boundary and the
     * answers (every problem at once), then registers the zaak through the zaken service and
     * stores the melding's own data, in one transaction: committed before this returns.
     */
    /**
     * The problems `meld` would refuse this melding for (nothing is stored), every one at once, in
     * `fouten`. Hand the whole answer to `meld` for the same input, so it is not checked twice.
     */
    controleer: (gemeente: string, invoer: MeldingInvoer) => controleer(gemeente, invoer),

    async meld(context: Context, door: string, gemeente: string, invoer: MeldingInvoer, gecontroleerd?: Controle, erbij?: () => Promise<void>) {
      const { fouten, categorie, locatie, antwoorden, beschrijving, adres, dag } = gecontroleerd ?? (await controleer(gemeente, invoer));
      if (fouten.length > 0 || !categorie || !locatie || categorie.team === null) throw ongeldigeMelding(fouten);

      const nu = klok.nu().toISOString();
      const gevonden = locatie;
      const systeem = { soort: 'systeem' as const, context, naam: door };
      // The melding's own rows in the zaak's registration transaction (`bij`): one BEGIN … COMMIT,
      // no savepoint (ADR 0084).
      const zaak = await zaken.registreerKort(
        systeem,
        gemeente,
        {
          zaaktype: MELDING_ZAAKTYPE,
          onderwerp: categorie.naam.nl,
          omschrijving: beschrijving,
          kanaal: invoer.kanaal,
          ontvangstdatum: dag,
          team: categorie.team ?? undefined,
          betrokkene: invoer.melder,
          // The category's norm, not the zaaktype's default (ADR 0051).
          norm: categorie.normWerkdagen === null ? undefined : { duur: `${categorie.normWerkdagen}wd`, reden: `Norm van de categorie ${categorie.code} (versie ${categorie.versie})` },
          // The melding's own facts on the zaak's one audit entry (ADR 0099).
          auditDetails: { melding: { categorie: categorie.code, versie: categorie.versie, bron: invoer.bron, locatie: gevonden.locatieControle } },
        },
        async (z) => {
          await repository.voegMeldingToe(gemeente, {
            zaakId: z.id,
            identificatie: z.identificatie,
            categorieId: categorie.id,
            categorieCode: categorie.code,
            ...gevonden,
            adres,
            antwoorden: antwoorden.schoon,
            mediaUrl: invoer.mediaUrl ?? null,
            bron: invoer.bron,
            open311SleutelId: invoer.open311SleutelId ?? null,
            ontvangenOp: nu,
          });
          if (invoer.fotos && invoer.fotos.length > 0) {
            const fotos = invoer.fotos;
            // The photos as documents of the zaak, through the zaken service, in this same transaction.
            await zaken.systeemGebeurtenis(systeem, gemeente, z.id, 'melding-fotos-toevoegen', async () => ({
              gebeurtenissen: [],
              details: { fotos: fotos.length },
              documenten: fotos.map((f) => ({ id: randomUUID(), bestandsnaam: f.bestandsnaam, mediatype: f.mediatype, inhoud: f.inhoud, extern: true })),
            }));
          }
          await erbij?.();
          // The public map's cell on every node, once committed: a NOTIFY inside the transaction
          // would hold PostgreSQL's notify lock through the commit's flush (ADR 0084); after it,
          // gathered with the other cells of the moment into one NOTIFY of the node (ADR 0090).
          if (gevonden.lat !== null && gevonden.lon !== null) {
            const cel = celVan(gevonden.lon, gevonden.lat);
            await naCommit(async () => deps.signalen.seinNaCommit(KANAAL.meldingenKaart, cel));
          }
        },
      );
      return { zaakId: zaak.id, identificatie: zaak.identificatie, volglink: zaak.volglink, categorie, locatieControle: gevonden.locatieControle };
    },

    /**
     * Possible duplicates of a new melding: open meldingen of the same category within `straalM`
     * metres, received in the last `weken` weeks, nearest first (at most 10).
     */
    async dubbelen(gemeente: string, categorieCode: string, punt: { lat: number; lon: number }, opties: { straalM?: number; weken?: number } = {}) {
      const straalM = opties.straalM ?? DUBBEL_STRAAL_M;
      const sinds = new Date(klok.nu().getTime() - (opties.weken ?? DUBBEL_WEKEN) * 7 * 24 * 60 * 60 * 1000).toISOString();
      const dLat = (straalM / AARDSTRAAL_M) * (180 / Math.PI);
      const dLon = dLat / Math.max(0.01, Math.cos((punt.lat * Math.PI) / 180));
      const box = { minLon: punt.lon - dLon, minLat: punt.lat - dLat, maxLon: punt.lon + dLon, maxLat: punt.lat + dLat };
      const kandidaten = (await repository.inBoxVanCategorie(gemeente, categorieCode, box, sinds, 200))
        .flatMap((m) => (m.lat === null || m.lon === null ? [] : [{ ...m, afstandM: Math.round(afstandM(punt, { lat: m.lat, lon: m.lon })) }]))
        .filter((m) => m.afstandM <= straalM);
      return (await metStand(gemeente, kandidaten)).filter((m) => m.stand.afgeslotenOp === null).toSorted((a, b) => a.afstandM - b.afstandM).slice(0, 10);
    },

    /**
     * A resident follows an open melding instead of reporting it again ("houd mij op de hoogte"):
     * they get its progress mails from now on. False when the melding is unknown or closed.
     */
    async volg(context: Context, gemeente: string, zaakId: string, volger: { email: string; taal: Taal }): Promise<{ identificatie: string } | undefined> {
      const melding = await repository.meldingOpZaak(gemeente, zaakId);
      const stand = melding ? (await deps.stand.stand(gemeente, [zaakId]))[0] : undefined;
      if (!melding || !stand || stand.afgeslotenOp !== null) return undefined;
      const nieuw = await repository.voegVolgerToe(gemeente, zaakId, volger.email, volger.taal, klok.nu().toISOString());
      if (nieuw) {
        await audit.log(context, { gemeente, actie: 'melding-volgen', objectType: 'zaak', objectId: zaakId, details: { identificatie: melding.identificatie } });
        await audit.verwerking(context, { gemeente, naam: 'melding-volgen', ...VERWERKING_ZAKEN, betrokkeneIds: [zaakId] });
      }
      return { identificatie: melding.identificatie };
    },

    /** Retention: followers' e-mail addresses go one year after their melding closed, like the reporter's (ADR 0013). */
    async ruimVolgersOp(context: Context, gemeente: string): Promise<number> {
      const grens = new Date(klok.nu());
      grens.setUTCFullYear(grens.getUTCFullYear() - 1);
      const aantal = await repository.wisVolgers(gemeente, grens.toISOString());
      if (aantal > 0) await audit.log(context, { gemeente, actie: 'melding-volgers-wissen', details: { aantal, geslotenVoor: grens.toISOString() } });
      return aantal;
    },

    /** Meldingen by zaak number, with where their zaken stand. */
    async opIdentificatie(gemeente: string, identificaties: readonly string[]) {
      const meldingen = await repository.meldingenOpIdentificatie(gemeente, identificaties);
      return metStand(gemeente, meldingen);
    },
    async opZaak(gemeente: string, zaakId: string) {
      const m = await repository.meldingOpZaak(gemeente, zaakId);
      return m ? (await metStand(gemeente, [m]))[0] : undefined;
    },
    /**
     * Meldingen received from `van` up to `tot` (and of these categories), with their stand,
     * optionally only open or only closed ones; at most `limit`, oldest first.
     */
    async tussen(gemeente: string, opties: { van: string; tot: string; categorieen?: readonly string[] | undefined; box?: Box | undefined; status?: 'open' | 'closed' | undefined; limit: number }) {
      const uit: Awaited<ReturnType<typeof metStand>> = [];
      let na: { ontvangenOp: string; zaakId: string } | undefined;
      const blok = Math.min(opties.limit, 500);
      for (;;) {
        const rijen = await repository.meldingenTussen(gemeente, { ...opties, na, limit: blok });
        for (const m of await metStand(gemeente, rijen)) {
          const open = m.stand.afgeslotenOp === null;
          if (opties.status === undefined || (opties.status === 'open') === open) uit.push(m);
          if (uit.length >= opties.limit) return uit;
        }
        const laatste = rijen.at(-1);
        if (rijen.length < blok || !laatste) return uit;
        na = { ontvangenOp: laatste.ontvangenOp, zaakId: laatste.zaakId };
      }
    },
    /**
     * The public map: open meldingen in categories on the map within the box, newest first, at
     * most `limit`; no reporter, no free text, no address. `afgekapt`: there may be more.
     */
    async openbaar(box: Box, limit: number) {
      // Closed ones are left out after reading where their zaken stand, so read some more.
      const kandidaten = await repository.openbaarInBox(box, limit * 2);
      const perGemeente = Map.groupBy(kandidaten, (k) => k.gemeente);
      const gesloten = new Set<string>();
      for (const [gemeente, lijst] of perGemeente) {
        for (const s of await deps.stand.stand(gemeente, lijst.map((k) => k.zaakId))) if (s.afgeslotenOp !== null) gesloten.add(s.id);
      }
      const open = kandidaten.filter((k) => !gesloten.has(k.zaakId));
      return { meldingen: open.slice(0, limit), afgekapt: open.length > limit || kandidaten.length === limit * 2 };
    },
    /** Status changes and closings of meldingen from `van` up to `tot`, at most `limit`, with their melding's category. */
    async statuswijzigingen(gemeente: string, van: string, tot: string, limit: number) {
      const wijzigingen = await deps.stand.statuswijzigingen(gemeente, MELDING_ZAAKTYPE, van, tot, limit);
      const meldingen = new Map((await repository.meldingenOpZaken(gemeente, [...new Set(wijzigingen.map((w) => w.zaakId))])).map((m) => [m.zaakId, m]));
      return wijzigingen.flatMap((w) => {
        const melding = meldingen.get(w.zaakId);
        return melding ? [{ ...w, melding }] : [];
      });
    },
  };

  type Controle = Awaited<ReturnType<typeof controleer>>;

  /** Checks the category, the location against the gemeente's boundary and the answers. */
  async function controleer(gemeente: string, invoer: MeldingInvoer) {
    const fouten: InvalidParam[] = [];
    const dag = kalenderdag(klok.nu());
    const categorie = (await geldendeCategorieen(gemeente, dag)).find((c) => c.code === invoer.categorie && c.hoofdcategorie !== null);
    if (!categorie) fouten.push(onbekendeCategorie());
    const beschrijving = invoer.beschrijving.trim();
    if (beschrijving.length > MAX_BESCHRIJVING) fouten.push(beschrijvingTeLang(MAX_BESCHRIJVING));

    let locatie: Pick<NieuweMelding, 'lat' | 'lon' | 'locatieControle'> | undefined;
    const { lat, lon } = invoer;
    const adres = (invoer.adres ?? '').trim();
    if (lat !== undefined || lon !== undefined) {
      if (lat === undefined || lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        fouten.push(ongeldigeCoordinaat());
      } else {
        const controle = grenzen.controleer(gemeente, lat, lon);
        if (controle.uitkomst === 'buiten') fouten.push(buitenGemeente(controle.afstandM));
        else locatie = { lat, lon, locatieControle: controle.uitkomst };
      }
    } else if (adres !== '') {
      locatie = { lat: null, lon: null, locatieControle: 'alleen-adres' };
    } else {
      fouten.push(geenLocatie());
    }
    const antwoorden = categorie ? controleerAntwoorden(categorie.vragen, invoer.antwoorden) : { fouten: [], schoon: {} };
    fouten.push(...antwoorden.fouten);
    return { fouten, categorie, locatie, antwoorden, beschrijving, adres, dag };
  }

  async function metStand<M extends Awaited<ReturnType<MeldingenRepository['meldingenTussen']>>[number]>(gemeente: string, meldingen: readonly M[]) {
    const standen = new Map((await deps.stand.stand(gemeente, meldingen.map((m) => m.zaakId))).map((s) => [s.id, s]));
    return meldingen.flatMap((m) => {
      const stand = standen.get(m.zaakId);
      return stand ? [{ ...m, stand }] : [];
    });
  }
}

export type MeldingenService = ReturnType<typeof meldingenService>;
