/**
 * Two real app instances sharing one store, as two bot processes sharing MongoDB: the runner each one
 * starts (app.jobs) takes jobs scheduled anywhere, every job runs once, and close() stops the runner.
 */
import type { DocumentStore } from '../../storage/documentStore';
import { EmbeddedStore } from '../../storage/embeddedStore';
import { RunningApp, startTestApp } from '../helpers/testApp';
import { waitFor } from './jobsTestKit';

/** One store for both apps; closing an app must not close it under the other. */
function sharedView(store: DocumentStore): DocumentStore {
  return {
    kind: store.kind,
    collection: (name) => store.collection(name),
    ensureIndex: (name, spec) => store.ensureIndex(name, spec),
    ping: () => store.ping(),
    compact: () => store.compact(),
    close: async () => undefined,
  };
}

describe('durable jobs across two app instances on one store', () => {
  const store = new EmbeddedStore(null);
  let apps: RunningApp[] = [];

  beforeAll(async () => {
    apps = [await startTestApp({}, { store: sharedView(store) }), await startTestApp({}, { store: sharedView(store) })];
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await store.close();
  });

  it('runs each job once, whichever instance scheduled it, and stops with close()', async () => {
    const runsById = new Map<string, string[]>();
    apps.forEach((app, i) =>
      app.jobs.handle('test:probe', async (job) => {
        await new Promise((resolve) => setImmediate(resolve));
        runsById.set(job._id, [...(runsById.get(job._id) ?? []), `app${i}`]);
      }),
    );
    for (let n = 0; n < 60; n++) await apps[n % 2].jobs.schedule({ name: 'test:probe', key: `p${n}`, data: { n } });

    await waitFor(async () => (await apps[0].jobs.list({ name: 'test:probe', state: 'done' })).length === 60, 15_000);

    expect(runsById.size).toBe(60);
    expect([...runsById.values()].filter((who) => who.length !== 1)).toEqual([]);
    const jobs = await apps[1].jobs.list({ name: 'test:probe' });
    expect(jobs.every((j) => j.state === 'done' && j.attempts === 1)).toBe(true);

    await apps[0].close();
    const after = await apps[1].jobs.schedule({ name: 'test:probe', key: 'after-close' });
    await waitFor(async () => runsById.has(after._id), 15_000);
    expect(runsById.get(after._id)).toEqual(['app1']); // the closed instance claims nothing any more
  });
});
