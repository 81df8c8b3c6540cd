import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { legeDatabase } from '../../../test/database.ts';
import { migrateTo, migrateToLatest } from '../../db/migrate.ts';
import { STANDAARD_KEUZES } from './kto.regels.ts';
import { ktoRepository } from './kto.repository.ts';

const G = 'GM0384';
const TEAM = '0b6a1c52-6a35-4d53-9f0e-3f1a4a0c2d01';
const ZAAKTYPE = '0b6a1c52-6a35-4d53-9f0e-3f1a4a0c2d02';
const ZAAK = '0b6a1c52-6a35-4d53-9f0e-3f1a4a0c2d03';
const ZONDER_ZAAK = '0b6a1c52-6a35-4d53-9f0e-3f1a4a0c2d04';

describe('migration 0054 on a database with questions and answers', () => {
  it('keeps what each zaaktype asked, gives old answers the label of their option and old questions the team and channel of their zaak', async () => {
    const leeg = await legeDatabase();
    try {
      const db = leeg.db;
      await migrateTo(db as never, '0048-klantreis-index');
      await sql`insert into gemeente (code, naam, slug) values (${G}, 'Diemen', 'diemen')`.execute(db);
      await sql`insert into team (gemeente, id, naam) values (${G}, ${TEAM}, 'Team Dienstverlening')`.execute(db);
      await sql`insert into zaaktype (gemeente, id, code, versie, naam_nl, naam_en, norm) values (${G}, ${ZAAKTYPE}, 'e-mailvraag', 1, 'Vraag per e-mail', 'Question by e-mail', 'P5D')`.execute(db);
      await sql`insert into statustype (gemeente, zaaktype_id, volgnummer, naam, tekst_nl, tekst_en) values (${G}, ${ZAAKTYPE}, 1, 'Ontvangen', 'Ontvangen', 'Received')`.execute(db);
      await sql`insert into zaak (gemeente, id, identificatie, zaaktype_id, onderwerp, kanaal, ontvangstdatum, registratie_op, vertrouwelijkheid, team_id, status_volgnummer, oorspronkelijke_einddatum, uiterlijke_einddatum, volgcode_hash)
                values (${G}, ${ZAAK}, 'Z-2026-000001', ${ZAAKTYPE}, 'Openingstijden', 'telefoon', '2026-03-02', now(), 'zaakvertrouwelijk', ${TEAM}, 1, '2026-03-09', '2026-03-09', 'h1')`.execute(db);
      await sql`insert into kto_instelling (gemeente, zaaktype, actief, vorm, steekproef) values (${G}, 'e-mailvraag', true, 'score-5', 50)`.execute(db);
      await sql`insert into kto_vraag (gemeente, zaak_id, zaaktype, identificatie, vorm, taal, email_hash, token_hash, gesteld_op)
                values (${G}, ${ZAAK}, 'e-mailvraag', 'Z-2026-000001', 'score-5', 'nl', 'e1', 't1', now()), (${G}, ${ZONDER_ZAAK}, 'e-mailvraag', 'Z-2026-000002', 'score-5', 'nl', 'e2', 't2', now())`.execute(db);
      await sql`insert into kto_antwoord (gemeente, zaak_id, beantwoord_op, score, tevreden, punt) values (${G}, ${ZAAK}, now(), 4, true, 'bejegening'), (${G}, ${ZONDER_ZAAK}, now(), 2, false, 'anders')`.execute(db);

      expect(await migrateToLatest(db as never)).toContain('0054-kto-vraag-per-zaaktype');

      const repo = ktoRepository(db);
      expect(await repo.instelling(G, 'e-mailvraag')).toEqual({ zaaktype: 'e-mailvraag', actief: true, vorm: 'score-5', steekproef: 50, vraag: null, keuzes: STANDAARD_KEUZES, toelichtingVragen: true });
      expect(await db.selectFrom('kto_antwoord').select(['zaak_id', 'punt', 'punt_tekst']).orderBy('zaak_id').execute()).toEqual([
        { zaak_id: ZAAK, punt: 'bejegening', punt_tekst: 'Hoe wij u behandelden' },
        { zaak_id: ZONDER_ZAAK, punt: 'anders', punt_tekst: 'Iets anders' },
      ]);
      expect(await db.selectFrom('kto_vraag').select(['zaak_id', 'team_id', 'kanaal']).orderBy('zaak_id').execute()).toEqual([
        { zaak_id: ZAAK, team_id: TEAM, kanaal: 'telefoon' },
        { zaak_id: ZONDER_ZAAK, team_id: null, kanaal: null },
      ]);
      // The question page of an old question asks what the zaaktype asked before.
      expect((await repo.vraagVanZaak(G, ZAAK))?.opzet).toEqual({ vraag: null, keuzes: STANDAARD_KEUZES, toelichtingVragen: true });
    } finally {
      await leeg.close();
    }
  });
});
