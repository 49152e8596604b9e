/**
 * The one DuckDB instance of the server process: the prepared database file opened read-only,
 * extension autoloading and all other file access off (no network, no other files) except a
 * private directory exports are written into, a small pool of connections, and prepared
 * statements cached per connection. Every query takes bound parameters only.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, JSDuckDBValueConverter, type DuckDBConnection, type DuckDBPreparedStatement, type DuckDBValue, type JS } from '@duckdb/node-api';
import { readTypedColumns, type ColumnTypes, type TypedColumns } from './result-columns';

/** Two cores here; a few connections let a slow query not block quick ones. */
const POOL_SIZE = 4;

export type Row = Record<string, unknown>;
export type Params = DuckDBValue[];

interface PooledConnection {
  connection: DuckDBConnection;
  statements: Map<string, DuckDBPreparedStatement>;
}

export class Database {
  private readonly idle: PooledConnection[] = [];
  private readonly waiting: { resolve: (c: PooledConnection) => void; reject: (e: Error) => void }[] = [];
  private closed = false;

  private open: number;

  private constructor(
    private readonly instance: DuckDBInstance,
    connections: PooledConnection[],
    /** The only directory DuckDB may write to: COPY … TO files of the record exports. */
    private readonly exportDir: string,
  ) {
    this.idle.push(...connections);
    this.open = connections.length;
  }

  static async open(file: string): Promise<Database> {
    const instance = await DuckDBInstance.create(file, {
      access_mode: 'READ_ONLY',
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
    const exportDir = mkdtempSync(path.join(os.tmpdir(), 'tlg-export-'));
    const connections: PooledConnection[] = [];
    try {
      for (let i = 0; i < POOL_SIZE; i++) connections.push({ connection: await instance.connect(), statements: new Map() });
      // The allowed directory must be set before file access is switched off; then the
      // configuration is locked, so no statement can switch it back on.
      const setup = connections[0]!.connection;
      await setup.run(`SET allowed_directories = ['${sqlString(`${exportDir}${path.sep}`)}']`);
      await setup.run('SET enable_external_access = false');
      await setup.run('SET lock_configuration = true');
    } catch (error) {
      for (const pooled of connections) pooled.connection.closeSync();
      instance.closeSync();
      rmSync(exportDir, { recursive: true, force: true });
      throw error;
    }
    return new Database(instance, connections, exportDir);
  }

  /** Rows as plain JS objects (DATE → string 'YYYY-MM-DD' when cast in SQL; cast counts to INTEGER). */
  async all<T extends Row = Row>(sql: string, params: Params = []): Promise<T[]> {
    return this.withConnection(async (pooled) => {
      const statement = await this.prepared(pooled, sql);
      statement.clearBindings();
      if (params.length > 0) statement.bind(params);
      const reader = await statement.runAndReadAll();
      return reader.getRowObjectsJS() as T[];
    });
  }

  /** Column-wise result (name → values), for large results turned into typed arrays. */
  async columns(sql: string, params: Params = []): Promise<Record<string, unknown[]>> {
    return this.withConnection(async (pooled) => {
      const statement = await this.prepared(pooled, sql);
      statement.clearBindings();
      if (params.length > 0) statement.bind(params);
      const reader = await statement.runAndReadAll();
      return reader.getColumnsObjectJS() as Record<string, unknown[]>;
    });
  }

  /**
   * Fixed-width columns straight from the result vectors (see result-columns.ts): the SQL casts
   * each column to its declared type and produces no NULL.
   */
  async typedColumns<S extends ColumnTypes>(sql: string, params: Params, types: S): Promise<{ rows: number; columns: TypedColumns<S> }> {
    return this.withConnection(async (pooled) => {
      const statement = await this.prepared(pooled, sql);
      statement.clearBindings();
      if (params.length > 0) statement.bind(params);
      return readTypedColumns(await statement.stream(), types);
    });
  }

  /**
   * The rows of a large result chunk by chunk (at most 2,048 rows each), each handed to `visit`
   * and awaited before the next is fetched: the whole result never sits in memory.
   */
  async forEachChunk(sql: string, params: Params, visit: (rows: JS[][], columns: string[]) => Promise<void> | void): Promise<void> {
    await this.withConnection(async (pooled) => {
      const statement = await this.prepared(pooled, sql);
      statement.clearBindings();
      if (params.length > 0) statement.bind(params);
      const result = await statement.stream();
      const columns = result.columnNames();
      for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
        await visit(chunk.convertRows(JSDuckDBValueConverter) as JS[][], columns);
      }
    });
  }

  /** A fresh path in the export directory, for files written outside DuckDB (the caller deletes it). */
  exportFile(extension: string): string {
    return path.join(this.exportDir, `${randomUUID()}.${extension}`);
  }

  /**
   * DuckDB writes the result of `select` itself (`COPY … TO`, with fixed `options` such as
   * `FORMAT csv`) into a new file of the export directory; returns its path (the caller deletes
   * it) and the rows written.
   */
  async copyToFile(select: string, params: Params, options: string, extension: string): Promise<{ file: string; rows: number }> {
    const file = this.exportFile(extension);
    // The path is ours (a UUID in our directory); the statement is new each time, so not cached.
    const result = await this.withConnection((pooled) => pooled.connection.run(`COPY (${select}) TO '${sqlString(file)}' (${options})`, params));
    return { file, rows: result.rowsChanged };
  }

  async one<T extends Row = Row>(sql: string, params: Params = []): Promise<T> {
    const rows = await this.all<T>(sql, params);
    const first = rows[0];
    if (!first) throw new Error('query returned no row');
    return first;
  }

  /** Whether close() was called: work that outlives its data set stops. */
  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Closes idle connections now and busy ones when their query ends (a reload never cuts a
   * running request); queued requests fail with an error instead of waiting forever.
   */
  close(): void {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(new Error('the data set was closed'));
    for (const pooled of this.idle.splice(0)) this.release(pooled);
  }

  private release(pooled: PooledConnection): void {
    for (const statement of pooled.statements.values()) statement.destroySync();
    pooled.connection.closeSync();
    this.open -= 1;
    if (this.open > 0) return;
    this.instance.closeSync();
    rmSync(this.exportDir, { recursive: true, force: true });
  }

  private async prepared(pooled: PooledConnection, sql: string): Promise<DuckDBPreparedStatement> {
    let statement = pooled.statements.get(sql);
    if (!statement) {
      statement = await pooled.connection.prepare(sql);
      pooled.statements.set(sql, statement);
    }
    return statement;
  }

  private async withConnection<T>(work: (c: PooledConnection) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('the data set was closed');
    const pooled = this.idle.pop() ?? (await new Promise<PooledConnection>((resolve, reject) => this.waiting.push({ resolve, reject })));
    try {
      return await work(pooled);
    } finally {
      const next = this.waiting.shift();
      if (next) next.resolve(pooled);
      else if (this.closed) this.release(pooled);
      else this.idle.push(pooled);
    }
  }
}

/** Text inside a single-quoted SQL literal (our own paths only, never input). */
const sqlString = (text: string): string => text.replace(/'/g, "''");
