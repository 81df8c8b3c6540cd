import QRCode from 'qrcode';
import { datumTekst, vertaler, type Taal } from '../../i18n/i18n.ts';
import { toegankelijkePdf } from '../../pdf.ts';
import type { Gemeente } from '../gemeenten/gemeenten.repository.ts';
import { gemeenteThemaSchema } from '../portaal/portaal.schemas.ts';
import { SJABLONEN, type BriefInhoud, type GegevensVan, type Sjabloon, type SjabloonNaam } from './brieven.sjablonen.ts';

/** The sender block of a gemeente's letters, from its record and theme (no logo: text only). */
export interface Afzender {
  /** The header line, the theme's logoTekst or "Gemeente Diemen". */
  kop: string;
  naam: string;
  regels: string[];
}

export function afzenderVan(gemeente: Pick<Gemeente, 'naam' | 'thema'>, taal: Taal): Afzender {
  const t = vertaler(taal, 'brieven');
  const gelezen = gemeenteThemaSchema.safeParse(gemeente.thema);
  // A theme that does not validate is left out, as on the portal (portaal/thema.ts): name only.
  const thema = gelezen.success ? gelezen.data : {};
  const naam = vertaler(taal, 'portaal')('algemeen.gemeenteNaam', { naam: gemeente.naam });
  const regels = [
    ...(thema.postadres ? [thema.postadres] : []),
    ...(thema.telefoon ? [`${t('algemeen.telefoon')} ${thema.telefoon}`] : []),
    ...(thema.website ? [`${t('algemeen.website')} ${thema.website.replace(/^https:\/\//, '').replace(/\/$/, '')}`] : []),
  ];
  return { kop: thema.logoTekst ?? naam, naam, regels };
}

/** A gemeente's own wording of a letter (ADR 0071); null: the default (nothing added, signed with the gemeente's name). */
export interface BriefWoorden {
  /** A first paragraph under the salutation. */
  inleiding: string | null;
  /** A paragraph above the closing: how to reach the gemeente. */
  contact: string | null;
  /** Who signs, above the gemeente's name. */
  ondertekening: string | null;
}

export interface BriefOpdracht<S extends SjabloonNaam> {
  gemeente: Pick<Gemeente, 'naam' | 'thema'>;
  taal: Taal;
  sjabloon: S;
  gegevens: GegevensVan<S>;
  /** The letter's date (YYYY-MM-DD), from the caller's clock. */
  datum: string;
  /** The gemeente's own wording (briefWoorden); without it the default. */
  woorden?: BriefWoorden | undefined;
}

/**
 * A letter as a tagged PDF (PDF/UA, ADR 0050): the gemeente's sender block, the date and
 * references, a heading, the template's paragraphs in B1, and for a link the full address and
 * a QR code (a Figure with the link as its alternative text). One A4 page for the templates we
 * have; pdfkit adds pages when a text is longer.
 */
export async function maakBrief<S extends SjabloonNaam>(o: BriefOpdracht<S>): Promise<Buffer> {
  // Each template checks its own data (zod) before it reads it.
  const sjabloon = SJABLONEN[o.sjabloon] as Sjabloon<unknown>;
  return tekenBrief(o, sjabloon.inhoud(vertaler(o.taal, 'brieven'), sjabloon.gegevens.parse(o.gegevens)));
}

/**
 * Draws a letter whose content another module made (its own templates and texts, e.g. the
 * klachten letters, ADR 0060) in the same layout: sender block, date, references, heading,
 * salutation, blocks, closing.
 */
export async function tekenBrief(o: Pick<BriefOpdracht<SjabloonNaam>, 'gemeente' | 'taal' | 'datum' | 'woorden'>, inhoud: BriefInhoud): Promise<Buffer> {
  const t = vertaler(o.taal, 'brieven');
  const afzender = afzenderVan(o.gemeente, o.taal);
  const qrCodes = new Map<string, Buffer>();
  for (const blok of inhoud.blokken) {
    if (blok.soort === 'link') qrCodes.set(blok.url, await QRCode.toBuffer(blok.url, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 8 }));
  }

  const { doc, root, tekst, klaar } = toegankelijkePdf({ taal: o.taal, titel: inhoud.titel, auteur: afzender.naam, onderwerp: inhoud.titel, marge: 64 });
  tekst(afzender.kop, 'P', 16, true);
  if (afzender.regels.length) tekst(afzender.regels.join('\n'), 'P', 10);
  doc.moveDown(1.5);
  tekst([`${t('algemeen.datum')}: ${datumTekst(o.taal, o.datum)}`, ...inhoud.kenmerken.map((k) => `${k.label}: ${k.waarde}`)].join('\n'), 'P', 10);
  doc.moveDown(1);
  tekst(inhoud.titel, 'H1', 18, true);
  tekst(inhoud.naam ? t('algemeen.aanhef', { naam: inhoud.naam }) : t('algemeen.aanhefZonderNaam'), 'P', 11);
  if (o.woorden?.inleiding) tekst(o.woorden.inleiding, 'P', 11);
  for (const blok of inhoud.blokken) {
    if (blok.soort === 'alinea') {
      tekst(blok.tekst, 'P', 11);
      continue;
    }
    if (blok.soort === 'antwoord') {
      tekst(blok.vraag, 'H2', 11, true);
      tekst(blok.antwoord, 'P', 11);
      continue;
    }
    tekst(blok.inleiding, 'P', 11);
    tekst(blok.url, 'P', 11, true);
    const png = qrCodes.get(blok.url);
    if (png) {
      root.add(doc.struct('Figure', { alt: t('algemeen.qrAlt', { link: blok.url }) }, () => doc.image(png, { width: 120 })));
      doc.moveDown(0.5);
    }
    tekst(blok.uitleg, 'P', 11);
  }
  if (o.woorden?.contact) tekst(o.woorden.contact, 'P', 11);
  doc.moveDown(0.5);
  tekst([t('algemeen.groet'), ...(o.woorden?.ondertekening ? [o.woorden.ondertekening] : []), afzender.naam].join('\n'), 'P', 11);
  return klaar();
}
