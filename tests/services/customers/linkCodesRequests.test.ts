import { linkRequestOf } from '../../../bots/accountLinkingMiddleware';

describe('what counts as an account-link message', () => {
  it.each(['绑定', '绑定账号', '绑定帐号', '我要绑定账号', '帮我关联一下账号', '绑定一下吧', 'link my account', 'Link account', 'please connect my accounts', '绑定。'])(
    '%s asks for a code',
    (text) => expect(linkRequestOf(text)).toEqual({ kind: 'ask' }),
  );

  it.each([
    ['123456', { kind: 'code', code: '123456', explicit: false }],
    [' 654321 ', { kind: 'code', code: '654321', explicit: false }],
    ['绑定 123456', { kind: 'code', code: '123456', explicit: true }],
    ['绑定码：123456', { kind: 'code', code: '123456', explicit: true }],
    ['link 123456', { kind: 'code', code: '123456', explicit: true }],
  ])('%s carries a code', (text, expected) => expect(linkRequestOf(text)).toEqual(expected));

  it.each(['绑定手机号怎么改', '1234567', '12345', '1688000000000104', '我的快递到哪了', 'link', '订单 123456 到哪了', ''])(
    '%s is not for linking',
    (text) => expect(linkRequestOf(text)).toBeUndefined(),
  );
});
