/**
 * The greeting a customer gets when they open a conversation, with the four things most people came for
 * as quick replies (chips every area already reads back), so the first step is a tap, not typing.
 */
import type { Activity } from 'botbuilder';
import { withChoices } from '../dialogs/flow/choices';
import { ReplyLanguage, say } from '../dialogs/flow/language';
import { CHIP_TEXT } from '../dialogs/flow/text';
import { BOT_TEXT } from './text';

const WELCOME_CHIPS = [CHIP_TEXT.recommendSkincare, CHIP_TEXT.trackMyOrder, CHIP_TEXT.currentOffers, CHIP_TEXT.agent];

export function welcomeActivity(lang: ReplyLanguage): Partial<Activity> {
  return withChoices(say(lang, BOT_TEXT.welcome), WELCOME_CHIPS.map((chip) => say(lang, chip)));
}
