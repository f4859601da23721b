// PostgreSQL's advice for populating a database: drop foreign keys and secondary indexes,
// load, then recreate them. A per-row foreign-key check and random index inserts make a
// 220k-row COPY several times slower than one validation join and one sorted index build.
// The tables' own triggers (the rollup upkeep on "Sale") are off meanwhile: the caller
// rebuilds what they would have maintained, once, set-based.
import type pg from "pg";

interface DeferredDefinition {
  drop: string;
  restore: string;
}

// Indexes that back a constraint (primary keys) stay: other tables may reference them.
const DEFINITIONS_SQL = `
SELECT format('ALTER TABLE %I.%I DROP CONSTRAINT %I', ns.nspname, rel.relname, con.conname) AS drop,
       format('ALTER TABLE %I.%I ADD CONSTRAINT %I %s', ns.nspname, rel.relname, con.conname, pg_get_constraintdef(con.oid)) AS restore
FROM pg_constraint con
JOIN pg_class rel ON rel.oid = con.conrelid
JOIN pg_namespace ns ON ns.oid = rel.relnamespace
WHERE con.contype = 'f' AND $2 AND ns.nspname = current_schema() AND rel.relname = ANY($1::text[])
UNION ALL
SELECT format('DROP INDEX %I.%I', ns.nspname, idx.relname), pg_get_indexdef(ind.indexrelid)
FROM pg_index ind
JOIN pg_class idx ON idx.oid = ind.indexrelid
JOIN pg_class rel ON rel.oid = ind.indrelid
JOIN pg_namespace ns ON ns.oid = rel.relnamespace
WHERE ns.nspname = current_schema() AND rel.relname = ANY($1::text[])
  AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ind.indexrelid)`;

// Altering a table needs ownership; a less privileged role simply loads the slow way.
const OWNS_ALL_SQL = `
SELECT bool_and(pg_has_role(current_user, rel.relowner, 'USAGE')) AS owns_all
FROM pg_class rel JOIN pg_namespace ns ON ns.oid = rel.relnamespace
WHERE ns.nspname = current_schema() AND rel.relname = ANY($1::text[])`;

/** Runs `work` with the tables' own triggers off (the caller keeps what they maintain). Needs ownership. */
export async function withoutUserTriggers<T>(client: pg.ClientBase, tables: readonly string[], work: () => Promise<T>): Promise<T> {
  for (const table of tables) await client.query(`ALTER TABLE ${client.escapeIdentifier(table)} DISABLE TRIGGER USER`);
  const result = await work();
  for (const table of tables) await client.query(`ALTER TABLE ${client.escapeIdentifier(table)} ENABLE TRIGGER USER`);
  return result;
}

/**
 * Runs `load` with the tables' foreign keys and secondary indexes dropped, then recreates
 * them. Call inside a transaction: if anything fails, rolling back restores them too.
 */
export async function loadWithDeferredIndexes<T>(
  client: pg.ClientBase,
  tables: readonly string[],
  load: () => Promise<T>,
  // For a caller whose session skips the checks and has proven the keys itself: re-adding a
  // foreign key re-reads the whole table.
  { keepForeignKeys = false } = {},
): Promise<T> {
  const owner = await client.query<{ owns_all: boolean | null }>(OWNS_ALL_SQL, [tables]);
  if (!owner.rows[0]?.owns_all) return load();
  const { rows } = await client.query<DeferredDefinition>(DEFINITIONS_SQL, [tables, !keepForeignKeys]);
  for (const { drop } of rows) await client.query(drop);
  const result = await withoutUserTriggers(client, tables, load);
  // Index builds sort in memory when they can.
  await client.query("SET LOCAL maintenance_work_mem = '256MB'");
  for (const { restore } of rows) await client.query(restore);
  return result;
}
