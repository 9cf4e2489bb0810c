import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TABLE_OWNERS, type Table } from './table-owners.js';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The feature folder of a file (`submissions` for submissions/submission-store.ts); '' at the root. */
function featureOf(path: string): string {
  const parts = relative(SRC, path).split(sep);
  return parts.length > 1 ? parts[0] : '';
}

const isTable = (name: string): name is Table => Object.hasOwn(TABLE_OWNERS, name);

/** Tables a source writes with SQL: INSERT INTO t, UPDATE t, DELETE FROM t (quoted or not). */
export function sqlWrites(source: string): Table[] {
  const found = [...source.matchAll(/\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?/gi)];
  return found.map((m) => m[1].toLowerCase()).filter(isTable);
}

/** Entity class name → table, from every `@Entity({ name: '…' })`. */
function entityTables(files: string[]): Map<string, Table> {
  const tables = new Map<string, Table>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/@Entity\(\{\s*name:\s*'(\w+)'\s*\}\)\s*export class (\w+)/g))
      if (isTable(m[1])) tables.set(m[2], m[1]);
  }
  return tables;
}

const WRITE_METHODS = 'save|insert|update|upsert|delete|remove|softDelete|increment|decrement';

/**
 * Tables a source writes through TypeORM: `manager.update(Entity, …)` and the like (a query
 * builder's `.update(Entity)`, `.into(Entity)` too), `getRepository(Entity).save(…)`, and writes on
 * a repository it injects (`@InjectRepository(Entity) private readonly x` … `this.x.save(`).
 */
export function entityWrites(source: string, tables: Map<string, Table>): Table[] {
  const written: Table[] = [];
  const patterns = [
    new RegExp(`\\.(?:${WRITE_METHODS}|into)\\(\\s*(\\w+)\\s*[,)]`, 'g'),
    new RegExp(`getRepository\\(\\s*(\\w+)\\s*\\)\\s*\\.\\s*(?:${WRITE_METHODS}|createQueryBuilder)\\(`, 'g'),
  ];
  for (const pattern of patterns)
    for (const m of source.matchAll(pattern)) {
      const table = tables.get(m[1]);
      if (table) written.push(table);
    }
  for (const m of source.matchAll(/@InjectRepository\((\w+)\)\s+private\s+readonly\s+(\w+)/g)) {
    const table = tables.get(m[1]);
    const usesWrite = new RegExp(`this\\.${m[2]}\\s*\\.\\s*(?:${WRITE_METHODS}|createQueryBuilder)\\(`);
    if (table && usesWrite.test(source)) written.push(table);
  }
  return written;
}

describe('each table is written only by its owner (database/table-owners.ts)', () => {
  const files = sourceFiles(SRC).filter((file) => featureOf(file) !== 'migrations');
  const tables = entityTables(files);

  it('finds writes in SQL and through TypeORM, and ignores reads and other words', () => {
    expect(sqlWrites('INSERT INTO submissions (a) VALUES (1)')).toEqual(['submissions']);
    expect(sqlWrites('update "challenge_versions" set status = $2')).toEqual(['challenge_versions']);
    expect(sqlWrites('DELETE FROM sessions WHERE id = $1')).toEqual(['sessions']);
    expect(sqlWrites('SELECT 1 FROM submissions FOR UPDATE SKIP LOCKED')).toEqual([]);
    expect(sqlWrites('ON CONFLICT (slug) DO UPDATE SET title = EXCLUDED.title')).toEqual([]);
    const entities = new Map<string, Table>([['Submission', 'submissions']]);
    expect(entityWrites('await tx.update(Submission, { id }, {})', entities)).toEqual(['submissions']);
    expect(entityWrites('db.getRepository(Submission)\n  .update({ id }, {})', entities)).toEqual([
      'submissions',
    ]);
    expect(entityWrites('qb.insert().into(Submission).values(x)', entities)).toEqual(['submissions']);
    expect(entityWrites('db.getRepository(Submission).findOne({ where: { id } })', entities)).toEqual([]);
    expect(
      entityWrites(
        '@InjectRepository(Submission) private readonly rows: Repository<Submission>; this.rows.save(x)',
        entities,
      ),
    ).toEqual(['submissions']);
    expect(
      entityWrites(
        '@InjectRepository(Submission) private readonly rows: Repository<Submission>; this.rows.findOne(x)',
        entities,
      ),
    ).toEqual([]);
  });

  it('no file outside a table’s owner folder writes it', () => {
    const strays: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const feature = featureOf(file);
      for (const table of new Set([...sqlWrites(source), ...entityWrites(source, tables)]))
        if (TABLE_OWNERS[table] !== feature)
          strays.push(`${relative(SRC, file)} writes ${table}, owned by ${TABLE_OWNERS[table]}/`);
    }
    expect(strays).toEqual([]);
  });

  it('every table a migration creates has an owner', () => {
    const created = sourceFiles(join(SRC, 'migrations')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?(\w+)"?/g)].map((m) => m[1]),
    );
    expect(created.length).toBeGreaterThan(10);
    expect(created.filter((table) => !isTable(table))).toEqual([]);
  });
});
