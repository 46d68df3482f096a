/**
 * App channel outbound rendering: the app receives channel-neutral activities and renders cards and
 * suggested actions natively, so rendering only strips what is internal to the bot.
 */
import type { Activity } from 'botbuilder';

export function render(activity: Partial<Activity>): Partial<Activity> {
  const { serviceUrl: _serviceUrl, channelData: _channelData, ...visible } = activity;
  return visible;
}
