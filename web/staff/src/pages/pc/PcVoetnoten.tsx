import type { PcProgramma } from '../../api.ts';
import { Knop, useFormulier } from '../../components/Formulier.tsx';
import { Gegevenslijst } from '../../components/Gegevenslijst.tsx';
import { Tekstvak } from '../../components/Velden.tsx';
import { WijzigFormulier, type Wijziging } from '../../components/Versie.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { veldenVan, veldFout, vervang, zonder } from './pc.gedeeld.tsx';

/** The chapter's footnotes: edit their texts, add one (next number), remove one no value refers to. */
export function Voetnoten({ wijziging }: { wijziging: Wijziging<PcProgramma> }) {
  const { t } = useTaal();
  const formulier = useFormulier({ voetnoten: wijziging.data.hoofdstuk.voetnoten });
  const { waarden, zet, fout } = formulier;
  const lijst = waarden.voetnoten;
  if (!wijziging.data.bewerkbaar) {
    if (lijst.length === 0) return <p className="utrecht-paragraph">{t('pc.geenVoetnoten')}</p>;
    return <Gegevenslijst regels={lijst.map((v) => [t('pc.voetnootNr', { nr: v.nummer }), v.tekst])} />;
  }
  const volgende = Math.max(0, ...lijst.map((v) => v.nummer)) + 1;
  return (
    <WijzigFormulier wijziging={wijziging} formulier={formulier} methode="patch" knop={t('pc.voetnotenOpslaan')} velden={veldenVan(fout)}>
      {lijst.length === 0 && <p className="utrecht-paragraph">{t('pc.geenVoetnoten')}</p>}
      {lijst.map((v, i) => (
        <div key={v.nummer}>
          <Tekstvak id={`voetnoten-${i}-tekst`} rows={2} label={t('pc.voetnootNr', { nr: v.nummer })} value={v.tekst} onChange={(e) => zet('voetnoten', vervang(lijst, i, { ...v, tekst: e.target.value }))} fout={veldFout(fout, `voetnoten-${i}-tekst`)} />
          <Knop soort="subtle" onClick={() => zet('voetnoten', zonder(lijst, i))}>
            {t('pc.voetnootWeg', { nr: v.nummer })}
          </Knop>
        </div>
      ))}
      <div>
        <Knop soort="secondary-action" onClick={() => zet('voetnoten', [...lijst, { nummer: volgende, tekst: '' }])}>
          {t('pc.voetnootErbij', { nr: volgende })}
        </Knop>
      </div>
    </WijzigFormulier>
  );
}

