// Module boundaries of Aftersales (DESIGN §3, issue 10), checked by `npm run check:boundaries`.
// docs/ARCHITECTURE.md ("Module boundaries") explains the rules, the ownership map and the baseline.
//
// Every import counts, type-only imports included: a `import type` of another module's dal is
// still coupling to its internals (tsPreCompilationDeps below makes dependency-cruiser see them).
//
// Today's violations are recorded in .dependency-cruiser-known-violations.json and ignored with
// --ignore-known; anything new fails. The baseline may only shrink: after removing a violation,
// regenerate it with `npm run check:boundaries:baseline` and commit the smaller file.

/** Schema file (src/db/schema/<file>.ts) → the modules that own tables in it. */
const TABLE_OWNERS = {
  'archive-access': ['archive'], // archive_access_requests, archive_access_log
  // warranty_policies and product_models belong to products; assets, meter_readings and
  // asset_events to assets. One file, two owners, until the file is split per module.
  assets: ['assets', 'products'],
  audit: ['audit'], // audit_log (written by src/platform/audit.ts, read by the audit module)
  // roles → roles, users → users, sessions → auth. One file, three owners.
  auth: ['auth', 'users', 'roles'],
  customers: ['customers'], // customers, customer_contacts
  // engineers → engineers; work_orders and their lines, photos, events, engineers-on-order,
  // old_part_returns, field_feedback → work-orders. One file, two owners.
  field: ['engineers', 'work-orders'],
  // follow_up_visits and surveys* → followups; complaints and improvement_suggestions →
  // complaints; report_runs and report_subscriptions → reports. One file, three owners.
  followup: ['followups', 'complaints', 'reports'],
  imports: ['imports'], // import_jobs
  notifications: ['notifications'], // notifications, notification_deliveries, webhooks
  org: ['org'], // departments, service_centres, dealers
  parts: ['parts'], // parts, stock_locations, stock_levels, stock_moves, stocking_plans, price_lists
  returns: ['returns'], // return_requests, return_events, return_photos, return_pickup_cities
  reviews: ['reviews'], // customer_reviews
  sla: ['calendars', 'sla'], // calendars → calendars, sla_policies → sla
  stats: ['reports'], // daily_*_stats and backlog_stats, the summary tables of the dashboards
  tickets: ['tickets'], // tickets, clocks, pauses, events, attachments, sla_escalations
};

/**
 * Schema files any module may import: column helpers, and app_meta, a key–value table in which
 * each key belongs to the code that writes it (`stats.refresh`, the bootstrap's permission set).
 */
const SHARED_SCHEMA = ['columns', 'system'];

/**
 * Read models: files that legitimately read many modules' tables, so the table-ownership rules
 * do not apply to them. The module-internals rule still does. They read; they never write another
 * module's table (a reviewer checks that — dependency-cruiser sees imports, not statements).
 * Adding an entry needs a reason here and a line in docs/ARCHITECTURE.md.
 */
const READ_MODELS = [
  // Dashboards, drill-downs, figure exports and the scheduled daily/weekly/monthly reports: the
  // stats-refresh job sums tickets, clocks, work orders, part lines, visits, surveys and
  // complaints into the summary tables, and a drill-down reads the same source rows back.
  '^src/modules/reports/',
  // Printable forms over many orders (history card, parts list) read the charges and part lines
  // of orders already taken from the scoped orders.list in one batched query each.
  '^src/modules/print/print-dal\\.ts$',
  // The full-archive view (完整档案) shows a customer with its access requests and who may
  // approve them: it joins customers, users and departments for names.
  '^src/modules/archive/archive-dal\\.ts$',
];

const MODULE = '^src/modules/';

// A new schema file (or module) must be placed in the map above before the check runs at all.
const fs = require('node:fs');
const path = require('node:path');
const schemaFiles = fs
  .readdirSync(path.join(__dirname, 'src/db/schema'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -'.ts'.length));
const unowned = schemaFiles.filter((f) => !(f in TABLE_OWNERS) && !SHARED_SCHEMA.includes(f));
const missingModules = [...new Set(Object.values(TABLE_OWNERS).flat())].filter(
  (m) => !fs.existsSync(path.join(__dirname, 'src/modules', m)),
);
if (unowned.length > 0 || missingModules.length > 0) {
  throw new Error(
    '.dependency-cruiser.cjs: ' +
      [
        ...unowned.map((f) => `give src/db/schema/${f}.ts its owner in TABLE_OWNERS`),
        ...missingModules.map((m) => `TABLE_OWNERS names src/modules/${m}, which does not exist`),
      ].join('; '),
  );
}

const tableRules = Object.entries(TABLE_OWNERS).map(([file, owners]) => ({
  name: 'table-ownership',
  comment: `src/db/schema/${file}.ts holds tables owned by ${owners.join(', ')}; other modules use the owner's API.`,
  severity: 'error',
  from: {
    path: MODULE,
    pathNot: [`^src/modules/(${owners.join('|')})/`, ...READ_MODELS],
  },
  to: { path: `^src/db/schema/${file}\\.ts$` },
}));

module.exports = {
  forbidden: [
    {
      name: 'module-internals',
      comment:
        'A module may use another module only through its public entry src/modules/<b>/index.ts ' +
        '(DESIGN §3). Its dependencies are parameters of its builder, not imports of internals.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'composition-uses-module-index',
      comment:
        'app.ts, services.ts, main.ts, jobs and seed assemble modules through their index.ts ' +
        'builders, so a module can change its insides without touching the composition root.',
      severity: 'error',
      from: { path: '^src/', pathNot: [MODULE, '^src/domain/'] },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    ...tableRules,
    {
      name: 'table-ownership-barrel',
      comment:
        'src/db/schema/index.ts re-exports every table; a module imports the schema files of the ' +
        'tables it owns (src/db/schema/<file>.ts) so that ownership can be checked.',
      severity: 'error',
      from: { path: MODULE, pathNot: READ_MODELS },
      to: { path: '^src/db/schema/index\\.ts$' },
    },
    {
      name: 'domain-is-pure',
      comment:
        'src/domain holds pure rules: plain data in, plain data out, no database, no HTTP, no ' +
        'files, no clock or randomness from Node. Allowed: other domain files, ' +
        'src/platform/errors.ts (AppError and assertUnreachable, no imports of its own) and the ' +
        'pure libraries listed here (chinese-days: holiday data; vitest in the tests beside the rules).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        pathNot: [
          '^src/domain/',
          '^src/platform/errors\\.ts$',
          '^node_modules/(chinese-days|vitest|@vitest)/',
        ],
      },
    },
    {
      name: 'web-no-server-code',
      comment:
        'The browser bundle may import from outside web/ only dependency-free shared files: the ' +
        'typed permission codes. API types come from the generated web/src/api/schema.gen.ts.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: {
        path: '^src/',
        pathNot: '^src/platform/permission-(codes|list)\\.ts$',
      },
    },
    {
      name: 'web-shared-is-leaf',
      comment:
        'What web imports from src must stay dependency-free, or server code would leak into the ' +
        'browser bundle through it.',
      severity: 'error',
      from: { path: '^src/platform/permission-(codes|list)\\.ts$' },
      to: { pathNot: '^src/platform/permission-(codes|list)\\.ts$' },
    },
    {
      name: 'server-no-web-code',
      comment: 'The server does not import the web UI.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^web/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Only our own files are cruised; node_modules are resolved but not followed.
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|migrations)/' },
    // See type-only imports (and `import x = require()`), which TypeScript erases.
    tsPreCompilationDeps: true,
    // Resolution as in tsconfig.json (moduleResolution Bundler, .ts extensions in imports).
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    // Uses the TypeScript compiler only where needed; caches results between runs.
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'content' },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
