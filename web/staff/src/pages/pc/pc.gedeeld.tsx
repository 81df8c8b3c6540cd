import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { ApiError, api, gemeentePad, type PcVersie, type PcVersieSamenvatting, type SessieGemeente } from '../../api.ts';
import { Formulier, Veld, useFormulier } from '../../components/Formulier.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { navigeer } from '../../router.tsx';
import { tijdstip } from '../../tijd.ts';

/*
 * What the pages of the P&C editor share: their paths in the app and the API, number formats,
 * the mapping of the API's invalidParams (e.g. "indicatoren.7.waarden.0.getal") to field ids,
 * and the "new version" form.
 */

/** The section's path in the app. */
export const pcBasis = (gemeente: SessieGemeente): string => `/${gemeente.code}/planning-control`;
export const apiVersie = (gemeente: SessieGemeente, id: string): string => `${gemeentePad(gemeente.code)}/pc-versies/${encodeURIComponent(id)}`;
export const apiProgramma = (gemeente: SessieGemeente, id: string, slug: string): string => `${apiVersie(gemeente, id)}/programmas/${encodeURIComponent(slug)}`;

const locale = (taal: string): string => (taal === 'en' ? 'en-GB' : 'nl-NL');

/** An amount in euro, without cents ("€ 339.000" / "€339,000"). */
export function euro(n: number | null, taal: string): string {
  if (n === null) return '–';
  return new Intl.NumberFormat(locale(taal), { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(n);
}

/** A number as the language writes it ("7,5" / "7.5"); "–" for none. */
export function getal(n: number | null | undefined, taal: string, teken = false): string {
  if (n === null || n === undefined) return '–';
  return new Intl.NumberFormat(locale(taal), { maximumFractionDigits: 2, ...(teken ? { signDisplay: 'exceptZero' as const } : {}) }).format(n);
}

/** A typed number ("1.234,5", "7,0", "40") → number; undefined when it is not one; null when empty. */
export function leesGetal(tekst: string, taal: string): number | null | undefined {
  const schoon = tekst.trim().replace(/\s/g, '');
  if (schoon === '') return null;
  const genormaliseerd = taal === 'en' ? schoon.replace(/,/g, '') : schoon.replace(/\./g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(genormaliseerd) ? Number(genormaliseerd) : undefined;
}

/** The field id of an invalidParam name: "body.doelen.0.naam" → "doelen-0-naam"; a trailing list index goes ("visie.2" → "visie"). */
export function veldId(name: string, weg?: RegExp): string {
  const delen = name.replace(/^(body[./]|\/)/, '').replace(weg ?? /^$/, '').split(/[./]/).filter(Boolean);
  if (delen.length > 1 && /^\d+$/.test(delen.at(-1) ?? '')) delen.pop();
  return delen.join('-');
}

/** The error the server gave for the field with this id. */
export function veldFout(fout: ApiError | null, id: string, weg?: RegExp): string | undefined {
  return fout?.problem.invalidParams?.find((p) => veldId(p.name, weg) === id)?.reason;
}

/** invalidParam name → field id, for the error summary's links. */
export function veldenVan(fout: ApiError | null, weg?: RegExp): Record<string, string> {
  return Object.fromEntries((fout?.problem.invalidParams ?? []).map((p) => [p.name, veldId(p.name, weg)]));
}

/** An error found before sending (e.g. a number that is not one), shown like the server's. */
export function invoerFout(fouten: { name: string; reason: string }[]): ApiError {
  return new ApiError({ type: 'about:blank', title: '', status: 400, invalidParams: fouten.map((f) => ({ ...f, code: 'ongeldig' })) });
}

/** Lines of a text field, trimmed, without empty ones. */
export const regels = (tekst: string): string[] =>
  tekst
    .split('\n')
    .map((r) => r.trim())
    .filter(Boolean);
/** Paragraphs of a text field: separated by an empty line. */
export const alineas = (tekst: string): string[] =>
  tekst
    .split(/\n\s*\n/)
    .map((a) => a.trim())
    .filter(Boolean);

/** "Programmabegroting 2025". */
export const documentNaam = (t: TFunction, v: { soort: string; jaar: number }): string => `${t(`pc.soort.${v.soort}`)} ${v.jaar}`;

/** "Versie 2: Begrotingswijziging 1 (concept)". */
export function versieNaam(t: TFunction, v: PcVersieSamenvatting): string {
  return t('pc.versieNaam', { nummer: v.volgnummer, naam: v.naam, status: t(`pc.status.${v.status}`) });
}

/** The status in words, with the council date when vastgesteld. */
export function statusTekst(t: TFunction, taal: string, v: PcVersieSamenvatting): string {
  return v.status === 'vastgesteld' && v.vastgesteldOp
    ? t('pc.vastgesteldOp', { datum: tijdstip(`${v.vastgesteldOp}T12:00:00Z`, taal, true) })
    : t(`pc.status.${v.status}`);
}

/** A new concept version copied from this one (how a vastgesteld document changes); opens it (or the same programme in it). */
export function NieuweVersie({ gemeente, versieId, programma }: { gemeente: SessieGemeente; versieId: string; programma?: string }) {
  const { t } = useTaal();
  const formulier = useFormulier({ naam: '' });
  async function maak() {
    const naam = formulier.waarden.naam.trim();
    const { data } = await api.post<PcVersie>(`${apiVersie(gemeente, versieId)}/opvolgers`, { body: naam ? { naam } : {} });
    const melding = t('pc.versieGemaakt', { nummer: data.volgnummer, naam: data.naam });
    navigeer(`${pcBasis(gemeente)}/${data.id}${programma ? `/${encodeURIComponent(programma)}` : ''}`, { melding });
  }
  return (
    <Formulier formulier={formulier} onVerstuur={maak} knop={t('pc.nieuweVersie')} velden={{ naam: 'nieuwe-versie-naam' }}>
      <Veld label={t('pc.nieuweVersieNaam')} uitleg={t('pc.nieuweVersieUitleg')} autoComplete="off" {...formulier.tekst('naam')} id="nieuwe-versie-naam" />
    </Formulier>
  );
}

/** Replaces item i of a list. */
export const vervang = <T,>(lijst: readonly T[], i: number, nieuw: T): T[] => lijst.map((x, k) => (k === i ? nieuw : x));
export const zonder = <T,>(lijst: readonly T[], i: number): T[] => lijst.filter((_, k) => k !== i);

/** A fieldset with its legend (for one goal, activity, value…). */
export function Groep({ legenda, children }: { legenda: string; children: ReactNode }) {
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset loket-groep">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legenda}</legend>
      {children}
    </fieldset>
  );
}

