// Exits 0 when PostgreSQL answers at the given URL within 3 s.
import { Client } from 'pg';

const client = new Client({ connectionString: process.argv[2], connectionTimeoutMillis: 3000 });
try {
  await client.connect();
  await client.query('select 1');
  await client.end();
  process.exit(0);
} catch {
  process.exit(1);
}
