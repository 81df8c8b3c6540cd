/** Saves a file the API answered (e.g. a letter as PDF) under its name, as a download. */
export function downloadPdf(bestand: Blob, naam: string): void {
  const url = URL.createObjectURL(bestand);
  const link = document.createElement('a');
  link.href = url;
  link.download = naam;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
