/**
 * Open311 GeoReport v2 on meldingen openbare ruimte (ADR 0041): what the specification's
 * resources say, built from the meldingen service and the zaken' stand. No SQL here; no personal
 * data in what is read back (no reporter, no free text).
 */
import type { Klok } from '../../klok.ts';
import type { Context } from '../audit/audit.service.ts';
import type { Gemeente, GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import type { CategorieRecord } from '../meldingen/meldingen.repository.ts';
import { EMAIL, type MeldingenService } from '../meldingen/meldingen.service.ts';
import type { Vraagtype } from '../meldingen/meldingen.schemas.ts';
import {
  geenDefinitie,
  geenJurisdictie,
  onbekendeDienst,
  onbekendeJurisdictie,
  onbekendToken,
  onbekendVerzoek,
  Open311Fout,
  ongeldigeParameter,
  sleutelOngeldig,
} from './open311.errors.ts';
import type { Open311SleutelsService } from './open311.sleutels.service.ts';
import { Lijst, type Waarde } from './open311.xml.ts';

/** When this API last changed (discovery's changeset). */
export const OPEN311_CHANGESET = '2026-12-06T00:00:00Z';
const DAG_MS = 24 * 60 * 60 * 1000;
/** Longest window of GET requests (the specification's 90 days). */
const MAX_VENSTER_MS = 90 * DAG_MS;
/** Most requests in one answer (the specification's default of 1,000). */
export const MAX_VERZOEKEN = 1000;
const MAX_IDS = 100;

const DATATYPE: Record<Vraagtype, string> = { tekst: 'string', 'lange-tekst': 'text', getal: 'number', keuze: 'singlevaluelist' };

/** An instant as W3C datetime, in UTC, without milliseconds. */
export const w3c = (moment: string | Date): string => new Date(moment).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The end of a calendar day (17:00) in Europe/Amsterdam, with its offset, e.g. 2026-03-16T17:00:00+01:00. */
export function eindVanDag(datum: string): string {
  const middag = new Date(`${datum}T12:00:00Z`);
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' }).formatToParts(middag).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+01:00';
  const tz = offset === 'GMT' ? '+00:00' : offset.replace('GMT', '');
  return `${datum}T17:00:00${tz}`;
}

/** A W3C datetime (date, or date and time with an offset) → ms; undefined when it is none. */
function leesMoment(tekst: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(tekst)) return undefined;
  const ms = Date.parse(tekst.length === 10 ? `${tekst}T00:00:00Z` : tekst.replace(' ', 'T'));
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The window of `start_date`/`end_date` in ms: each may be left out (then `end` is now, `start`
 * `standaardMs` before `end`); at most 90 days. Throws the 400 naming every bad parameter (with
 * `fouten`, the caller's own).
 */
function venster(query: Record<string, unknown>, nu: number, standaardMs: number, fouten: string[] = []): { van: string; tot: string } {
  const start = velden(query, 'start_date');
  const eind = velden(query, 'end_date');
  const startMs = start === undefined ? undefined : leesMoment(start);
  const eindMs = eind === undefined ? undefined : leesMoment(eind);
  if (start !== undefined && startMs === undefined) fouten.push('start_date: geef een W3C-datum en tijd, bijvoorbeeld 2026-03-01T00:00:00Z.');
  if (eind !== undefined && eindMs === undefined) fouten.push('end_date: geef een W3C-datum en tijd, bijvoorbeeld 2026-03-31T00:00:00Z.');
  const tot = eindMs ?? (startMs !== undefined ? Math.min(startMs + standaardMs, nu + 1000) : nu + 1000);
  const van = startMs ?? tot - standaardMs;
  if (fouten.length === 0 && van > tot) fouten.push('start_date: moet vóór end_date liggen.');
  if (fouten.length === 0 && tot - van > MAX_VENSTER_MS) fouten.push('start_date/end_date: hoogstens 90 dagen tussen start_date en end_date.');
  if (fouten.length > 0) throw new Open311Fout(400, fouten.map((description) => ({ code: 400, description })));
  return { van: new Date(van).toISOString(), tot: new Date(tot).toISOString() };
}

/** Statuses as FixMyStreet reads them in servicerequestupdates (upper case), by the step's or result's name. */
const FMS_STATUS: Readonly<Record<string, string>> = {
  ingepland: 'ACTION_SCHEDULED',
  'in behandeling': 'IN_PROGRESS',
  'in uitvoering': 'IN_PROGRESS',
  onderzoek: 'INVESTIGATING',
  opgelost: 'FIXED',
  'niet opgelost': 'NO_FURTHER_ACTION',
  'doorgestuurd naar partner': 'INTERNAL_REFERRAL',
  dubbel: 'DUPLICATE',
};

const velden = (vorm: Record<string, unknown>, naam: string): string | undefined => {
  const w = vorm[naam];
  if (typeof w === 'string') return w.trim() === '' ? undefined : w.trim();
  if (Array.isArray(w) && typeof w[0] === 'string') return w[0].trim() === '' ? undefined : w[0].trim();
  return undefined;
};

/** Meldingen fields → the Open311 parameter the client sent. */
function open311Veld(naam: string): string {
  if (naam === 'categorie') return 'service_code';
  if (naam === 'beschrijving') return 'description';
  if (naam === 'locatie') return 'lat/long';
  if (naam.startsWith('antwoorden.')) return `attribute[${naam.slice('antwoorden.'.length)}]`;
  return naam;
}

const dienst = (c: CategorieRecord, hoofd: Map<string, CategorieRecord>): Waarde => ({
  service_code: c.code,
  service_name: c.naam.nl,
  description: c.uitleg.nl,
  metadata: c.vragen.length > 0,
  type: 'realtime',
  keywords: c.trefwoorden.join(','),
  group: c.hoofdcategorie ? (hoofd.get(c.hoofdcategorie)?.naam.nl ?? '') : '',
});

export function open311Service(deps: {
  gemeenten: GemeentenRepository;
  meldingen: MeldingenService;
  /** For merged meldingen: the main melding's number (ADR 0074), named in `status_notes`. */
  samengevoegd: (gemeente: string, zaakIds: readonly string[]) => Promise<Map<string, { identificatie: string }>>;
  sleutels: Open311SleutelsService;
  klok: Klok;
  publicUrl: string;
}) {
  const { gemeenten, meldingen, sleutels, klok } = deps;

  type MetStand = NonNullable<Awaited<ReturnType<MeldingenService['opZaak']>>>;
  const verzoek = (gemeente: Gemeente, m: MetStand, openbaar: boolean, hoofd?: string): Waarde => ({
    service_request_id: m.identificatie,
    status: m.stand.afgeslotenOp ? 'closed' : 'open',
    // A merged melding points to the main one (GeoReport v2: status_notes explains the status).
    status_notes: hoofd ? `Samengevoegd met melding ${hoofd} (service_request_id ${hoofd}). Volg die melding voor de voortgang.` : m.stand.statusTekst.nl,
    service_name: m.categorieNaam.nl,
    service_code: m.categorieCode,
    agency_responsible: `Gemeente ${gemeente.naam}`,
    service_notice: '',
    requested_datetime: w3c(m.ontvangenOp),
    updated_datetime: w3c(m.stand.bijgewerktOp),
    expected_datetime: m.stand.afgeslotenOp ? undefined : eindVanDag(m.stand.uiterlijkeEinddatum),
    // Where it is only for categories on the public map; never who reported it or what they wrote.
    address: openbaar ? m.adres : undefined,
    lat: openbaar && m.lat !== null ? m.lat : undefined,
    long: openbaar && m.lon !== null ? m.lon : undefined,
    media_url: openbaar && m.mediaUrl ? m.mediaUrl : undefined,
  });

  async function openbareCategorieen(gemeente: string): Promise<Set<string>> {
    return new Set((await meldingen.geldendeCategorieen(gemeente)).filter((c) => c.openbaar).map((c) => c.code));
  }

  return {
    /** The gemeente of a jurisdiction_id (its domain). */
    async gemeente(jurisdictie: string | undefined): Promise<Gemeente> {
      if (!jurisdictie) throw geenJurisdictie();
      const gemeente = await gemeenten.opDomein(jurisdictie);
      if (!gemeente) throw onbekendeJurisdictie();
      return gemeente;
    },

    discovery: (): Waarde => ({
      changeset: OPEN311_CHANGESET,
      contact: `${deps.publicUrl}/api-docs`,
      key_service: 'Een api_key krijgt u van de beheerder van de gemeente in Loket.',
      endpoints: new Lijst('endpoint', [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${deps.publicUrl}/open311/v2`,
          changeset: OPEN311_CHANGESET,
          type: 'production',
          formats: new Lijst('format', ['text/xml', 'application/json']),
        },
      ]),
    }),

    /** The sub categories in force as services; the main category is the group. */
    async diensten(gemeente: Gemeente): Promise<Waarde[]> {
      const alle = await meldingen.geldendeCategorieen(gemeente.code);
      const hoofd = new Map(alle.filter((c) => c.hoofdcategorie === null).map((c) => [c.code, c]));
      return alle.filter((c) => c.hoofdcategorie !== null).map((c) => dienst(c, hoofd));
    },

    /** A service definition: the category's extra questions as attributes. */
    async definitie(gemeente: Gemeente, code: string): Promise<Waarde> {
      const c = (await meldingen.geldendeCategorieen(gemeente.code)).find((x) => x.code === code && x.hoofdcategorie !== null);
      if (!c) throw onbekendeDienst();
      if (c.vragen.length === 0) throw geenDefinitie();
      return {
        service_code: c.code,
        attributes: new Lijst(
          'attribute',
          c.vragen.map((v, i) => ({
            variable: true,
            code: v.code,
            datatype: DATATYPE[v.type],
            required: v.verplicht,
            datatype_description: v.uitleg.nl,
            order: i + 1,
            description: v.vraag.nl,
            values: v.type === 'keuze' ? new Lijst('value', v.waarden.map((w) => ({ key: w.sleutel, name: w.naam.nl }))) : undefined,
          })),
        ),
      };
    },

    /**
     * POST requests: the form as the specification and FixMyStreet send it. The key is checked
     * first (403), then every field at once (404 for an unknown service_code, 400 otherwise).
     * Committed before it answers, so the id is real.
     */
    async meld(context: Context, gemeente: Gemeente, vorm: Record<string, unknown>): Promise<Waarde> {
      const sleutel = velden(vorm, 'api_key');
      const client = sleutel ? await sleutels.controleer(gemeente.code, sleutel) : undefined;
      if (!client) throw sleutelOngeldig();
      const fouten: { code: number; description: string }[] = [];
      const serviceCode = velden(vorm, 'service_code');
      if (!serviceCode) fouten.push({ code: 400, description: 'service_code: kies een dienst uit services.xml.' });
      const getal = (naam: 'lat' | 'long') => {
        const w = velden(vorm, naam);
        if (w === undefined) return undefined;
        return /^-?\d{1,3}(\.\d+)?$/.test(w) ? Number(w) : Number.NaN;
      };
      const email = velden(vorm, 'email');
      if (email !== undefined && (email.length > 254 || !EMAIL.test(email))) fouten.push({ code: 400, description: 'email: dit is geen geldig e-mailadres.' });
      const telefoon = velden(vorm, 'phone');
      if (telefoon !== undefined && !/^[0-9+()\-. ]{6,30}$/.test(telefoon)) fouten.push({ code: 400, description: 'phone: dit is geen geldig telefoonnummer.' });
      const naam = [velden(vorm, 'first_name'), velden(vorm, 'last_name')].filter((x) => x !== undefined).join(' ');
      if (naam.length > 200) fouten.push({ code: 400, description: 'first_name/last_name: de naam is te lang (hoogstens 200 tekens).' });
      const mediaUrl = velden(vorm, 'media_url');
      if (mediaUrl !== undefined && (mediaUrl.length > 2000 || !/^https?:\/\/[^\s]+$/i.test(mediaUrl))) fouten.push({ code: 400, description: 'media_url: geef een http- of https-adres.' });
      const adres = velden(vorm, 'address_string');
      if (adres !== undefined && adres.length > 500) fouten.push({ code: 400, description: 'address_string: het adres is te lang (hoogstens 500 tekens).' });
      const antwoorden: Record<string, string> = {};
      for (const [sleutelNaam, w] of Object.entries(vorm)) {
        const m = /^attribute\[([^\]]{1,100})\](\[\])?$/.exec(sleutelNaam);
        const waarde = Array.isArray(w) ? w.join(',') : w;
        if (m?.[1] && typeof waarde === 'string') antwoorden[m[1]] = waarde;
      }
      const invoer = {
        categorie: serviceCode ?? '',
        beschrijving: typeof vorm.description === 'string' ? vorm.description : '',
        lat: getal('lat'),
        lon: getal('long'),
        adres,
        antwoorden,
        mediaUrl,
        melder: naam || email || telefoon ? { naam, email, telefoon, taal: 'nl' as const } : undefined,
        kanaal: 'app' as const,
        bron: 'open311' as const,
        open311SleutelId: client.id,
      };
      const controle = await meldingen.controleer(gemeente.code, invoer);
      const eigen = controle.fouten.filter((p) => !(p.code === 'onbekende-categorie' && !serviceCode));
      if (serviceCode && eigen.some((p) => p.code === 'onbekende-categorie')) throw onbekendeDienst();
      fouten.push(...eigen.map((p) => ({ code: 400, description: `${open311Veld(p.name)}: ${p.reason}` })));
      if (fouten.length > 0) throw new Open311Fout(400, fouten);
      // In the audit log the client is the actor, known by its key (ADR 0041).
      const alsClient: Context = { ...context, actorType: 'systeem', actorId: client.id, actorNaam: `Open311: ${client.naam}` };
      const melding = await meldingen.meld(alsClient, `Open311: ${client.naam}`, gemeente.code, invoer, controle);
      return {
        service_request_id: melding.identificatie,
        service_notice: melding.locatieControle === 'nabij-grens' ? 'De plek ligt dicht bij de gemeentegrens; wij controleren of wij hem behandelen.' : '',
      };
    },

    /** GET requests: by ids (which override every other filter), or by service codes, a window of at most 90 days and open/closed. */
    async verzoeken(gemeente: Gemeente, query: Record<string, unknown>): Promise<Waarde[]> {
      const openbaar = await openbareCategorieen(gemeente.code);
      const ids = velden(query, 'service_request_id');
      if (ids) {
        const lijst = [...new Set(ids.split(',').map((x) => x.trim().toUpperCase()).filter((x) => x !== ''))];
        if (lijst.length > MAX_IDS) throw ongeldigeParameter(`service_request_id: hoogstens ${MAX_IDS} ids tegelijk.`);
        const gevonden = await meldingen.opIdentificatie(gemeente.code, lijst);
        const hoofden = await deps.samengevoegd(gemeente.code, gevonden.map((m) => m.zaakId));
        return gevonden.map((m) => verzoek(gemeente, m, openbaar.has(m.categorieCode), hoofden.get(m.zaakId)?.identificatie));
      }
      const status = velden(query, 'status');
      const statussen = status ? [...new Set(status.split(',').map((s) => s.trim()))] : [];
      const { van, tot } = venster(query, klok.nu().getTime(), MAX_VENSTER_MS, statussen.some((s) => s !== 'open' && s !== 'closed') ? ['status: kies open, closed of open,closed.'] : []);
      const codes = velden(query, 'service_code')?.split(',').map((c) => c.trim()).filter((c) => c !== '');
      const alleen = statussen.length === 1 ? (statussen[0] as 'open' | 'closed') : undefined;
      // The list shows only categories on the public map (a melding about people is nobody's business).
      const gevraagd = (codes ?? [...openbaar]).filter((c) => openbaar.has(c));
      if (gevraagd.length === 0) return [];
      const lijst = await meldingen.tussen(gemeente.code, { van, tot, categorieen: gevraagd, status: alleen, limit: MAX_VERZOEKEN });
      const hoofden = await deps.samengevoegd(gemeente.code, lijst.map((m) => m.zaakId));
      return lijst.map((m) => verzoek(gemeente, m, true, hoofden.get(m.zaakId)?.identificatie));
    },

    /** GET requests/{id}: one melding by its number. */
    async verzoekOpId(gemeente: Gemeente, id: string): Promise<Waarde[]> {
      const [m] = await meldingen.opIdentificatie(gemeente.code, [id.toUpperCase()]);
      if (!m) throw onbekendVerzoek();
      const openbaar = await openbareCategorieen(gemeente.code);
      const hoofd = (await deps.samengevoegd(gemeente.code, [m.zaakId])).get(m.zaakId);
      return [verzoek(gemeente, m, openbaar.has(m.categorieCode), hoofd?.identificatie)];
    },

    /** GET tokens/{token}: the token is the melding's id (a uuid); Loket answers POST with the id at once, so a client rarely needs it. */
    async token(gemeente: Gemeente, token: string): Promise<Waarde[]> {
      const m = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(token) ? await meldingen.opZaak(gemeente.code, token) : undefined;
      if (!m) throw onbekendToken();
      return [{ service_request_id: m.identificatie, token }];
    },

    /**
     * FixMyStreet's servicerequestupdates: each status change and closing of a melding in the
     * window (default the last 24 hours, at most 90 days), with a valid api_key.
     */
    async updates(gemeente: Gemeente, query: Record<string, unknown>): Promise<Waarde[]> {
      const sleutel = velden(query, 'api_key');
      if (!sleutel || !(await sleutels.controleer(gemeente.code, sleutel))) throw sleutelOngeldig();
      const { van, tot } = venster(query, klok.nu().getTime(), DAG_MS);
      const wijzigingen = await meldingen.statuswijzigingen(gemeente.code, van, tot, MAX_VERZOEKEN);
      return wijzigingen.map((w) => ({
        update_id: `${w.identificatie}-${w.volgnummer}`,
        service_request_id: w.identificatie,
        status: FMS_STATUS[w.naam.toLowerCase()] ?? (w.soort === 'resultaat' ? 'CLOSED' : 'OPEN'),
        updated_datetime: w3c(w.op),
        description: w.tekst.nl,
        media_url: '',
      }));
    },
  };
}

export type Open311Service = ReturnType<typeof open311Service>;
