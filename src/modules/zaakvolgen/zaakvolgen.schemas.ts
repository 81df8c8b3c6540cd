import { z } from 'zod';

/** The longest reply a resident can send through the tracking page. */
export const MAX_REACTIE = 2000;

/** The form body as the browser sends it (application/x-www-form-urlencoded), before the checks. */
export const reactieFormulierSchema = z.object({
  tekst: z.string().default(''),
  formulier: z.string().default(''),
});

/** The form that turns the mail at each new step off (`nee`) or on again (`ja`), ADR 0070. */
export const berichtenFormulierSchema = z.object({
  tussentijds: z.enum(['ja', 'nee']),
  formulier: z.string(),
});

/** `tekens`: the text holds a character Loket refuses (ADR 0020), found at the edge. */
export type ReactieFout = 'leeg' | 'teLang' | 'verlopen' | 'tekens';

/** The reply text, with line ends made plain; or why it cannot be sent. */
export function controleerReactie(tekst: string): { tekst: string } | { fout: ReactieFout; lengte: number } {
  const schoon = tekst.replace(/\r\n?/g, '\n').trim();
  if (schoon === '') return { fout: 'leeg', lengte: 0 };
  const lengte = [...schoon].length;
  if (lengte > MAX_REACTIE) return { fout: 'teLang', lengte };
  return { tekst: schoon };
}

/** The path parameters of the tracking page. */
export const volgParamsSchema = z.object({ slug: z.string(), code: z.string() });
