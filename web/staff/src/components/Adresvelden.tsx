import type { ApiError } from '../api.ts';
import { useTaal } from '../i18n/i18n.tsx';
import { Veld } from './Formulier.tsx';

/**
 * A house number as typed (`12`, `12a`, `12 A`, `12-2`): the number and the toevoeging apart, as
 * the API takes them; the API checks and normalises both (ADR 0083). Not a number: sent as it is,
 * so the API's error says what is wrong.
 */
export function huisnummerDelen(tekst: string): { huisnummer: string; huisnummerToevoeging?: string } {
  const m = /^\s*(\d+)\s*-?\s*(.*?)\s*$/.exec(tekst);
  if (!m) return { huisnummer: tekst.trim() };
  return { huisnummer: m[1] ?? '', ...(m[2] ? { huisnummerToevoeging: m[2] } : {}) };
}

/** The `adres` of a request body from the two fields; nothing when both are empty (the address is optional). */
export function adresInBody(postcode: string, huisnummer: string): { adres?: { postcode: string; huisnummer: string; huisnummerToevoeging?: string } } {
  return postcode.trim() || huisnummer.trim() ? { adres: { postcode, ...huisnummerDelen(huisnummer) } } : {};
}

/** The ids of the two fields for the error summary: each error of the address at `pad` links to its field. */
export function adresFoutVelden(pad: string, id: string): Record<string, string> {
  return {
    [pad]: `${id}-postcode`,
    [`${pad}.postcode`]: `${id}-postcode`,
    [`${pad}.huisnummer`]: `${id}-huisnummer`,
    [`${pad}.huisnummerToevoeging`]: `${id}-huisnummer`,
  };
}

interface AdresveldenProps {
  /** The fields are `{id}-postcode` and `{id}-huisnummer`. */
  id: string;
  /** Where the API has the address in the body, e.g. `betrokkene.adres`: its errors show at the fields. */
  pad: string;
  postcode: string;
  huisnummer: string;
  onPostcode(waarde: string): void;
  onHuisnummer(waarde: string): void;
  fout: ApiError | null | undefined;
}

/**
 * The resident's own address, optional: postcode, and house number with its toevoeging in one
 * field as people say it. Only so the KCC finds their zaken by it later (ADR 0083).
 */
export function Adresvelden({ id, pad, postcode, huisnummer, onPostcode, onHuisnummer, fout }: AdresveldenProps) {
  const { t } = useTaal();
  return (
    <>
      <Veld
        id={`${id}-postcode`}
        label={t('adresvelden.postcode')}
        uitleg={t('adresvelden.uitleg')}
        autoComplete="off"
        value={postcode}
        onChange={(e) => onPostcode(e.target.value)}
        fout={fout?.veldPad(`${pad}.postcode`) ?? fout?.veldPad(pad)}
      />
      <Veld
        id={`${id}-huisnummer`}
        label={t('adresvelden.huisnummer')}
        autoComplete="off"
        value={huisnummer}
        onChange={(e) => onHuisnummer(e.target.value)}
        fout={fout?.veldPad(`${pad}.huisnummer`) ?? fout?.veldPad(`${pad}.huisnummerToevoeging`)}
      />
    </>
  );
}
