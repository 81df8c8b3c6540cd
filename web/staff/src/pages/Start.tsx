import type { Sessie, SessieGemeente } from '../api.ts';
import { Pagina } from '../components/Pagina.tsx';
import { useTaal } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { SECTIES, magIn } from '../secties.tsx';

/** The start page: which roles the staff member has in this gemeente, and where they can go. */
export function Start({ sessie, gemeente }: { sessie: Sessie; gemeente: SessieGemeente }) {
  const { t } = useTaal();
  const secties = SECTIES.filter((s) => magIn(gemeente, s));
  const anderen = sessie.gemeenten.filter((g) => g.code !== gemeente.code);
  return (
    <Pagina titel={t('start.titel', { naam: sessie.gebruiker.naam })}>
      <p className="utrecht-paragraph">{t('start.gemeente', { gemeente: gemeente.naam, count: gemeente.rollen.length })}</p>
      <ul className="utrecht-unordered-list">
        {gemeente.rollen.map((rol) => (
          <li key={rol} className="utrecht-unordered-list__item">
            <strong>{t(`rol.${rol}`)}</strong>: {t(`rolUitleg.${rol}`)}
          </li>
        ))}
      </ul>
      {secties.length > 0 ? (
        <>
          <h2 className="utrecht-heading-2">{t('start.beheer')}</h2>
          <ul className="utrecht-link-list utrecht-link-list--html-ul">
            {secties.map((s) => (
              <li key={s.pad} className="utrecht-link-list__item">
                <Link naar={`/${gemeente.code}/${s.pad}`} className="utrecht-link-list__link utrecht-link">
                  {t(s.label)}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="utrecht-paragraph">{t('start.geenBeheer')}</p>
      )}
      {anderen.length > 0 && <p className="utrecht-paragraph">{t('start.anderen', { gemeenten: anderen.map((g) => g.naam).join(', ') })}</p>}
    </Pagina>
  );
}
