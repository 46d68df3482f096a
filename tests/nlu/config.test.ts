import { ConfigError, loadConfig, testConfig } from '../../config';

describe('NLU config keys', () => {
  test('defaults: local mode, 3000 ms LLM timeout', () => {
    const c = testConfig();
    expect(c.NLU_MODE).toBe('local');
    expect(c.NLU_LLM_TIMEOUT_MS).toBe(3000);
    expect(c.NLU_LLM_THRESHOLD).toBeGreaterThan(0);
    expect(c.NLU_REVIEW_THRESHOLD).toBeGreaterThan(0);
  });

  test('values are parsed from strings', () => {
    const c = testConfig({ NLU_MODE: 'llm', NLU_LLM_THRESHOLD: '0.7', NLU_LLM_TIMEOUT_MS: '1500' });
    expect([c.NLU_MODE, c.NLU_LLM_THRESHOLD, c.NLU_LLM_TIMEOUT_MS]).toEqual(['llm', 0.7, 1500]);
  });

  test('bad values name the key', () => {
    expect(() => loadConfig({ NLU_MODE: 'cloud' }, null)).toThrow(ConfigError);
    expect(() => loadConfig({ NLU_LLM_THRESHOLD: '2' }, null)).toThrow(/NLU_LLM_THRESHOLD/);
    expect(() => loadConfig({ NLU_LLM_TIMEOUT_MS: 'soon' }, null)).toThrow(/NLU_LLM_TIMEOUT_MS/);
  });
});
