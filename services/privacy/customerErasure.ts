/**
 * Erasure (the customer's right to be forgotten): every area erases or irreversibly anonymises what it
 * holds about the customer and about every customer merged into it; then the store is compacted, so the
 * embedded datafiles no longer hold the deleted lines either.
 *
 * It runs under the customer's turn lock: a turn already running finishes first (its writes are then
 * erased too), and a turn queued behind the erase resolves its identity again under the lock, finds it
 * gone and runs as a new customer (CustomerServiceBot). The directory goes last, so an erase that fails
 * half-way can simply be repeated.
 */
import type { DocumentStore } from '../../storage/documentStore';
import type { CustomerLock } from '../customers';
import { CustomerDataDeps, customerFamily, recordSections } from './customerExport';

export interface ErasureDeps extends CustomerDataDeps {
  lock: CustomerLock;
  store: Pick<DocumentStore, 'compact'>;
}

export interface ErasureReport {
  customerId: string;
  /** merged-away customers erased with it */
  mergedCustomers: string[];
  /** records erased or anonymised, per area */
  erased: Record<string, number>;
}

export async function eraseCustomer(deps: ErasureDeps, customerId: string): Promise<ErasureReport> {
  // 404 / 409 before queueing behind the customer's turns; the merged-away ids are locked too, in the
  // same id order merges use, so an erase and a merge never wait for each other in a circle
  const family = await customerFamily(deps.directory, customerId);
  const report = await deps.lock.runAll(family, async () => {
    const ids = await customerFamily(deps.directory, customerId);
    const erased: Record<string, number> = {};
    const add = (key: string, n: number) => (erased[key] = (erased[key] ?? 0) + n);
    const identities = [];
    for (const id of ids) identities.push(...(await deps.directory.exportCustomer(id)).identities);

    for (const id of ids) {
      for (const [section, records] of Object.entries(recordSections(deps))) add(section, await records.eraseCustomer(id));
      add('promotions', await deps.promotions.eraseCustomer(id));
    }
    const stateKeys = ids.map((id) => deps.stateKey(id));
    add('state', Object.keys(await deps.botState.read(stateKeys)).length);
    await deps.botState.delete(stateKeys);
    add('linkCodes', await deps.linkCodes.eraseIdentities(identities));
    // merged shells first, the customer itself last: until then a failed erase can be run again
    for (const id of [...ids].reverse()) add('customer', await deps.directory.eraseCustomer(id));
    return { customerId, mergedCustomers: ids.slice(1), erased };
  });
  await deps.store.compact();
  return report;
}
