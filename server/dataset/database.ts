/**
 * The one DuckDB instance of the server process: the prepared database file opened read-only,
 * extension autoloading and all other file access off (no network, no other files), a small
 * pool of connections, and prepared statements cached per connection. Every query takes bound
 * parameters only.
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBPreparedStatement, type DuckDBValue } from '@duckdb/node-api';

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
  ) {
    this.idle.push(...connections);
    this.open = connections.length;
  }

  static async open(file: string): Promise<Database> {
    const instance = await DuckDBInstance.create(file, {
      access_mode: 'READ_ONLY',
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      enable_external_access: 'false',
    });
    const connections: PooledConnection[] = [];
    for (let i = 0; i < POOL_SIZE; i++) connections.push({ connection: await instance.connect(), statements: new Map() });
    return new Database(instance, connections);
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
    if (this.open === 0) this.instance.closeSync();
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
