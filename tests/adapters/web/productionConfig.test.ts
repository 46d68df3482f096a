/** Web chat in production: visitors are recognised by a cookie signed with DIRECTLINE_SECRET, so it must be fixed. */
import { ConfigError, loadConfig } from '../../../config';
import { webChatProductionIssues } from '../../../adapters/web/config';

const production = {
  NODE_ENV: 'production',
  APP_API_KEY: 'app-key-0123456789abcdef',
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
};

describe('web chat in production', () => {
  it('refuses to start without DIRECTLINE_SECRET, naming the key', () => {
    try {
      loadConfig(production, null);
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).issues.map((i) => i.key)).toEqual(['DIRECTLINE_SECRET']);
    }
  });

  it('starts with it; development makes a random one as before', () => {
    expect(loadConfig({ ...production, DIRECTLINE_SECRET: 's'.repeat(40) }, null).DIRECTLINE_SECRET).toBe('s'.repeat(40));
    expect(webChatProductionIssues({ NODE_ENV: 'development' })).toEqual([]);
  });
});
