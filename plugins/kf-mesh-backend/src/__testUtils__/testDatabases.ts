import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

const POSTGRES_IDS: TestDatabaseId[] = [
  'POSTGRES_18',
  'POSTGRES_17',
  'POSTGRES_16',
  'POSTGRES_15',
  'POSTGRES_14',
  'POSTGRES_13',
];

/**
 * SQLite, plus the PostgreSQL server `scripts/with-postgres.sh` started (it
 * exports `BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING`, which
 * TestDatabases reads). Under that script (`KF_MESH_REQUIRE_POSTGRES=1`) a
 * missing PostgreSQL is an error, not a silently smaller test matrix.
 * Call at the top of a test file (it registers Jest hooks).
 */
export function createTestDatabases(): TestDatabases {
  const databases = TestDatabases.create({
    ids: [...POSTGRES_IDS, 'SQLITE_3'],
    disableDocker: true,
  });
  if (
    process.env.KF_MESH_REQUIRE_POSTGRES === '1' &&
    !POSTGRES_IDS.some(id => databases.supports(id))
  ) {
    throw new Error(
      'KF_MESH_REQUIRE_POSTGRES=1 but no BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING is set',
    );
  }
  return databases;
}
