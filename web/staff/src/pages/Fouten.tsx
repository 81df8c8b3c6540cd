import type { SessieGemeente } from '../api.ts';
import { Pagina } from '../components/Pagina.tsx';
import { useTaal } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';

export function NietGevonden() {
  const { t } = useTaal();
  return (
    <Pagina titel={t('fouten.nietGevondenTitel')}>
      <p className="utrecht-paragraph">{t('fouten.nietGevonden')}</p>
      <p className="utrecht-paragraph">
        <Link naar="/">{t('fouten.naarStart')}</Link>
      </p>
    </Pagina>
  );
}

export function GeenToegang({ gemeente }: { gemeente: SessieGemeente }) {
  const { t } = useTaal();
  return (
    <Pagina titel={t('fouten.geenToegangTitel')}>
      <p className="utrecht-paragraph">{t('fouten.geenToegang', { gemeente: gemeente.naam })}</p>
      <p className="utrecht-paragraph">
        <Link naar={`/${gemeente.code}`}>{t('fouten.naarStart')}</Link>
      </p>
    </Pagina>
  );
}

export function GeenGemeente() {
  const { t } = useTaal();
  return (
    <Pagina titel={t('fouten.geenGemeenteTitel')}>
      <p className="utrecht-paragraph">{t('fouten.geenGemeente')}</p>
    </Pagina>
  );
}
