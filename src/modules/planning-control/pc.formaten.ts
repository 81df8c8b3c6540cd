import type { PcPaginaContext } from './pc.publiek.views.ts';
import type { PcProgramma } from './pc.service.ts';

/** The formats a stored chapter is written in: the public pages and `loket pc export` offer the same. */
export const PC_FORMATEN = ['json', 'csv', 'html', 'pdf'] as const;
export type PcFormaat = (typeof PC_FORMATEN)[number];

export const PC_MEDIATYPE: Record<PcFormaat, string> = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  pdf: 'application/pdf',
};

/**
 * One programme (or the programmes of one version) in a format: `json` is the chapter (a list of
 * chapters when given a list), `csv` one row per value of all of them, `html` the public page and
 * `pdf` the tagged PDF of exactly one programme, in the context's language and theme.
 */
export async function pcInFormaat(formaat: PcFormaat, keuze: PcProgramma | PcProgramma[], ctx: PcPaginaContext): Promise<string | Buffer> {
  const programmas = Array.isArray(keuze) ? keuze : [keuze];
  if (formaat === 'json') return `${JSON.stringify(Array.isArray(keuze) ? keuze.map((p) => p.hoofdstuk) : keuze.hoofdstuk, null, 2)}\n`;
  // Loaded when asked for: a command that writes JSON does not load pdfkit or the page templates.
  if (formaat === 'csv') return (await import('./pc.csv.ts')).naarCsv(programmas);
  const [p] = programmas;
  if (!p || programmas.length !== 1) throw new Error(`pcInFormaat: ${formaat} needs exactly one programme, not ${programmas.length}`);
  return formaat === 'pdf' ? (await import('./pc.pdf.ts')).naarPdf(p, ctx.taal, ctx.gemeente.naam) : (await import('./pc.publiek.views.ts')).hoofdstukPagina(ctx, p);
}
