import { API_BASIS, ApiError } from '../../api.ts';
import { FoutSamenvatting, Knop, useVerzenden } from '../../components/Formulier.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { downloadPdf } from '../kcc/pdf.ts';

/**
 * Downloads what an API path answers as CSV (`Accept: text/csv`, ADR 0082): a chart's series, a
 * breakdown's table, the zaken behind a value. `label` names what is downloaded (a button per table).
 */
export function CsvKnop({ pad, bestand, label }: { pad: string; bestand: string; label: string }) {
  const { taal } = useTaal();
  const csv = useVerzenden();
  async function download() {
    await csv.verzend(async () => {
      const antwoord = await fetch(API_BASIS + pad, { headers: { Accept: 'text/csv', 'Accept-Language': taal }, credentials: 'same-origin' });
      if (!antwoord.ok) throw new ApiError({ type: 'about:blank', title: antwoord.statusText, status: antwoord.status });
      downloadPdf(await antwoord.blob(), `${bestand}.csv`);
    });
  }
  return (
    <div className="loket-csv">
      <FoutSamenvatting fout={csv.fout} />
      <Knop soort="secondary-action" bezig={csv.bezig} onClick={() => void download()}>
        {label}
      </Knop>
    </div>
  );
}
