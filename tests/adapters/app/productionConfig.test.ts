/** The app channel takes the caller's word for userId, so production requires APP_API_KEY. */
import { ConfigError, loadConfig } from '../../../config';
import { appChannelProductionIssues } from '../../../adapters/app/config';

describe('app channel in production', () => {
  it('refuses to start without APP_API_KEY, naming the key', () => {
    try {
      loadConfig({ NODE_ENV: 'production', MicrosoftAppId: 'app-id' }, null);
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).issues.map((i) => i.key)).toContain('APP_API_KEY');
      expect((err as Error).message).toMatch(/APP_API_KEY: is required in production/);
    }
  });

  it('is satisfied by the key; development needs none', () => {
    expect(appChannelProductionIssues({ NODE_ENV: 'production', APP_API_KEY: 'app-key-0123456789abcdef' })).toEqual([]);
    expect(appChannelProductionIssues({ NODE_ENV: 'development' })).toEqual([]);
    expect(loadConfig({}, null).APP_API_KEY).toBeUndefined();
  });
});
