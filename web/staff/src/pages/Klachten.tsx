import { gemeentePad, type KlachtenWachtrij, type SessieGemeente } from '../api.ts';
import { KNOP_LINK } from '../components/Formulier.tsx';
import { Pagina } from '../components/Pagina.tsx';
import { Tabel } from '../components/Tabel.tsx';
import { useTaal } from '../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../laden.tsx';
import { Link } from '../router.tsx';
import { datum } from './zaken/teksten.tsx';

type Rij = KlachtenWachtrij['items'][number] & { id: string };

/** The klachtcoördinator's queue (ADR 0060): open klachten by end of term, what needs attention, every term with its explanation. */
export function Klachten({ gemeente }: { gemeente: SessieGemeente }) {
  const { t, taal } = useTaal();
  const { data, fout } = useLaden<KlachtenWachtrij>(`${gemeentePad(gemeente.code)}/klachten`);
  const rijen: Rij[] = (data?.items ?? []).map((k) => ({ ...k, id: k.zaakId }));
  return (
    <Pagina titel={t('klachten.titel')}>
      <p className="utrecht-paragraph">{t('klachten.uitleg')}</p>
      <p className="utrecht-paragraph">
        <Link naar={`/${gemeente.code}/klachten/nieuw`} className={KNOP_LINK}>
          {t('klachtNieuw.nieuw')}
        </Link>
      </p>
      {data ? (
        <>
          <p className="utrecht-paragraph">
            {t('klachten.totaal', { dezeWeek: rijen.filter((r) => r.dezeWeek).length, hoorzittingen: rijen.filter((r) => r.hoorzittingGepland).length, risico: rijen.filter((r) => r.risico).length })}
          </p>
          <Tabel<Rij>
            bijschrift={t('klachten.bijschrift', { gemeente: gemeente.naam })}
            leeg={t('klachten.leeg')}
            rijen={rijen}
            kolommen={[
              { kop: t('klachten.zaak'), render: (r) => <Link naar={`/${gemeente.code}/zaken/${r.zaakId}`}>{r.identificatie}</Link> },
              { kop: t('klachten.team'), render: (r) => r.teamNaam },
              { kop: t('klachten.einde'), render: (r) => datum(r.afhandeltermijnEinde, taal) },
              { kop: t('klachten.over'), render: (r) => String(r.werkdagenOver) },
              {
                kop: t('klachten.let'),
                render: (r) => (
                  <ul className="utrecht-unordered-list">
                    {r.werkdagenOver < 0 ? <li className="utrecht-unordered-list__item">{t('klachten.teLaat')}</li> : r.risico ? <li className="utrecht-unordered-list__item">{t('klachten.risico')}</li> : null}
                    {r.dezeWeek ? <li className="utrecht-unordered-list__item">{t('klachten.dezeWeek')}</li> : null}
                    {r.hoorzittingGepland ? <li className="utrecht-unordered-list__item">{t('klachten.hoorzitting')}</li> : null}
                    {r.contactTeLaat ? <li className="utrecht-unordered-list__item">{t('klachten.contact')}</li> : null}
                    {r.nietBehandelenTermijnLoopt ? <li className="utrecht-unordered-list__item">{t('klachten.nietBehandelen', { datum: datum(r.nietBehandelenUiterlijk, taal) })}</li> : null}
                  </ul>
                ),
              },
              {
                kop: t('klachten.termijnen'),
                render: (r) => (
                  <details>
                    <summary>{t('klachten.uitlegTonen')}</summary>
                    {r.uitleg.map((u) => (
                      <p key={u.termijn} className="utrecht-paragraph" lang="nl">
                        {u.artikel}: {u.tekst}
                      </p>
                    ))}
                  </details>
                ),
              },
            ]}
          />
        </>
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}
