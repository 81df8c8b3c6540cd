import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

const vingerafdruk = (naam: string, geheim: string): string => createHmac('sha256', geheim).update(`loket knooppunt-geheim ${naam}`).digest('hex');

/**
 * A secret every node on one database must share (ADR 0023). A set secret leaves its fingerprint
 * (an HMAC of a fixed text, never the secret) in `knooppunt_geheim`; the first node sets it and
 * a node with another secret refuses to start. Without a secret, a node uses a random one of its
 * own (one node: as before) and writes nothing, but refuses when other nodes use a set secret.
 */
export async function gedeeldGeheim(db: Kysely<DB>, naam: string, geheim: string | undefined): Promise<string> {
  const lees = () => db.selectFrom('knooppunt_geheim').select(['vingerafdruk', 'vastgelegd_op']).where('naam', '=', naam).executeTakeFirst();
  if (geheim === undefined) {
    const vast = await lees();
    if (vast) {
      throw new Error(
        `${naam} ontbreekt, maar andere knooppunten op deze database gebruiken een vast geheim (sinds ${vast.vastgelegd_op}). Zet op dit knooppunt hetzelfde ${naam}.`,
      );
    }
    return randomBytes(32).toString('hex');
  }
  const eigen = vingerafdruk(naam, geheim);
  await db.insertInto('knooppunt_geheim').values({ naam, vingerafdruk: eigen }).onConflict((oc) => oc.column('naam').doNothing()).execute();
  const vast = await lees();
  if (vast && vast.vingerafdruk !== eigen) {
    throw new Error(
      `${naam} verschilt van het geheim dat andere knooppunten op deze database gebruiken (sinds ${vast.vastgelegd_op}). Geef elk knooppunt hetzelfde ${naam}. ` +
        `Vervang je het geheim bewust, stop dan eerst alle knooppunten en verwijder de oude vingerafdruk: delete from knooppunt_geheim where naam = '${naam}'.`,
    );
  }
  return geheim;
}
