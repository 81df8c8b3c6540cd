import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { api, gemeentePad, type Pagina as PaginaVan, type SessieGemeente } from '../api.ts';
import { Bevestigen } from '../components/Bevestigen.tsx';
import { Formulier, Veld, useFormulier } from '../components/Formulier.tsx';
import { Statusmelding } from '../components/Melding.tsx';
import { Pagina } from '../components/Pagina.tsx';
import { Sectie } from '../components/Sectie.tsx';
import { Tabel } from '../components/Tabel.tsx';
import { useTaal } from '../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../laden.tsx';
import { Link, navigeer } from '../router.tsx';

interface Sluitingsdag {
  datum: string;
  naam: string;
}

const opmaak = new Map<string, Intl.DateTimeFormat>();

/** A calendar day (YYYY-MM-DD) written out, e.g. "maandag 28 december 2026". */
function dagTekst(datum: string, taal: string): string {
  let format = opmaak.get(taal);
  if (!format) {
    format = new Intl.DateTimeFormat(taal === 'en' ? 'en-GB' : 'nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    opmaak.set(taal, format);
  }
  return format.format(new Date(`${datum}T00:00:00Z`));
}

function ditJaar(): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date()));
}

/** The year in the URL (?jaar=), or this year. */
function gekozenJaar(zoek: URLSearchParams): number {
  const jaar = Number(zoek.get('jaar'));
  return Number.isInteger(jaar) && jaar >= 1900 && jaar <= 2999 ? jaar : ditJaar();
}

/** The gemeente's closure days per year: service norms in werkdagen skip them. Beheerders add and remove them. */
export function Sluitingsdagen({ gemeente, zoek }: { gemeente: SessieGemeente; zoek: URLSearchParams }) {
  const { t, taal } = useTaal();
  const jaar = gekozenJaar(zoek);
  const basis = `/${gemeente.code}/sluitingsdagen`;
  const apiPad = `${gemeentePad(gemeente.code)}/sluitingsdagen`;
  const { data, fout, herlaad } = useLaden<PaginaVan<Sluitingsdag>>(`${apiPad}?jaar=${jaar}&pageSize=100`);
  const [melding, setMelding] = useState<string>();
  const meldingVak = useRef<HTMLDivElement>(null);
  const formulier = useFormulier({ datum: '', naam: '' });

  function meld(tekst: string) {
    flushSync(() => setMelding(tekst));
    meldingVak.current?.focus();
  }

  async function voegToe() {
    const { data: dag } = await api.post<Sluitingsdag>(apiPad, { body: formulier.waarden });
    formulier.zet('datum', '');
    formulier.zet('naam', '');
    const dagJaar = Number(dag.datum.slice(0, 4));
    if (dagJaar === jaar) herlaad();
    else navigeer(`${basis}?jaar=${dagJaar}`);
    meld(t('sluitingsdagen.toegevoegd', { datum: dagTekst(dag.datum, taal), naam: dag.naam }));
  }

  const rijen = (data?.items ?? []).map((dag) => ({ ...dag, id: dag.datum }));
  return (
    <Pagina titel={t('sluitingsdagen.titel')}>
      <p className="utrecht-paragraph">{t('sluitingsdagen.uitleg')}</p>
      <nav className="loket-paginering" aria-label={t('sluitingsdagen.jaarKiezen')}>
        <Link naar={`${basis}?jaar=${jaar - 1}`} aria-label={t('sluitingsdagen.naarJaar', { jaar: jaar - 1 })}>
          ← {jaar - 1}
        </Link>
        <span>{t('sluitingsdagen.jaar', { jaar })}</span>
        <Link naar={`${basis}?jaar=${jaar + 1}`} aria-label={t('sluitingsdagen.naarJaar', { jaar: jaar + 1 })}>
          {jaar + 1} →
        </Link>
      </nav>
      <div ref={meldingVak} tabIndex={-1}>
        <Statusmelding tekst={melding} />
      </div>
      {data ? (
        <Tabel
          bijschrift={t('sluitingsdagen.bijschrift', { gemeente: gemeente.naam, jaar })}
          leeg={t('sluitingsdagen.leeg', { jaar })}
          rijen={rijen}
          kolommen={[
            { kop: t('sluitingsdagen.datum'), render: (dag) => dagTekst(dag.datum, taal) },
            { kop: t('veld.naam'), render: (dag) => dag.naam },
            {
              kop: t('veld.actie'),
              render: (dag) => (
                <Bevestigen
                  knop={t('sluitingsdagen.verwijderen')}
                  knopLabel={t('sluitingsdagen.verwijderenVan', { datum: dagTekst(dag.datum, taal) })}
                  ja={t('sluitingsdagen.jaVerwijderen', { datum: dagTekst(dag.datum, taal) })}
                  onBevestig={async () => {
                    await api.delete(`${apiPad}/${dag.datum}`);
                    meld(t('sluitingsdagen.verwijderd', { datum: dagTekst(dag.datum, taal), naam: dag.naam }));
                    herlaad();
                  }}
                />
              ),
            },
          ]}
        />
      ) : (
        <Laadstatus fout={fout} />
      )}
      <Sectie titel={t('sluitingsdagen.toevoegenTitel')}>
        <Formulier formulier={formulier} onVerstuur={voegToe} knop={t('sluitingsdagen.toevoegen')}>
          <Veld label={t('sluitingsdagen.datum')} uitleg={t('sluitingsdagen.datumUitleg')} type="date" required {...formulier.tekst('datum')} />
          <Veld label={t('veld.naam')} uitleg={t('sluitingsdagen.naamUitleg')} autoComplete="off" required {...formulier.tekst('naam')} />
        </Formulier>
      </Sectie>
    </Pagina>
  );
}
