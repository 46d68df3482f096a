import { detectLanguage } from '../../nlu/language';
import { localRecognizer } from './helpers';

describe('language', () => {
  test.each([
    ['我的快递到哪了', 'zh'],
    ['Where is my order?', 'en'],
    ['我的order到哪了，tracking number是多少', 'mixed'],
    ['这个serum怎么用', 'mixed'],
    ['ok 谢谢', 'zh'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  test('brand and product names do not make Chinese mixed', () => {
    const r = localRecognizer();
    expect(r.recognizeSync('Estee Lauder小棕瓶和Lancome哪个好').language).toBe('zh');
    expect(r.recognizeSync('I want the 小黑瓶 please').language).toBe('en');
  });

  test('text without words follows the locale hint', () => {
    expect(detectLanguage('123456789012', [], 'en-US')).toBe('en');
    expect(detectLanguage('？？', [], 'zh-CN')).toBe('zh');
    expect(detectLanguage('👍')).toBe('zh');
  });
});
