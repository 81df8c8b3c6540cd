import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { api, gemeentePad, type MeldingCategorie, type MeldingPartner, type SessieGemeente } from '../../api.ts';
import { Bevestigen } from '../../components/Bevestigen.tsx';
import { Formulier, KNOP_LINK, Keuzes, Knop, Veld, useFormulier } from '../../components/Formulier.tsx';
import { Melding, Statusmelding } from '../../components/Melding.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Tabel } from '../../components/Tabel.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { Link, navigeer } from '../../router.tsx';
import { tijdstip } from '../../tijd.ts';

type PartnerDetail = MeldingPartner & { categorieen: { code: string; naam: { nl: string; en: string } }[] };
interface PartnerGebruiker {
  id: string;
  naam: string;
  email: string;
}

/** The external partners of meldingen: who they are, who works for them, which categories go to them. */
export function Partners({ gemeente }: { gemeente: SessieGemeente }) {
  const { t } = useTaal();
  const { data, fout } = useLaden<{ items: MeldingPartner[] }>(`${gemeentePad(gemeente.code)}/melding-partners`);
  return (
    <Pagina titel={t('partners.titel')}>
      <p className="utrecht-paragraph">{t('partners.uitleg')}</p>
      <p className="utrecht-paragraph">
        <Link naar={`/${gemeente.code}/melding-partners/nieuw`} className={KNOP_LINK}>
          {t('partners.nieuw')}
        </Link>
      </p>
      {!data ? (
        <Laadstatus fout={fout} />
      ) : (
        <Tabel
          bijschrift={t('partners.titel')}
          leeg={t('partners.geen')}
          rijen={data.items}
          kolommen={[
            { kop: t('veld.naam'), render: (p) => <Link naar={`/${gemeente.code}/melding-partners/${p.id}`}>{p.naam}</Link> },
            { kop: t('veld.email'), render: (p) => p.email ?? '' },
            { kop: t('partners.leden'), render: (p) => p.leden.map((l) => l.naam).join(', ') || t('geen') },
          ]}
        />
      )}
    </Pagina>
  );
}

function PartnerFormulier({ gemeente, partner }: { gemeente: SessieGemeente; partner: PartnerDetail | undefined }) {
  const { t, taal } = useTaal();
  const basis = gemeentePad(gemeente.code);
  const gebruikers = useLaden<{ items: PartnerGebruiker[] }>(`${basis}/melding-partner-gebruikers`);
  const categorieen = useLaden<{ items: MeldingCategorie[] }>(`${basis}/melding-categorieen`);
  const formulier = useFormulier(() => ({
    naam: partner?.naam ?? '',
    email: partner?.email ?? '',
    leden: partner?.leden.map((l) => l.id) ?? [],
    categorieen: partner?.categorieen.map((c) => c.code) ?? [],
  }));
  const [opgeslagen, setOpgeslagen] = useState<string>();
  const melding = useRef<HTMLDivElement>(null);
  const subs = (categorieen.data?.items ?? []).filter((c) => c.status === 'gepubliceerd' && c.hoofdcategorie !== null);

  async function bewaar() {
    const { naam, email, leden, categorieen: gekozen } = formulier.waarden;
    const body = { naam, email: email.trim() || null, leden, categorieen: gekozen };
    if (partner) {
      await api.put(`${basis}/melding-partners/${partner.id}`, { body });
      flushSync(() => setOpgeslagen(t('partners.opgeslagen', { naam })));
      melding.current?.focus();
    } else {
      const { data } = await api.post<MeldingPartner>(`${basis}/melding-partners`, { body: { naam: body.naam, email: body.email, leden } });
      // The categories go with the second step: each change is a new version of the category.
      if (gekozen.length > 0) await api.put(`${basis}/melding-partners/${data.id}`, { body });
      navigeer(`/${gemeente.code}/melding-partners`, { melding: t('partners.gemaakt', { naam }) });
    }
  }

  return (
    <>
      <div ref={melding} tabIndex={-1}>
        <Statusmelding tekst={opgeslagen} />
      </div>
      <Formulier formulier={formulier} onVerstuur={bewaar} knop={partner ? t('opslaan') : t('partners.aanmaken')}>
        <Veld label={t('veld.naam')} required autoComplete="off" {...formulier.tekst('naam')} />
        <Veld label={t('veld.email')} uitleg={t('partners.emailUitleg')} type="email" autoComplete="off" {...formulier.tekst('email')} />
        {gebruikers.data ? (
          <Keuzes
            legenda={t('partners.leden')}
            uitleg={gebruikers.data.items.length === 0 ? t('partners.geenGebruikers') : t('partners.ledenUitleg')}
            opties={gebruikers.data.items.map((g) => ({ waarde: g.id, label: `${g.naam} (${g.email})` }))}
            {...formulier.keuzes('leden')}
          />
        ) : (
          <Laadstatus fout={gebruikers.fout} />
        )}
        {categorieen.data ? (
          <Keuzes legenda={t('partners.categorieen')} uitleg={t('partners.categorieenUitleg')} opties={subs.map((c) => ({ waarde: c.code, label: c.naam[taal] }))} {...formulier.keuzes('categorieen')} />
        ) : (
          <Laadstatus fout={categorieen.fout} />
        )}
      </Formulier>
    </>
  );
}

export function PartnerBewerken({ gemeente, id }: { gemeente: SessieGemeente; id: string }) {
  const { t } = useTaal();
  const terug = { naar: `/${gemeente.code}/melding-partners`, tekst: t('partners.terug') };
  const nieuw = id === 'nieuw';
  const { data, fout } = useLaden<PartnerDetail>(nieuw ? `${gemeentePad(gemeente.code)}/melding-partners` : `${gemeentePad(gemeente.code)}/melding-partners/${id}`);
  if (nieuw) {
    return (
      <Pagina titel={t('partners.nieuw')} terug={terug}>
        <PartnerFormulier gemeente={gemeente} partner={undefined} />
      </Pagina>
    );
  }
  return (
    <Pagina titel={data ? t('partners.bewerken', { naam: data.naam }) : t('partners.titel')} terug={terug}>
      {data ? <PartnerFormulier gemeente={gemeente} partner={data} /> : <Laadstatus fout={fout} />}
    </Pagina>
  );
}

interface Sleutel {
  id: string;
  naam: string;
  verlooptOp: string | null;
  ingetrokkenOp: string | null;
  aangemaaktOp: string;
}

/** The gemeente's Open311 clients (e.g. FixMyStreet) and their API keys: made (shown once), revoked. */
export function Open311Sleutels({ gemeente }: { gemeente: SessieGemeente }) {
  const { t, taal } = useTaal();
  const pad = `${gemeentePad(gemeente.code)}/open311-sleutels`;
  const lijst = useLaden<{ items: Sleutel[] }>(pad);
  const formulier = useFormulier(() => ({ naam: '', verlooptOp: '' }));
  const [nieuw, setNieuw] = useState<Sleutel & { sleutel: string }>();
  const [status, setStatus] = useState<string>();
  const [gekopieerd, setGekopieerd] = useState(false);
  const melding = useRef<HTMLDivElement>(null);
  const sleutelKop = useRef<HTMLHeadingElement>(null);
  const [nu] = useState(Date.now);

  async function maak() {
    const { naam, verlooptOp } = formulier.waarden;
    // Valid until the end of the chosen day, in the staff member's own time zone; empty: no expiry.
    const { data } = await api.post<Sleutel & { sleutel: string }>(pad, { body: { naam, verlooptOp: verlooptOp ? new Date(`${verlooptOp}T23:59:59`).toISOString() : null } });
    flushSync(() => {
      setNieuw(data);
      setGekopieerd(false);
    });
    formulier.zet('naam', '');
    formulier.zet('verlooptOp', '');
    sleutelKop.current?.focus();
    lijst.herlaad();
  }

  const stand = (s: Sleutel) =>
    s.ingetrokkenOp ? t('open311.ingetrokken', { datum: tijdstip(s.ingetrokkenOp, taal) }) : s.verlooptOp && Date.parse(s.verlooptOp) < nu ? t('open311.verlopen') : t('open311.geldig');

  return (
    <Pagina titel={t('open311.titel')}>
      <p className="utrecht-paragraph">{t('open311.uitleg')}</p>
      {nieuw && (
        <section className="loket-sectie" aria-labelledby="sleutel-kop">
          <h2 id="sleutel-kop" className="utrecht-heading-2" tabIndex={-1} ref={sleutelKop}>
            {t('open311.gemaakt', { naam: nieuw.naam })}
          </h2>
          <Melding soort="warning" rol="none">
            <p className="utrecht-paragraph">{t('open311.eenKeer')}</p>
          </Melding>
          <p className="utrecht-paragraph" id="sleutel-label">
            {t('open311.deSleutel')}
          </p>
          <code className="loket-token" aria-labelledby="sleutel-label" data-testid="open311-sleutel">
            {nieuw.sleutel}
          </code>
          <div className="utrecht-button-group loket-sectie">
            <Knop soort="secondary-action" onClick={() => void navigator.clipboard.writeText(nieuw.sleutel).then(() => setGekopieerd(true))}>
              {t('apiTokens.kopieer')}
            </Knop>
            <output>{gekopieerd ? t('apiTokens.gekopieerd') : ''}</output>
          </div>
        </section>
      )}
      <div ref={melding} tabIndex={-1}>
        <Statusmelding tekst={status} />
      </div>
      {!lijst.data ? (
        <Laadstatus fout={lijst.fout} />
      ) : (
        <Tabel
          bijschrift={t('open311.lijst')}
          leeg={t('open311.geen')}
          rijen={lijst.data.items}
          kolommen={[
            { kop: t('veld.naam'), render: (s) => s.naam },
            { kop: t('open311.verlooptOp'), render: (s) => (s.verlooptOp ? tijdstip(s.verlooptOp, taal) : t('open311.verlooptNiet')) },
            { kop: t('veld.status'), render: stand },
            {
              kop: t('veld.actie'),
              render: (s) =>
                s.ingetrokkenOp ? null : (
                  <Bevestigen
                    knop={t('open311.intrekken')}
                    knopLabel={t('open311.intrekkenVan', { naam: s.naam })}
                    ja={t('open311.jaIntrekken', { naam: s.naam })}
                    onBevestig={async () => {
                      await api.delete(`${pad}/${s.id}`);
                      flushSync(() => setStatus(t('open311.isIngetrokken', { naam: s.naam })));
                      melding.current?.focus();
                      lijst.herlaad();
                    }}
                  />
                ),
            },
          ]}
        />
      )}
      <section className="loket-sectie" aria-labelledby="open311-nieuw">
        <h2 id="open311-nieuw" className="utrecht-heading-2">
          {t('open311.nieuw')}
        </h2>
        <Formulier formulier={formulier} onVerstuur={maak} knop={t('open311.aanmaken')}>
          <Veld label={t('open311.naam')} uitleg={t('open311.naamUitleg')} required autoComplete="off" {...formulier.tekst('naam')} />
          <Veld label={t('open311.verlooptOp')} uitleg={t('open311.verlooptUitleg')} type="date" {...formulier.tekst('verlooptOp')} />
        </Formulier>
      </section>
    </Pagina>
  );
}
