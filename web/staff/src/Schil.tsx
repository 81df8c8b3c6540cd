import { Fragment, useState, type FormEvent, type ReactNode } from 'react';
import { api, type Sessie, type SessieGemeente } from './api.ts';
import { FoutSamenvatting, Knop, useVerzenden } from './components/Formulier.tsx';
import { Opmaak } from './components/Opmaak.tsx';
import { GemeenteNaam } from './components/Pagina.tsx';
import { useTaal } from './i18n/i18n.tsx';
import { GeenGemeente, GeenToegang, NietGevonden } from './pages/Fouten.tsx';
import { Start } from './pages/Start.tsx';
import { Link, navigeer, useLocatie } from './router.tsx';
import { SECTIES, magIn, type Sectie } from './secties.tsx';

/** Switches gemeente with a button (a select alone must not change the page: WCAG 3.2.2). */
function GemeenteKiezer({ gemeenten, huidig, sectie }: { gemeenten: SessieGemeente[]; huidig: SessieGemeente | undefined; sectie: Sectie | undefined }) {
  const { t } = useTaal();
  const [keuze, setKeuze] = useState(huidig?.code ?? gemeenten[0]?.code ?? '');
  if (gemeenten.length === 1) return <p className="loket-header__gebruiker">{t('kop.gemeenteVast', { gemeente: gemeenten[0]?.naam })}</p>;
  function wissel(event: FormEvent) {
    event.preventDefault();
    const nieuw = gemeenten.find((g) => g.code === keuze);
    if (!nieuw) return;
    navigeer(sectie && magIn(nieuw, sectie) ? `/${nieuw.code}/${sectie.pad}` : `/${nieuw.code}`);
  }
  return (
    <form className="loket-inline-form" onSubmit={wissel}>
      <div>
        <label className="utrecht-form-label" htmlFor="gemeente-keuze">
          {t('kop.gemeente')}
        </label>
        <select id="gemeente-keuze" className="utrecht-select utrecht-select--html-select" value={keuze} onChange={(e) => setKeuze(e.target.value)}>
          {gemeenten.map((g) => (
            <option key={g.code} value={g.code}>
              {g.naam}
            </option>
          ))}
        </select>
      </div>
      <Knop soort="secondary-action" type="submit">
        {t('kop.wissel')}
      </Knop>
    </form>
  );
}

/** The logged-in app: header with user, gemeente switcher and logout; navigation per role; the current view. */
export function Schil({ sessie, onUitgelogd }: { sessie: Sessie; onUitgelogd(melding: string): void }) {
  const { t } = useTaal();
  const { segmenten, zoek, sleutel } = useLocatie();
  const [code, sectiePad, id, ...meer] = segmenten;
  const gemeente = sessie.gemeenten.find((g) => g.code === code);
  const sectie = SECTIES.find((s) => s.pad === sectiePad);
  const { fout, bezig, verzend } = useVerzenden();

  function uitloggen(overal: boolean) {
    void verzend(async () => {
      await api.delete(overal ? '/sessies' : '/sessie');
      onUitgelogd(overal ? t('kop.overalUitgelogd') : t('kop.uitgelogd'));
    });
  }

  let inhoud: ReactNode;
  if (!gemeente) inhoud = sessie.gemeenten.length === 0 ? <GeenGemeente /> : <NietGevonden />;
  else if (!sectiePad) inhoud = <Start sessie={sessie} gemeente={gemeente} />;
  else if (!sectie || (meer.length > 0 && !sectie.diep)) inhoud = <NietGevonden />;
  else if (!magIn(gemeente, sectie)) inhoud = <GeenToegang gemeente={gemeente} />;
  else inhoud = sectie.weergave({ gemeente, id, zoek, verder: meer }) ?? <NietGevonden />;

  const acties = (
    <>
      <p className="loket-header__gebruiker">{t('kop.ingelogdAls', { naam: sessie.gebruiker.naam })}</p>
      <GemeenteKiezer key={gemeente?.code} gemeenten={sessie.gemeenten} huidig={gemeente} sectie={sectie} />
      <Knop soort="secondary-action" bezig={bezig} onClick={() => uitloggen(false)}>
        {t('kop.uitloggen')}
      </Knop>
      <Knop soort="subtle" bezig={bezig} onClick={() => uitloggen(true)}>
        {t('kop.overalUitloggen')}
      </Knop>
    </>
  );

  const nav = gemeente && (
    <nav className="loket-nav" aria-label={t('nav.label')}>
      <ul className="utrecht-nav-list">
        <li className="utrecht-nav-list__item">
          <Link naar={`/${gemeente.code}`} className="utrecht-nav-list__link utrecht-link" aria-current={sectiePad ? undefined : 'page'}>
            {t('nav.start')}
          </Link>
        </li>
        {SECTIES.filter((s) => magIn(gemeente, s)).map((s) => (
          <li key={s.pad} className="utrecht-nav-list__item">
            <Link
              naar={`/${gemeente.code}/${s.pad}`}
              className="utrecht-nav-list__link utrecht-link"
              aria-current={s.pad === sectiePad ? (id ? 'true' : 'page') : undefined}
            >
              {t(s.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );

  return (
    <GemeenteNaam value={gemeente?.naam}>
      <Opmaak acties={acties} nav={nav}>
        <FoutSamenvatting fout={fout} />
        <Fragment key={sleutel}>{inhoud}</Fragment>
      </Opmaak>
    </GemeenteNaam>
  );
}
