/**
 * botbuilder's CloudAdapter with its turn entry point opened up. CloudAdapter.process() reads the raw
 * request, authenticates it and console.errors every rejection with a stack; our route does those steps
 * itself (schema, quiet authentication, one log line) and hands over only an activity it accepted.
 */
import { Activity, CloudAdapter, ConfigurationBotFrameworkAuthentication, InvokeResponse, ResourceResponse, TurnContext } from 'botbuilder';
import { render } from './render'; // [C]

export type AuthenticatedRequest = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

export class BotFrameworkAdapter extends CloudAdapter {
  // [C] cards as these clients show them (the lead for card channels; no picture they cannot load)
  sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    return super.sendActivities(context, activities.map(render));
  }

  /** `verified` is the result of authenticating the request, or '' for Emulator traffic (authentication disabled). */
  runTurn(
    verified: AuthenticatedRequest | '',
    activity: Partial<Activity>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return verified === ''
      ? this.processActivity('', activity as Activity, logic)
      : this.processActivity(verified, activity as Activity, logic);
  }
}
