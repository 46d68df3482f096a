/**
 * Merging customers is atomic with respect to their turns (issue 9, hole 6): a one-per-customer coupon
 * stays one for the merged customer, whether the claims came before the link or race it, and a turn
 * that resolved the merged-away id before the merge runs and writes under the survivor.
 */
import type { TurnContext } from 'botbuilder';
import { AccountLinkingMiddleware } from '../../bots/accountLinkingMiddleware';
import { CustomerServiceBot, RootDialog } from '../../bots/CustomerServiceBot';
import { CustomerState, customerIdOf, customerStateKey } from '../../dialogs/turn/customerState';
import { ConversationReferences, CustomerDirectory, CustomerLock } from '../../services/customers';
import { LinkCodes } from '../../services/customers/linkCodes';
import type { ChannelIdentity } from '../../services/customers';
import { silentLogger } from '../../platform/logger';
import { createPromotions, CouponDoc, Promotions, seedDemoPromotions } from '../../services/promotions';
import { DocumentBotStorage, EmbeddedStore } from '../../storage';
import { appChannelSender } from '../helpers/botHarness';
import { ScriptedRecognizer } from '../helpers/scriptedRecognizer';

const PROMO = 'promo-welcome-20'; // one per customer
const app: ChannelIdentity = { channelId: 'app', userId: 'ann' };
const tg: ChannelIdentity = { channelId: 'telegram', userId: 'ann-tg' };

/** A gate the claim dialog waits at, so a test can hold turns inside their lock. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened, isOpen: false };
}

async function setup() {
  const store = new EmbeddedStore(null);
  await seedDemoPromotions(store);
  const lock = new CustomerLock(store);
  const directory = new CustomerDirectory(store, lock);
  const references = new ConversationReferences(store);
  const state = new CustomerState(new DocumentBotStorage(store));
  const promotions: Promotions = await createPromotions(store, { ttlMs: 0 });
  directory.onMerge((s, m) => references.move(s, m));
  directory.onMerge((s, m) => state.merge(s, m));
  directory.onMerge((s, m) => promotions.moveCustomer(s, m));
  const claims = state.createProperty<{ n: number }>('claims');
  let hold: ReturnType<typeof gate> | undefined;
  let inside: (() => void)[] = [];
  const dialog: RootDialog = {
    async run(context: TurnContext) {
      inside.forEach((signal) => signal());
      if (hold) await hold.opened;
      const result = await promotions.coupons.issue(customerIdOf(context), PROMO);
      const c = await claims.get(context, { n: 0 });
      await claims.set(context, { n: c.n + 1 });
      await context.sendActivity(result.ok ? 'coupon' : 'limit');
    },
  };
  await LinkCodes.ensureIndexes(store);
  const linking = new AccountLinkingMiddleware({ codes: new LinkCodes(store), directory, state, logger: silentLogger() });
  const bot = new CustomerServiceBot({
    ...{ directory, references, lock, state, dialog, middleware: [linking] },
    ...{ recognizer: new ScriptedRecognizer(), logger: silentLogger() },
  });
  const send = appChannelSender(bot);
  const coupons = store.collection<CouponDoc>('coupons');
  return {
    store,
    lock,
    directory,
    promotions,
    coupons,
    claim: (who: ChannelIdentity) => send(who.userId, 'claim', who.channelId),
    say: async (who: ChannelIdentity, text: string) => (await send(who.userId, text, who.channelId)).map((a) => a.text ?? ''),
    hold: () => (hold = gate()),
    /** resolves once `count` turns are inside the dialog */
    entered: (count: number) => new Promise<void>((resolve) => {
      let seen = 0;
      inside = [() => ++seen === count && resolve()];
    }),
  };
}

describe('merging customers while they talk', () => {
  it('claim on two channels, then link: the merged customer keeps one live coupon, the other is voided with a reason', async () => {
    const t = await setup();
    await t.claim(app);
    await t.claim(tg);
    const merged = (await t.directory.find(tg))!;
    const survivor = await t.directory.link(app, tg);
    const live = await t.promotions.coupons.valid(survivor);
    expect(live.filter((c) => c.promotionId === PROMO)).toHaveLength(1);
    const all = await t.coupons.find({});
    expect(all).toHaveLength(2);
    expect(all.filter((c) => c.customerId === merged)).toHaveLength(0);
    expect(all.find((c) => c.status !== 'issued')).toMatchObject({ status: 'void', voidReason: 'merged_over_limit', customerId: survivor });
    // and the limit keeps holding afterwards, on either channel
    expect((await t.promotions.coupons.issue(survivor, PROMO)).ok).toBe(false);
  });

  it('a link racing two claims (one per channel) still leaves one live coupon, none under the merged-away id', async () => {
    const t = await setup();
    const survivorId = await t.directory.resolve(app);
    const mergedId = await t.directory.resolve(tg);
    const hold = t.hold();
    const bothInside = t.entered(2);
    // open the gate as soon as the link asks for a customer lock, or (without locks) once it merged
    const run = t.lock.run.bind(t.lock);
    let linking = false;
    t.lock.run = ((id: string, work: () => Promise<unknown>) => {
      if (linking) hold.open();
      return run(id, work);
    }) as CustomerLock['run'];
    t.directory.onMerge(async () => hold.open());
    const results = await Promise.all([
      t.claim(app),
      t.claim(tg),
      (async () => {
        await bothInside;
        linking = true;
        return t.directory.link(app, tg);
      })(),
    ]);
    expect(results[2]).toBe(survivorId);
    expect(await t.coupons.find({ customerId: mergedId })).toHaveLength(0);
    expect((await t.promotions.coupons.valid(survivorId)).filter((c) => c.promotionId === PROMO)).toHaveLength(1);
    expect((await t.promotions.coupons.issue(survivorId, PROMO)).ok).toBe(false);
  });

  it('a turn that resolved the old id before the merge runs, and writes, under the survivor', async () => {
    const t = await setup();
    const survivorId = await t.directory.resolve(app);
    const mergedId = await t.directory.resolve(tg);
    // the Telegram turn resolves its customer, then the merge happens before it gets the lock
    const resolve = t.directory.resolve.bind(t.directory);
    let armed = true;
    let resolvedOld!: () => void;
    const oldResolved = new Promise<void>((r) => (resolvedOld = r));
    let merged!: () => void;
    const mergeDone = new Promise<void>((r) => (merged = r));
    t.directory.resolve = async (identity: ChannelIdentity) => {
      const id = await resolve(identity);
      if (armed && identity.userId === tg.userId) {
        armed = false;
        resolvedOld();
        await mergeDone;
      }
      return id;
    };
    const turn = t.claim(tg);
    await oldResolved;
    await t.directory.link(app, tg);
    merged();
    const replies = await turn;
    expect(replies.map((r) => r.text)).toEqual(['coupon']);
    expect((await t.coupons.find({})).map((c) => c.customerId)).toEqual([survivorId]);
    const states = await t.store.collection<{ _id: string }>('botState').find({});
    expect(states.map((s) => s._id)).not.toContain(customerStateKey(mergedId));
    expect((await t.directory.get(mergedId))?.mergedInto).toBe(survivorId);
    expect(await t.directory.current(mergedId)).toBe(survivorId);
  });

  it('two customers sending each other their link codes at the same moment do not deadlock: one customer results', async () => {
    const t = await setup();
    const [bo, boTg] = [{ channelId: 'app', userId: 'bo' }, { channelId: 'telegram', userId: 'bo-tg' }];
    const codeOf = async (who: ChannelIdentity) => /(\d{6})/.exec((await t.say(who, '绑定'))[0])?.[1] ?? '';
    const [codeApp, codeTg] = [await codeOf(bo), await codeOf(boTg)];
    // each turn holds its own customer's lock and links to the other's
    const [a, b] = await Promise.all([t.say(bo, codeTg), t.say(boTg, codeApp)]);
    expect([...a, ...b].filter((r) => /绑定成功/.test(r)).length).toBeGreaterThanOrEqual(1);
    expect(await t.directory.find(bo)).toBe(await t.directory.find(boTg));
  });
});
