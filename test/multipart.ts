/** A file of a multipart body in a test: the input's name, the file name, the declared type and the bytes. */
export interface TestBestand {
  veld: string;
  naam: string;
  type: string;
  inhoud: Buffer;
}

/** A multipart/form-data body as a browser sends it: text fields and files (for app.inject). */
export function multipartBody(velden: Record<string, string>, bestanden: readonly TestBestand[]) {
  const grens = '----loketgrens7MA4YWxkTrZu0gW';
  const delen: Buffer[] = [];
  for (const [k, v] of Object.entries(velden)) delen.push(Buffer.from(`--${grens}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const b of bestanden) delen.push(Buffer.from(`--${grens}\r\nContent-Disposition: form-data; name="${b.veld}"; filename="${b.naam}"\r\nContent-Type: ${b.type}\r\n\r\n`), b.inhoud, Buffer.from('\r\n'));
  delen.push(Buffer.from(`--${grens}--\r\n`));
  return { payload: Buffer.concat(delen), headers: { 'content-type': `multipart/form-data; boundary=${grens}`, accept: 'text/html' } };
}

/** A small valid PDF (one empty page), with its %%EOF. */
export const KLEINE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 100 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
