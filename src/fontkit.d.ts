/**
 * The part of `fontkit` (2.x, pdfkit's font engine, which ships no types) that src/pdf.ts uses:
 * parse a font file once, so every PDF can embed the same parsed font. Kept small on purpose.
 */
declare module 'fontkit' {
  export interface Font {
    readonly postscriptName: string;
  }
  export function create(data: Uint8Array, postscriptName?: string): Font;
}
