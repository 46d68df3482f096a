/** The decisions behind "every prompt listens" and escalation in context, without a bot around them. */
import { angerCues } from '../../../dialogs/flow/escalation';
import { picksByPlace } from '../../../dialogs/main/interruptions';
import { requestedLanguage } from '../../../dialogs/flow/language';
import { angerTurnOf, weighAnger } from '../../../dialogs/main/angerInContext';
import { listen, switchThreshold, WaitingMessage } from '../../../dialogs/main/listening';
import { asksWhatBotCanDo, dropsFlow, isClosing, splitRequests } from '../../../dialogs/main/requests';
import type { NluResult } from '../../../nlu/types';

/** A message while the skin-type question (a closed prompt) waits in needs discovery. */
const waiting = (over: Partial<WaitingMessage>): WaitingMessage => ({
  kind: 'closed',
  answers: false,
  intent: 'other',
  confidence: 0.9,
  alternatives: [],
  questionLike: false,
  bareYesNo: false,
  routed: false,
  sameFlow: false,
  restartable: false,
  flowIntents: ['recommendation'],
  closing: false,
  drops: false,
  hasAside: false,
  ...over,
});

describe('listen: a message while a prompt waits', () => {
  it('an answer to the prompt stays with the flow, even when the classifier calls it a request', () => {
    expect(listen(waiting({ answers: true, intent: 'return_refund', routed: true }))).toBe('flow');
    expect(listen(waiting({ bareYesNo: true, intent: 'order_status', routed: true }))).toBe('flow');
    expect(listen(waiting({ kind: 'freeText', intent: 'quality_issue', routed: true }))).toBe('flow');
  });

  it('a clear new request switches; thanks and goodbye end the flow; "算了，…" drops it', () => {
    expect(listen(waiting({ intent: 'return_refund', routed: true, confidence: 0.8 }))).toBe('switch');
    expect(listen(waiting({ closing: true, intent: 'thanks_bye' }))).toBe('goodbye');
    expect(listen(waiting({ drops: true, intent: 'order_status', routed: true }))).toBe('drop');
  });

  it('the same threshold is not used for every message: the margin over the alternatives moves it', () => {
    const clear = { intent: 'order_status' as const, confidence: 0.7, routed: true };
    // 0.7 with nothing close behind is a request; 0.7 with a rival at 0.65 is not
    expect(listen(waiting({ ...clear, alternatives: [{ intent: 'other', confidence: 0.2 }] }))).toBe('switch');
    expect(listen(waiting({ ...clear, alternatives: [{ intent: 'return_refund', confidence: 0.65 }] }))).toBe('flow');
    expect(switchThreshold({ questionLike: true, confidence: 0.9, alternatives: [] })).toBeLessThan(switchThreshold({ questionLike: false, confidence: 0.9, alternatives: [] }));
  });

  it('an alternative close behind that is the waiting flow\'s own intent keeps the message with the flow', () => {
    const m = waiting({ intent: 'product_info', confidence: 0.8, routed: true, alternatives: [{ intent: 'recommendation', confidence: 0.7 }] });
    expect(listen(m)).toBe('flow');
  });

  it('a question with an aside answer is answered on the side; the same request again restarts only a restartable choice', () => {
    expect(listen(waiting({ intent: 'product_info', routed: true, hasAside: true, questionLike: true, confidence: 0.6 }))).toBe('aside');
    expect(listen(waiting({ intent: 'recommendation', routed: true, sameFlow: true, restartable: true }))).toBe('restart');
    expect(listen(waiting({ intent: 'recommendation', routed: true, sameFlow: true, restartable: false }))).toBe('flow');
  });

  it('an open question takes a statement as its answer; only a clear question leaves it', () => {
    expect(listen(waiting({ kind: 'open', intent: 'order_status', routed: true }))).toBe('flow');
    expect(listen(waiting({ kind: 'open', intent: 'order_status', routed: true, questionLike: true }))).toBe('switch');
  });
});

describe('what a message says besides its intent', () => {
  it('several requests are split at their joints, one request stays whole', () => {
    expect(splitRequests('查下我的快递，顺便推荐个面霜')).toEqual(['查下我的快递', '推荐个面霜']);
    expect(splitRequests('track my order and also recommend a toner')).toEqual(['track my order', 'recommend a toner']);
    expect(splitRequests('先帮我查订单，然后推荐个面膜')).toEqual(['先帮我查订单', '推荐个面膜']);
    expect(splitRequests('这个还有货吗')).toEqual(['这个还有货吗']);
    expect(splitRequests('哦对了我上次买的东西想退货')).toHaveLength(1);
  });

  it('thanks and goodbye alone close; thanks with a request does not', () => {
    for (const t of ['谢谢 拜拜', 'ok thanks bye', '好的谢谢，先这样', '不用了谢谢', 'thank you so much!', '那先这样吧，拜拜']) expect([t, isClosing(t)]).toEqual([t, true]);
    for (const t of ['谢谢推荐，我要油皮的', '好的', 'thanks, and where is my order?', '不用了']) expect([t, isClosing(t)]).toEqual([t, false]);
  });

  it('"算了，…" with something after it drops the flow; a bare 算了 is a cancel, not a drop', () => {
    expect(dropsFlow('算了，先帮我查下订单')).toBe(true);
    expect(dropsFlow('forget it, where is my order?')).toBe(true);
    expect(dropsFlow('算了')).toBe(false);
    expect(dropsFlow('算一下多少钱')).toBe(false);
  });

  it('asking what the bot can do is told apart from asking what a product does', () => {
    for (const t of ['what can you do?', '你能干嘛', '有什么功能', '你都会些什么呀', 'how can you help me']) expect([t, asksWhatBotCanDo(t)]).toEqual([t, true]);
    expect(asksWhatBotCanDo('这款面霜有什么功能')).toBe(false);
    expect(asksWhatBotCanDo('what can this serum do for wrinkles')).toBe(false);
  });

  it('a language switch is asked for either way; naming a language is not asking for it', () => {
    expect(requestedLanguage('can we continue in English please')).toBe('en');
    expect(requestedLanguage('can you answer in English?')).toBe('en');
    expect(requestedLanguage('说英文可以吗')).toBe('en');
    expect(requestedLanguage('说中文吧')).toBe('zh');
    expect(requestedLanguage('please reply in Chinese')).toBe('zh');
    expect(requestedLanguage('看不懂英文')).toBe('zh');
    expect(requestedLanguage('这个有英文说明书吗')).toBeUndefined();
    expect(requestedLanguage('is the English label on the box?')).toBeUndefined();
  });
});

describe('anger in context', () => {
  const nlu = (intent: NluResult['intent'], anger: number, label: 'negative' | 'neutral' | 'positive' = 'negative'): NluResult =>
    ({ intent, confidence: 0.8, alternatives: [], entities: [], sentiment: { label, score: 0.8, anger }, language: 'zh' }) as NluResult;
  const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 10, minute));

  it('a message that scored only 0.64 still goes to a human when it shouts, swears and has waited a week', () => {
    const turn = angerTurnOf('发货太慢了！！等了一个星期了，气死了', nlu('complaint', 0.64));
    expect(weighAnger(undefined, turn, at(0)).escalate).toBe(true);
  });

  it('threats go to a human at once, whatever the score', () => {
    expect(angerCues('再不处理我就打12315', 0).threat).toBe(true);
    expect(angerCues("I'm filing a chargeback with my bank", 0).threat).toBe(true);
    expect(weighAnger(undefined, angerTurnOf('不退款我就去消协', nlu('refund_status', 0.1)), at(0)).escalate).toBe(true);
  });

  it('a mild complaint or a calm quality problem stays with the bot', () => {
    expect(weighAnger(undefined, angerTurnOf('发货有点慢', nlu('shipping_info', 0.3)), at(0)).escalate).toBe(false);
    expect(weighAnger(undefined, angerTurnOf('面霜用了脸上起红疹了', nlu('quality_issue', 0.2)), at(0)).escalate).toBe(false);
    expect(weighAnger(undefined, angerTurnOf('你们的快递也太慢了我要投诉', nlu('complaint', 0.4)), at(0)).escalate).toBe(false);
  });

  it('waiting and asking again build up over turns, and an old mood is forgotten', () => {
    const first = weighAnger(undefined, angerTurnOf('我的快递怎么还没到', nlu('order_status', 0.2)), at(0));
    expect(first.escalate).toBe(false);
    const second = weighAnger(first.state, angerTurnOf('还没到吗，都好几天了', nlu('order_status', 0.2)), at(1));
    expect(second.escalate).toBe(false);
    expect(weighAnger(second.state, angerTurnOf('我都问了三遍了', nlu('complaint', 0.1, 'neutral')), at(2)).escalate).toBe(true);
    // the same three messages an afternoon apart do not add up
    expect(weighAnger(second.state, angerTurnOf('我都问了三遍了', nlu('complaint', 0.1, 'neutral')), at(59 + 60)).escalate).toBe(false);
  });

  it('thanks end the mood', () => {
    const tense = weighAnger(undefined, angerTurnOf('还没发货？', nlu('order_status', 0.3)), at(0));
    expect(tense.state).toBeDefined();
    expect(weighAnger(tense.state, angerTurnOf('好的谢谢', nlu('thanks_bye', 0, 'positive')), at(1)).state).toBeUndefined();
  });
});

describe('a pick by place answers a waiting list', () => {
  it.each([
    ['the first one', 3, true],
    ['第二个', 3, true],
    ['最后一个', 3, true],
    ['最后', 3, true],
    ['3', 3, true],
    ['the fifth one', 3, false],
    ['the first one is too expensive, what else do you have', 3, false],
    ['第一个吧', 2, true],
  ])('%s (of %d) → %s', (text, count, expected) => {
    expect(picksByPlace(text, count)).toBe(expected);
  });
});
