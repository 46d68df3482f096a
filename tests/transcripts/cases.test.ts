/**
 * The conversation cases (tests/transcripts/cases) on one real app, app channel, real NLU and demo store.
 * Each case is its own customer; cases with orders get their own order numbers (prefix 8nnn).
 */
import { ChannelRig, startChannelRig } from '../adapters/contract/channelRig';
import { CASE_ORDER_PREFIX, caseGroups } from './cases';
import { renumbered, runTranscript, TranscriptTable } from './runTranscript';

const all: [group: string, table: TranscriptTable][] = Object.entries(caseGroups).flatMap(([group, list]) => list.map((t) => [group, t] as [string, TranscriptTable]));
const numbered = all.map(([group, t], i) => [group, t.orders ? renumbered({ ...t, orders: CASE_ORDER_PREFIX }, `8${String(i).padStart(3, '0')}`) : t] as const);

let rig: ChannelRig;
beforeAll(async () => {
  rig = await startChannelRig(['app']);
}, 60_000);
afterAll(() => rig.close());

it('every case has a name of its own (the name picks the customer)', () => {
  const names = all.map(([, t]) => t.name);
  expect(new Set(names).size).toBe(names.length);
});

for (const group of Object.keys(caseGroups).filter((g) => caseGroups[g].length > 0)) {
  describe(`conversation cases: ${group}`, () => {
    it.each(numbered.filter(([g]) => g === group).map(([, t]) => [t.name, t] as const))('%s', async (_name, table) => {
      await runTranscript(rig, rig.drivers.app, table);
    });
  });
}
