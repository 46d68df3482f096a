/** What a live comment needs, clustering of similar questions, and moderation (pure, real segmenter and NLU). */
import type { LocalRecognizer } from '../../../nlu/localRecognizer';
import { localRecognizer } from '../../nlu/helpers';
import { BlockList, classifyComment, ClusterWindow, ViewerRateLimit } from '../../../services/live';

let nlu: LocalRecognizer;
beforeAll(() => {
  nlu = localRecognizer();
});

const room = { offers: [] as unknown[], faq: [] as { q: string; a: string }[] };
const kindOf = (text: string, r = room) => classifyComment(text, nlu.recognizeSync(text), r).kind;

describe('classifyComment', () => {
  it.each([
    ['这个适合油皮吗', 'question'],
    ['发什么快递', 'question'],
    ['快递几天到', 'question'],
    ['是正品吗', 'question'],
    ['is it good for oily skin?', 'question'],
    ['拍了', 'buy'],
    ['怎么买', 'buy'],
    ['3号链接', 'buy'],
    ['几号链接', 'buy'],
    ['我的订单到哪了', 'private'],
    ['我拍的还没发货', 'private'],
    ['收到的精华漏液了', 'private'],
    ['我要投诉', 'private'],
    ['我要退货', 'private'],
    ['主播好', 'chatter'],
    ['666', 'chatter'],
    ['哈哈哈', 'chatter'],
    ['好看', 'chatter'],
  ])('%s → %s', (text, kind) => {
    expect(kindOf(text)).toBe(kind);
  });

  it('offer questions need a room offer; the host’s FAQ makes a question of what the model calls chatter', () => {
    expect(kindOf('有赠品吗', { ...room, offers: [{}] })).toBe('offer');
    expect(kindOf('有赠品吗')).toBe('question');
    expect(kindOf('几点下播呀', { ...room, faq: [{ q: '今天几点下播', a: '十点' }] })).toBe('question');
  });

  it('reads the link number', () => {
    expect(classifyComment('5号链接', nlu.recognizeSync('5号链接'), room)).toMatchObject({ kind: 'buy', linkNumber: 5 });
    expect(classifyComment('二号链接', nlu.recognizeSync('二号链接'), room)).toMatchObject({ kind: 'buy', linkNumber: 2 });
  });
});

describe('ClusterWindow', () => {
  const add = (w: ClusterWindow<string>, text: string, viewer: string, now: number, key?: string) => w.add({ kind: 'question', text, viewer, item: viewer, key }, now);

  it('joins paraphrases and the same recognised key; keeps different questions apart', () => {
    const w = new ClusterWindow<string>(5000);
    expect(add(w, '是正品吗', 'a', 0)?.joined).toBe(false);
    expect(add(w, '保证正品吗', 'b', 10)?.joined).toBe(true);
    expect(add(w, '发什么快递', 'c', 20)?.joined).toBe(false);
    expect(add(w, '这个适合油皮吗', 'd', 30, 'product_info|skin_type:oily')?.joined).toBe(false);
    expect(add(w, '油性皮肤能用不', 'e', 40, 'product_info|skin_type:oily')?.joined).toBe(true);
    expect(w.size).toBe(3);
  });

  it('hands a cluster over once its window is over, with its count', () => {
    const w = new ClusterWindow<string>(5000);
    add(w, '是正品吗', 'a', 0);
    add(w, '正品吗', 'b', 1000);
    add(w, '发什么快递', 'c', 3000);
    expect(w.closeDue(4999)).toEqual([]);
    const due = w.closeDue(5000);
    expect(due.map((c) => [c.text, c.count, c.viewers.size])).toEqual([['是正品吗', 2, 2]]);
    // the same question after its cluster was answered opens a new one
    expect(add(w, '是正品吗', 'd', 6000)?.joined).toBe(false);
    expect(w.closeDue(8000).map((c) => c.text)).toEqual(['发什么快递']);
  });
});

describe('moderation', () => {
  it('block words: defaults and the room’s, ignoring spaces, case and full-width forms', () => {
    const b = new BlockList(['隔壁家']);
    expect(b.blocks('加 微 信 私聊')).toBe(true);
    expect(b.blocks('ＶＸ多少')).toBe(true);
    expect(b.blocks('隔壁家更便宜')).toBe(true);
    expect(b.blocks('这个适合油皮吗')).toBe(false);
  });

  it('a viewer over the per-minute limit is not heard until the minute is over', () => {
    const limit = new ViewerRateLimit(3);
    const heard = [0, 1, 2, 3, 4].map((t) => limit.allow('v', t * 1000));
    expect(heard).toEqual([true, true, true, false, false]);
    expect(limit.allow('other', 5000)).toBe(true);
    expect(limit.allow('v', 60_000)).toBe(true);
  });
});
