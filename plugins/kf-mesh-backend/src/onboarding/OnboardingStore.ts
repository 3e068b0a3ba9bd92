import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { OnboardingPullRequest } from '@kf-mesh/plugin-kf-mesh-common';
import type { ReaderCache } from './GithubOnboardingReader';

type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

const SOURCES = 'kf_mesh_onboarding_sources';
const PULLS = 'kf_mesh_onboarding_pull_requests';
const RESPONSES = 'kf_mesh_onboarding_github_responses';
/** Rows per INSERT (SQLite allows 999 bound parameters per statement). */
const CHUNK = 100;

/** How the reads of one source went, as stored. */
export interface StoredSourceState {
  state: 'ok' | 'unknown';
  lastSuccessAt?: string;
  lastFailureAt?: string;
  unknownSince?: string;
  reason?: string;
  backoffUntil?: string;
}

/** The stored PRs of one source. */
export interface StoredPullRequests {
  sourceKey: string;
  pullRequests: OnboardingPullRequest[];
}

interface SourceRow {
  source_key: string;
  state: 'ok' | 'unknown';
  last_success_at: string | null;
  last_failure_at: string | null;
  unknown_since: string | null;
  reason: string | null;
  backoff_until: string | null;
  revision: number | string;
}

function toState(row: SourceRow): StoredSourceState {
  return {
    state: row.state,
    ...(row.last_success_at ? { lastSuccessAt: row.last_success_at } : {}),
    ...(row.last_failure_at ? { lastFailureAt: row.last_failure_at } : {}),
    ...(row.unknown_since ? { unknownSince: row.unknown_since } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
    ...(row.backoff_until ? { backoffUntil: row.backoff_until } : {}),
  };
}

/**
 * The onboarding refresh's state in the plugin database (tables of
 * `migrations/`): per GitOps repository the last read's outcome, its PRs and
 * GitHub's answers with their ETags. Written only by the refresh (one run per
 * fleet), read by every replica.
 */
export class OnboardingStore {
  private constructor(private readonly db: Knex) {}

  /** Connects and runs the migrations (unless `migrations.skip`). */
  static async create(database: DatabaseService): Promise<OnboardingStore> {
    const db = await database.getClient();
    if (!database.migrations?.skip) {
      await db.migrate.latest({
        directory: resolvePackagePath(
          '@kf-mesh/plugin-kf-mesh-backend',
          'migrations',
        ),
      });
    }
    return new OnboardingStore(db);
  }

  /** A token that changes whenever any source is written. */
  async revision(): Promise<string> {
    const rows = await this.db<SourceRow>(SOURCES)
      .select('source_key', 'revision')
      .orderBy('source_key');
    return rows.map(r => `${r.source_key}=${r.revision}`).join(',');
  }

  /** The state of every stored source, by source key. */
  async sourceStates(): Promise<Map<string, StoredSourceState>> {
    const rows = await this.db<SourceRow>(SOURCES).select();
    return new Map(rows.map(r => [r.source_key, toState(r)]));
  }

  /** The state of one source; undefined before its first read. */
  async sourceState(sourceKey: string): Promise<StoredSourceState | undefined> {
    const row = await this.db<SourceRow>(SOURCES)
      .where({ source_key: sourceKey })
      .first();
    return row ? toState(row) : undefined;
  }

  /** The last known PRs of every source. */
  async pullRequests(): Promise<StoredPullRequests[]> {
    const rows: Array<{ source_key: string; pull_request: string }> =
      await this.db(PULLS)
        .select('source_key', 'pull_request')
        .orderBy(['source_key', 'number']);
    const bySource = new Map<string, OnboardingPullRequest[]>();
    for (const row of rows) {
      const list = bySource.get(row.source_key) ?? [];
      list.push(JSON.parse(row.pull_request));
      bySource.set(row.source_key, list);
    }
    return [...bySource].map(([sourceKey, pullRequests]) => ({
      sourceKey,
      pullRequests,
    }));
  }

  /** What the reader of a source remembers (ETags, bodies, PR details). */
  async readerCache(sourceKey: string): Promise<ReaderCache> {
    const [responses, pulls] = await Promise.all([
      this.db(RESPONSES)
        .where({ source_key: sourceKey })
        .select('request_key', 'etag', 'body'),
      this.db(PULLS)
        .where({ source_key: sourceKey })
        .select('number', 'updated_at', 'head_sha', 'reviews', 'pull_request'),
    ]);
    return {
      responses: new Map(
        responses.map(r => [
          r.request_key,
          { etag: r.etag, data: JSON.parse(r.body) },
        ]),
      ),
      details: new Map(
        pulls.map(p => [
          Number(p.number),
          {
            updatedAt: p.updated_at,
            headSha: p.head_sha,
            reviews: JSON.parse(p.reviews),
            pullRequest: JSON.parse(p.pull_request),
          },
        ]),
      ),
    };
  }

  /** A successful read: replaces the source's PRs and responses, in one transaction. */
  async saveSuccess(
    sourceKey: string,
    at: string,
    cache: ReaderCache,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      await tx(PULLS).where({ source_key: sourceKey }).delete();
      await tx(RESPONSES).where({ source_key: sourceKey }).delete();
      await tx.batchInsert(
        PULLS,
        [...cache.details].map(([number, d]) => ({
          source_key: sourceKey,
          number,
          updated_at: d.updatedAt,
          head_sha: d.headSha,
          reviews: JSON.stringify(d.reviews),
          pull_request: JSON.stringify(d.pullRequest),
        })),
        CHUNK,
      );
      await tx.batchInsert(
        RESPONSES,
        [...cache.responses].map(([requestKey, r]) => ({
          source_key: sourceKey,
          request_key: requestKey,
          etag: r.etag,
          body: JSON.stringify(r.data),
        })),
        CHUNK,
      );
      await this.writeSource(tx, sourceKey, {
        state: 'ok',
        lastSuccessAt: at,
      });
    });
  }

  /** A failed read: the PRs stay as last known. */
  async saveFailure(
    sourceKey: string,
    state: StoredSourceState,
  ): Promise<void> {
    await this.writeSource(this.db, sourceKey, state);
  }

  private async writeSource(
    db: Knex,
    sourceKey: string,
    state: StoredSourceState,
  ): Promise<void> {
    const row = {
      state: state.state,
      unknown_since: state.unknownSince ?? null,
      reason: state.reason ?? null,
      backoff_until: state.backoffUntil ?? null,
      // a success keeps the time of the last failure, and a failure that of the last success
      ...(state.lastSuccessAt ? { last_success_at: state.lastSuccessAt } : {}),
      ...(state.lastFailureAt ? { last_failure_at: state.lastFailureAt } : {}),
    };
    await db(SOURCES)
      .insert({ source_key: sourceKey, revision: 1, ...row })
      .onConflict('source_key')
      .merge({ ...row, revision: db.raw('??.?? + 1', [SOURCES, 'revision']) });
  }
}
