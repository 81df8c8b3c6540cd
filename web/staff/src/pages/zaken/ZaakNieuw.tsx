import { useState } from 'react';
import { KANALEN, VERTROUWELIJKHEDEN, api, gemeentePad, type AangemaakteZaak, type SessieGemeente } from '../../api.ts';
import { Formulier, Veld, useFormulier } from '../../components/Formulier.tsx';
import { Adresvelden, adresFoutVelden, adresInBody } from '../../components/Adresvelden.tsx';
import { Gegevenslijst } from '../../components/Gegevenslijst.tsx';
import { Melding } from '../../components/Melding.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Keuzelijst, Tekstvak } from '../../components/Velden.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus } from '../../laden.tsx';
import { Link } from '../../router.tsx';
import { datum, useTeams } from './teksten.tsx';
import { useZaaktypen } from './Werkvoorraad.tsx';
import { dagInNederland } from '../../tijd.ts';

/** After registering: the zaak number and the tracking code/link, shown only this once. */
function Geregistreerd({ zaak, gemeente }: { zaak: AangemaakteZaak; gemeente: SessieGemeente }) {
  const { t, taal } = useTaal();
  return (
    <Pagina titel={t('zaakNieuw.geregistreerd', { zaak: zaak.identificatie })} focus>
      <Melding soort="warning" rol="none">
        <p className="utrecht-paragraph">{t('zaakNieuw.eenKeer')}</p>
      </Melding>
      <Gegevenslijst
        regels={[
          [t('zaak.identificatie'), zaak.identificatie],
          [t('zaak.uiterlijkeEinddatum'), datum(zaak.uiterlijkeEinddatum, taal)],
          [t('zaakNieuw.volgcode'), <code key="code" className="loket-token">{zaak.volgcode}</code>],
          [
            t('zaakNieuw.volglink'),
            <a key="link" className="utrecht-link utrecht-link--html-a loket-breek" href={zaak.volglink}>
              {zaak.volglink}
            </a>,
          ],
        ]}
      />
      <p className="utrecht-paragraph">{zaak.betrokkene?.email ? t('zaakNieuw.gemaild', { email: zaak.betrokkene.email }) : t('zaakNieuw.nietGemaild')}</p>
      <ul className="utrecht-link-list utrecht-link-list--html-ul">
        <li className="utrecht-link-list__item">
          <Link naar={`/${gemeente.code}/zaken/${zaak.id}`}>{t('zaakNieuw.naarZaak', { zaak: zaak.identificatie })}</Link>
        </li>
        <li className="utrecht-link-list__item">
          <Link naar={`/${gemeente.code}/zaken`}>{t('zaak.terug')}</Link>
        </li>
      </ul>
    </Pagina>
  );
}

/** Register a zaak (KCC, behandelaar): the receipt goes to the resident by mail. */
export function ZaakNieuw({ gemeente }: { gemeente: SessieGemeente }) {
  const { t, taal } = useTaal();
  const zaaktypen = useZaaktypen(gemeente, 'status=gepubliceerd&pageSize=100');
  const { teams } = useTeams(gemeente);
  const [gemaakt, setGemaakt] = useState<AangemaakteZaak>();
  const formulier = useFormulier(() => ({
    zaaktype: '',
    onderwerp: '',
    omschrijving: '',
    kanaal: 'telefoon',
    ontvangstdatum: dagInNederland(),
    vertrouwelijkheid: '',
    team: '',
    naam: '',
    email: '',
    telefoon: '',
    postcode: '',
    huisnummer: '',
    taal: 'nl',
  }));
  const { waarden, zet, fout } = formulier;

  async function registreer() {
    const w = waarden;
    const betrokkene = {
      ...(w.naam.trim() ? { naam: w.naam } : {}),
      ...(w.email.trim() ? { email: w.email.trim() } : {}),
      ...(w.telefoon.trim() ? { telefoon: w.telefoon.trim() } : {}),
      ...adresInBody(w.postcode, w.huisnummer),
    };
    const body = {
      zaaktype: w.zaaktype,
      onderwerp: w.onderwerp,
      ...(w.omschrijving.trim() ? { omschrijving: w.omschrijving } : {}),
      kanaal: w.kanaal,
      ontvangstdatum: w.ontvangstdatum,
      ...(w.vertrouwelijkheid ? { vertrouwelijkheid: w.vertrouwelijkheid } : {}),
      ...(w.team ? { team: w.team } : {}),
      ...(Object.keys(betrokkene).length > 0 ? { betrokkene: { ...betrokkene, taal: w.taal } } : {}),
    };
    const { data } = await api.post<AangemaakteZaak>(`${gemeentePad(gemeente.code)}/zaken`, { body });
    setGemaakt(data);
  }

  if (gemaakt) return <Geregistreerd zaak={gemaakt} gemeente={gemeente} />;
  const kies = (naam: 'zaaktype' | 'kanaal' | 'vertrouwelijkheid' | 'team' | 'taal') => ({
    id: naam,
    value: waarden[naam],
    onChange: (e: { target: { value: string } }) => zet(naam, e.target.value),
    fout: fout?.veld(naam),
  });
  const betrokkeneVeld = (naam: 'naam' | 'email' | 'telefoon') => ({
    id: `betrokkene-${naam}`,
    value: waarden[naam],
    onChange: (e: { target: { value: string } }) => zet(naam, e.target.value),
    fout: fout?.veldPad(`betrokkene.${naam}`),
  });
  return (
    <Pagina titel={t('zaakNieuw.titel')} terug={{ naar: `/${gemeente.code}/zaken`, tekst: t('zaak.terug') }}>
      <p className="utrecht-paragraph">{t('zaakNieuw.uitleg')}</p>
      {zaaktypen.data ? (
        <Formulier
          formulier={formulier}
          onVerstuur={registreer}
          knop={t('zaakNieuw.registreren')}
          velden={{
            zaaktype: 'zaaktype',
            onderwerp: 'onderwerp',
            omschrijving: 'omschrijving',
            kanaal: 'kanaal',
            ontvangstdatum: 'ontvangstdatum',
            vertrouwelijkheid: 'vertrouwelijkheid',
            team: 'team',
            'betrokkene.naam': 'betrokkene-naam',
            'betrokkene.email': 'betrokkene-email',
            'betrokkene.telefoon': 'betrokkene-telefoon',
            'betrokkene.taal': 'taal',
            ...adresFoutVelden('betrokkene.adres', 'betrokkene'),
            betrokkene: 'betrokkene-naam',
          }}
        >
          <Keuzelijst
            label={t('zaak.zaaktype')}
            required
            {...kies('zaaktype')}
            opties={[{ waarde: '', label: t('zaakNieuw.kiesZaaktype') }, ...zaaktypen.data.items.map((z) => ({ waarde: z.code, label: z.naam[taal] }))]}
          />
          <Veld label={t('zaak.onderwerp')} uitleg={t('zaakNieuw.onderwerpUitleg')} autoComplete="off" required {...formulier.tekst('onderwerp')} />
          <Tekstvak
            id="omschrijving"
            label={t('zaakNieuw.omschrijving')}
            value={waarden.omschrijving}
            onChange={(e) => zet('omschrijving', e.target.value)}
            fout={fout?.veld('omschrijving')}
          />
          <Keuzelijst label={t('zaak.kanaal')} required {...kies('kanaal')} opties={KANALEN.map((k) => ({ waarde: k, label: t(`kanaal.${k}`) }))} />
          <Veld label={t('zaak.ontvangstdatum')} uitleg={t('zaakNieuw.ontvangstdatumUitleg')} type="date" required max={dagInNederland()} {...formulier.tekst('ontvangstdatum')} />
          <Keuzelijst
            label={t('zaak.vertrouwelijkheid')}
            {...kies('vertrouwelijkheid')}
            opties={[{ waarde: '', label: t('zaakNieuw.standaardZaaktype') }, ...VERTROUWELIJKHEDEN.map((v) => ({ waarde: v, label: t(`vertrouwelijkheid.${v}`) }))]}
          />
          <Keuzelijst
            label={t('zaak.team')}
            {...kies('team')}
            opties={[{ waarde: '', label: t('zaakNieuw.standaardTeam') }, ...(teams ?? []).map((team) => ({ waarde: team.id, label: team.naam }))]}
          />
          <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset loket-form">
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('zaak.betrokkene')}</legend>
            <p className="utrecht-paragraph">{t('zaakNieuw.betrokkeneUitleg')}</p>
            <Veld label={t('zaakNieuw.naamOptioneel')} autoComplete="off" {...betrokkeneVeld('naam')} />
            <Veld label={t('zaakNieuw.emailOptioneel')} type="email" autoComplete="off" {...betrokkeneVeld('email')} />
            <Veld label={t('zaakNieuw.telefoonOptioneel')} type="tel" autoComplete="off" {...betrokkeneVeld('telefoon')} />
            <Adresvelden id="betrokkene" pad="betrokkene.adres" postcode={waarden.postcode} huisnummer={waarden.huisnummer} onPostcode={(v) => zet('postcode', v)} onHuisnummer={(v) => zet('huisnummer', v)} fout={fout} />
            <Keuzelijst
              label={t('zaak.taal')}
              {...kies('taal')}
              fout={fout?.veldPad('betrokkene.taal')}
              opties={[
                { waarde: 'nl', label: t('taal.nl') },
                { waarde: 'en', label: t('taal.en') },
              ]}
            />
          </fieldset>
        </Formulier>
      ) : (
        <Laadstatus fout={zaaktypen.fout} />
      )}
    </Pagina>
  );
}
