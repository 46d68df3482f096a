/**
 * The layers of ARCHITECTURE.md as rules (`npm run lint:deps`). Top to bottom; a file imports its own
 * layer and the layers below it, never above:
 *   0 index.ts, cli.ts, bench/, scripts/   composition roots (the only readers of config.ts)
 *   1 server/ | adapters/                  siblings: neither imports the other
 *   2 bots/
 *   3 dialogs/    inside: index.ts (factory) → main/ (MainDialog) → the areas → flow/ (toolkit) and turn/ (contracts)
 *   4 nlu/ | knowledge/ | services/        siblings: `import type` only between them
 *   5 storage/
 *   6 platform/                            the ground floor: imports none of the above
 * Tests may import anything.
 */
const ROOTS = '^(index\\.ts$|config\\.ts$|.*/cli\\.ts$|.*Cli\\.ts$|bench/|scripts/|tests/)';
const above = {
  platform: '^(storage|nlu|knowledge|services|dialogs|bots|server|adapters)/',
  storage: '^(nlu|knowledge|services|dialogs|bots|server|adapters)/',
  domain: '^(dialogs|bots|server|adapters)/',
  dialogs: '^(bots|server|adapters)/',
  bots: '^(server|adapters)/',
};

const upward = (name, from, to) => ({ name, severity: 'error', comment: `${from} must not import ${to} (a layer above it)`, from: { path: from, pathNot: ROOTS }, to: { path: to } });
const sibling = (name, from, to) => ({
  name,
  severity: 'error',
  comment: `${from} may import ${to} for types only`,
  from: { path: from },
  to: { path: to, dependencyTypesNot: ['type-only'] },
});

module.exports = {
  forbidden: [
    {
      name: 'config-only-in-roots',
      severity: 'error',
      comment: 'areas get narrow settings from the composition root; only roots read config.ts',
      from: { pathNot: ROOTS },
      to: { path: '^config\\.ts$' },
    },
    {
      name: 'roots-are-not-imported',
      severity: 'error',
      comment: 'nothing below the composition roots imports them',
      from: { pathNot: ROOTS },
      to: { path: '^(index\\.ts$|bench/|scripts/|.*/cli\\.ts$)' },
    },
    upward('platform-is-the-ground-floor', '^platform/', above.platform),
    upward('storage-sits-on-platform', '^storage/', above.storage),
    upward('domain-below-dialogs', '^(nlu|knowledge|services)/', above.domain),
    upward('dialogs-below-bots', '^dialogs/', above.dialogs),
    upward('bots-below-channels', '^bots/', above.bots),
    upward('server-not-adapters', '^server/', '^adapters/'),
    upward('adapters-not-server', '^adapters/', '^server/'),
    sibling('nlu-types-only', '^nlu/', '^(knowledge|services)/'),
    sibling('knowledge-types-only', '^knowledge/', '^(nlu|services)/'),
    sibling('services-types-only', '^services/', '^(nlu|knowledge)/'),
    {
      name: 'dialogs-toolkit-below-areas',
      severity: 'error',
      comment: 'dialogs/flow (the toolkit) and dialogs/turn (the turn contracts) serve every area and import none of them',
      from: { path: '^dialogs/(flow|turn)/' },
      to: { path: '^dialogs/', pathNot: '^dialogs/(flow|turn)/' },
    },
    {
      name: 'areas-not-main',
      severity: 'error',
      comment: 'business areas reach MainDialog only through dialogs/flow/area.ts; only the dialogs factory builds MainDialog',
      from: { path: '^dialogs/(?!main/|index\\.ts$)' },
      to: { path: '^dialogs/(main/|index\\.ts$)' },
    },
    {
      name: 'channels-independent',
      severity: 'error',
      comment: 'a channel folder uses the shared kit (adapters/*.ts, and adapters/wechatKit/ for the two WeChat channels), never another channel',
      from: { path: '^adapters/([^/]+)/' },
      to: { path: '^adapters/[^/]+/', pathNot: '^adapters/($1|wechatKit)/' },
    },
    {
      name: 'services-without-bot-framework',
      severity: 'error',
      comment: 'services/ holds no Bot Framework types: dialogs and bots adapt it to turns',
      from: { path: '^services/' },
      to: { path: '^node_modules/botbuilder' },
    },
    { name: 'no-circular', severity: 'error', comment: 'no import cycles', from: { pathNot: '^tests/' }, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|web|data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
