/**
 * Reading a received message (RFC 5322), pure: its identity and thread (Message-ID, In-Reply-To,
 * References), the sender, the subject, the text and the sanitised HTML, the attachments, and
 * the moment it was received by its headers (ADR 0046). No database, no clock of its own.
 */
import { createHash } from 'node:crypto';
import { simpleParser, type HeaderLines } from 'mailparser';
import sanitizeHtml from 'sanitize-html';
import { z } from 'zod';
import { schoneNaam } from '../../tekst.ts';

export interface Bijlage {
  bestandsnaam: string;
  /** The type the message declares (Content-Type of the part). */
  opgegevenType: string;
  inhoud: Buffer;
}

export interface GelezenBericht {
  /** `<…>` as in the header; without one, a Message-ID made from the message's SHA-256 (the same message gives the same one). */
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  van: { naam: string | null; adres: string | null };
  onderwerp: string;
  tekst: string;
  /** The HTML body after sanitize-html, or null when the message had no HTML. */
  html: string | null;
  bijlagen: Bijlage[];
  /** The time of the topmost Received: header, when it has a readable one. */
  received: Date | null;
  /** The Date: header, when there is a readable one. */
  datum: Date | null;
}

/**
 * What the sanitised HTML may keep: text structure, lists, tables, links (http, https, mailto);
 * no scripts, styles, event handlers, forms, frames or images (remote images track the reader,
 * `cid:`/`data:` images bloat the row; the attachments are the zaak's documents).
 */
const HTML_OPTIES: sanitizeHtml.IOptions = {
  allowedTags: sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'img'),
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }) },
};

export const saneerHtml = (html: string): string => sanitizeHtml(html, HTML_OPTIES);

/** The value of a raw header line (`Received: …` with its folding undone). */
const waardeVan = (regel: string): string => regel.replace(/\r?\n[ \t]+/g, ' ').replace(/^[^:]*:\s*/, '').trim();

/** An RFC 5322 date-time, its comments (`(CET)`) left out; null when it cannot be read. */
export function leesTijd(tekst: string): Date | null {
  const schoon = tekst.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  if (!/\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}/.test(schoon)) return null;
  const tijd = new Date(schoon);
  return Number.isNaN(tijd.getTime()) ? null : tijd;
}

/** The time of the topmost Received: header (after its last `;`), or null. */
function receivedTijd(regels: HeaderLines): Date | null {
  const bovenste = regels.find((r) => r.key === 'received');
  if (!bovenste) return null;
  const waarde = waardeVan(bovenste.line);
  const puntkomma = waarde.lastIndexOf(';');
  return puntkomma < 0 ? null : leesTijd(waarde.slice(puntkomma + 1));
}

const MESSAGE_ID = /<[^<>\s]{1,900}>/g;
const ids = (waarde: string | string[] | undefined): string[] => [...(Array.isArray(waarde) ? waarde.join(' ') : (waarde ?? '')).matchAll(MESSAGE_ID)].map((m) => m[0]);
const emailSchema = z.email();

/** Reads a raw message. Never throws on content: what cannot be read is left empty. */
export async function leesBericht(bron: Buffer): Promise<GelezenBericht> {
  const mail = await simpleParser(bron, { keepCidLinks: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
  const regels = mail.headerLines;
  const datumRegel = regels.find((r) => r.key === 'date');
  const afzender = mail.from?.value[0];
  const adres = afzender?.address?.trim().toLowerCase() ?? '';
  const messageId = ids(mail.messageId)[0] ?? `<${createHash('sha256').update(bron).digest('hex')}@loket.zonder-message-id>`;
  const html = typeof mail.html === 'string' ? saneerHtml(mail.html) : null;
  return {
    messageId,
    inReplyTo: ids(mail.inReplyTo)[0] ?? null,
    references: ids(mail.references),
    van: { naam: afzender?.name ? schoneNaam(afzender.name).slice(0, 200) || null : null, adres: emailSchema.safeParse(adres).success && adres.length <= 254 ? adres : null },
    onderwerp: schoneNaam(mail.subject ?? '').trim(),
    tekst: (mail.text ?? (html ? sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }) : '')).trim(),
    html,
    bijlagen: mail.attachments.map((a, i) => ({ bestandsnaam: a.filename ?? `bijlage-${i + 1}`, opgegevenType: a.contentType || 'application/octet-stream', inhoud: a.content })),
    received: receivedTijd(regels),
    datum: datumRegel ? leesTijd(waardeVan(datumRegel.line)) : null,
  };
}
