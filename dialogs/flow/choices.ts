/**
 * The one builder of choices: a text with suggested actions (imBack buttons). Channels with buttons show
 * them, Telegram as a keyboard, and channels without (WeChat, voice) as a numbered list the customer
 * answers by number or by typing (adapters/renderKit.ts). A choice is its text, or a title shown for a
 * value sent back ("小棕瓶 ¥599" → "1688000000000103").
 */
import { ActionTypes, Activity, CardAction, MessageFactory } from 'botbuilder';

export type ChoiceLike = string | { title: string; value: string };

export function withChoices(text: string, choices: ChoiceLike[]): Partial<Activity> {
  const actions: CardAction[] = choices.map((c) =>
    typeof c === 'string' ? { type: ActionTypes.ImBack, title: c, value: c } : { type: ActionTypes.ImBack, title: c.title, value: c.value },
  );
  return MessageFactory.suggestedActions(actions, text);
}
