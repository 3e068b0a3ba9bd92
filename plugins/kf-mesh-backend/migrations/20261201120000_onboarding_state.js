/*
 * State of the onboarding refresh (scheduler task kf-mesh-onboardings-refresh, global scope): what it read from
 * GitHub, so that every replica answers from the same data and a restart keeps the last known lifecycle and the
 * "unknown since T" of an outage. Times are ISO 8601 strings (exact round trip on SQLite and PostgreSQL).
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('kf_mesh_onboarding_sources', table => {
    table.comment(
      'One GitOps repository the refresh reads, and how the last reads went',
    );
    table.string('source_key', 300).primary().comment('<host>/<owner>/<repo>');
    table.string('state', 16).notNullable().comment('ok | unknown');
    table.string('last_success_at', 40).nullable();
    table.string('last_failure_at', 40).nullable();
    table
      .string('unknown_since', 40)
      .nullable()
      .comment('first failure after the last success');
    table.text('reason').nullable().comment('why the last read failed');
    table
      .string('backoff_until', 40)
      .nullable()
      .comment('no GitHub request before this (rate limit)');
    table
      .integer('revision')
      .notNullable()
      .defaultTo(0)
      .comment('+1 on every write; replicas reload when it moves');
  });
  await knex.schema.createTable('kf_mesh_onboarding_pull_requests', table => {
    table.comment(
      'The onboarding pull requests of a source, as of its last successful read',
    );
    table.string('source_key', 300).notNullable();
    table.integer('number').notNullable();
    table.string('updated_at', 40).notNullable().comment("GitHub's updated_at");
    table.string('head_sha', 64).notNullable();
    table
      .text('reviews')
      .notNullable()
      .comment('the reviews as GitHub returned them (JSON, with commit_id)');
    table
      .text('pull_request')
      .notNullable()
      .comment('OnboardingPullRequest (JSON): state, reviews, checks');
    table.primary(['source_key', 'number']);
  });
  await knex.schema.createTable(
    'kf_mesh_onboarding_github_responses',
    table => {
      table.comment(
        'Last GitHub answer per request, for conditional requests (If-None-Match)',
      );
      table.string('source_key', 300).notNullable();
      table
        .string('request_key', 1000)
        .notNullable()
        .comment('route and parameters');
      table.string('etag', 300).notNullable();
      table.text('body').notNullable().comment('JSON');
      table.primary(['source_key', 'request_key']);
    },
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('kf_mesh_onboarding_github_responses');
  await knex.schema.dropTable('kf_mesh_onboarding_pull_requests');
  await knex.schema.dropTable('kf_mesh_onboarding_sources');
};
