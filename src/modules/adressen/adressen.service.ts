import { leesCsvKop, csvRecords, utf8OfFouteRegel } from '../../csv.ts';
import { postcodeVan } from '../../http/contactvelden.ts';
import { heeftOngeldigTeken } from '../../tekst.ts';
import type { Klok } from '../../klok.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import type { GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { AdressenBestandFout, gemeenteOnbekend } from './adressen.errors.ts';
import type { Adres, AdressenRepository } from './adressen.repository.ts';

/** The columns of a gazetteer file (docs: README, `loket adressen import`); `toevoeging` may be left out. */
export const ADRES_KOLOMMEN = ['postcode', 'huisnummer', 'toevoeging', 'straat', 'woonplaats', 'lat', 'lon'] as const;
const VERPLICHT = ADRES_KOLOMMEN.filter((k) => k !== 'toevoeging');

export interface ImportUitkomst {
  gelezen: number;
  nieuw: number;
  bijgewerkt: number;
  ongewijzigd: number;
  fouten: { regel: number; reden: string }[];
}

/** A coordinate in degrees with a decimal point, or NaN. */
const getal = (t: string | undefined) => (/^-?[0-9]{1,3}(\.[0-9]+)?$/.test((t ?? '').trim()) ? Number(t) : Number.NaN);

/** One line of the file as an address, or why not (B1). */
function leesRegel(velden: Record<string, string>): Adres | string {
  const postcode = postcodeVan(velden.postcode ?? '');
  if (!postcode) return 'De postcode klopt niet (vier cijfers en twee letters, bijvoorbeeld 1111AA).';
  const huisnummer = Number(velden.huisnummer);
  if (!/^[0-9]{1,5}$/.test(velden.huisnummer ?? '') || huisnummer < 1) return 'Het huisnummer is geen heel getal van 1 tot 99999.';
  const toevoeging = (velden.toevoeging ?? '').trim();
  if (toevoeging.length > 10) return 'De toevoeging is langer dan 10 tekens.';
  const straat = (velden.straat ?? '').trim();
  const woonplaats = (velden.woonplaats ?? '').trim();
  if (straat === '' || straat.length > 200) return 'De straat is leeg of langer dan 200 tekens.';
  if (woonplaats === '' || woonplaats.length > 100) return 'De woonplaats is leeg of langer dan 100 tekens.';
  if ([toevoeging, straat, woonplaats].some(heeftOngeldigTeken)) return 'Deze regel bevat een teken dat niet mag.';
  const lat = getal(velden.lat);
  const lon = getal(velden.lon);
  if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) return 'lat en lon zijn geen coördinaten in WGS84 (graden met een punt, bijvoorbeeld 52.339 en 4.962).';
  return { postcode, huisnummer, toevoeging, straat, woonplaats, lat, lon };
}

/** The local gazetteer (ADR 0054): importing a file of addresses for one gemeente. */
export function adressenService(deps: { repository: AdressenRepository; gemeenten: GemeentenRepository; audit: AuditService; klok: Klok }) {
  return {
    /**
     * Reads a CSV file (UTF-8, `,` or `;`, a header with the columns of ADRES_KOLOMMEN in any
     * order) and stores its addresses: new ones added, changed ones updated, the same ones left
     * alone, so importing a file twice changes nothing. A bad line is reported with its number and
     * skipped; a bad header or encoding refuses the whole file (AdressenBestandFout).
     */
    async importeer(context: Context, gemeente: string, bytes: Uint8Array): Promise<ImportUitkomst> {
      if (!(await deps.gemeenten.opCode(gemeente))) throw gemeenteOnbekend(gemeente);
      const tekst = utf8OfFouteRegel(bytes);
      if (typeof tekst !== 'string') throw new AdressenBestandFout(`Regel ${tekst.fouteRegel} bevat tekens die geen UTF-8 zijn. Sla het bestand op als UTF-8 en probeer het opnieuw.`);
      const kop = leesCsvKop(tekst.replace(/^\uFEFF/, ''));
      const namen = kop.velden.map((v) => v.trim().toLowerCase());
      const ontbreekt = VERPLICHT.filter((k) => !namen.includes(k));
      if (ontbreekt.length > 0) throw new AdressenBestandFout(`Regel 1 mist de kolom${ontbreekt.length > 1 ? 'men' : ''} ${ontbreekt.join(', ')}. De kolommen zijn: ${ADRES_KOLOMMEN.join(', ')} (toevoeging mag ontbreken).`);
      const fouten: ImportUitkomst['fouten'] = [];
      const adressen = new Map<string, Adres>();
      let gelezen = 0;
      for (const r of csvRecords(tekst.replace(/^\uFEFF/, ''), kop.sep, kop.volgende.pos, kop.volgende.regel)) {
        if (r.velden.length === 1 && r.velden[0]?.trim() === '' && !r.fout) continue;
        gelezen++;
        if (r.fout) {
          fouten.push({ regel: r.regel, reden: r.fout });
          continue;
        }
        if (r.velden.length !== namen.length) {
          fouten.push({ regel: r.regel, reden: `Deze regel heeft ${r.velden.length} velden; de kop heeft er ${namen.length}.` });
          continue;
        }
        const adres = leesRegel(Object.fromEntries(namen.map((n, i) => [n, r.velden[i] ?? ''])));
        if (typeof adres === 'string') fouten.push({ regel: r.regel, reden: adres });
        // The same address twice in one file: the last line wins.
        else adressen.set(`${adres.postcode}|${adres.huisnummer}|${adres.toevoeging}`, adres);
      }
      const { nieuw, bijgewerkt } = await deps.repository.bewaar(gemeente, [...adressen.values()], deps.klok.nu().toISOString());
      await deps.audit.log(context, { gemeente, actie: 'adressen-importeren', objectType: 'adres', objectId: gemeente, details: { gelezen, nieuw, bijgewerkt, fouten: fouten.length } });
      return { gelezen, nieuw, bijgewerkt, ongewijzigd: adressen.size - nieuw - bijgewerkt, fouten };
    },
  };
}

export type AdressenService = ReturnType<typeof adressenService>;
