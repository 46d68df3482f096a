/**
 * Needs discovery: asks for what the profile does not know yet (skin type, then main concern) and
 * remembers the answers in the customer's profile, which follows the customer across channels.
 * A questions-only first cut of the shopping guide; recommendations come with the dialogs issue.
 */
import { StatePropertyAccessor } from 'botbuilder';
import { ChoicePrompt, ComponentDialog, FoundChoice, ListStyle, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { CustomerProfile } from '../../services/customers/profile';
import type { DialogArea } from '../dialogArea';
import { replyLanguage, say } from '../language';

export const NEEDS_DISCOVERY_DIALOG = 'needsDiscoveryDialog';
const SKIN_PROMPT = 'skinTypePrompt';
const CONCERN_PROMPT = 'concernPrompt';
const FLOW = 'needsDiscoveryFlow';

const SKIN_TYPES = [
  { value: '干皮', en: 'Dry', synonyms: ['干性', '干皮', 'dry', '干'] },
  { value: '油皮', en: 'Oily', synonyms: ['油性', '油皮', 'oily', '油', '大油皮'] },
  { value: '混合皮', en: 'Combination', synonyms: ['混合', '混油', '混干', 'combination', 'combo'] },
  { value: '敏感肌', en: 'Sensitive', synonyms: ['敏感', '敏敏肌', 'sensitive'] },
];
const CONCERNS = [
  { value: '保湿', en: 'Hydration', synonyms: ['补水', '保湿', 'hydration', 'moisture', '干燥'] },
  { value: '抗老', en: 'Anti-ageing', synonyms: ['抗老', '抗衰', '细纹', '皱纹', 'anti-aging', 'anti-ageing', 'wrinkles'] },
  { value: '美白', en: 'Brightening', synonyms: ['美白', '提亮', '淡斑', 'brightening', 'whitening'] },
  { value: '控油', en: 'Oil control', synonyms: ['控油', '出油', 'oil control', 'shine'] },
  { value: '祛痘', en: 'Acne', synonyms: ['祛痘', '痘痘', '闭口', 'acne', 'spots'] },
];

type Option = (typeof SKIN_TYPES)[number];

function choices(options: Option[], lang: 'zh' | 'en') {
  return options.map((o) => ({ value: o.value, action: { type: 'imBack', title: lang === 'en' ? o.en : o.value, value: o.value }, synonyms: o.synonyms }));
}

export class NeedsDiscoveryDialog extends ComponentDialog {
  constructor(private readonly profile: StatePropertyAccessor<CustomerProfile>) {
    super(NEEDS_DISCOVERY_DIALOG);
    for (const id of [SKIN_PROMPT, CONCERN_PROMPT]) {
      const prompt = new ChoicePrompt(id, undefined, 'zh-cn');
      prompt.style = ListStyle.suggestedAction;
      this.addDialog(prompt);
    }
    this.addDialog(
      new WaterfallDialog(FLOW, [this.skinTypeStep.bind(this), this.concernStep.bind(this), this.summaryStep.bind(this)]),
    );
    this.initialDialogId = FLOW;
  }

  private async skinTypeStep(step: WaterfallStepContext) {
    const profile = await this.profile.get(step.context, {});
    if (profile.skinType) return step.next();
    const lang = replyLanguage(step.context, profile.language);
    return step.prompt(SKIN_PROMPT, {
      prompt: say(lang, '亲，您是什么肤质呢？', 'What is your skin type?'),
      retryPrompt: say(lang, '请选一个肤质，例如「油皮」～', 'Please pick one, for example "Oily".'),
      choices: choices(SKIN_TYPES, lang),
      style: ListStyle.suggestedAction,
    });
  }

  private async concernStep(step: WaterfallStepContext) {
    const profile = await this.profile.get(step.context, {});
    const picked = step.result as FoundChoice | undefined;
    if (picked) {
      profile.skinType = picked.value;
      await this.profile.set(step.context, profile);
    }
    if (profile.concerns?.length) return step.next();
    const lang = replyLanguage(step.context, profile.language);
    return step.prompt(CONCERN_PROMPT, {
      prompt: say(lang, '您最想改善的是哪方面呢？', 'What would you most like to improve?'),
      retryPrompt: say(lang, '请选一个，例如「保湿」～', 'Please pick one, for example "Hydration".'),
      choices: choices(CONCERNS, lang),
      style: ListStyle.suggestedAction,
    });
  }

  private async summaryStep(step: WaterfallStepContext) {
    const profile = await this.profile.get(step.context, {});
    const picked = step.result as FoundChoice | undefined;
    if (picked) {
      profile.concerns = [picked.value];
      await this.profile.set(step.context, profile);
    }
    const lang = replyLanguage(step.context, profile.language);
    const skin = SKIN_TYPES.find((s) => s.value === profile.skinType);
    const concern = CONCERNS.find((c) => c.value === profile.concerns?.[0]);
    await step.context.sendActivity(
      say(
        lang,
        `好的，记下啦：${profile.skinType ?? ''}，想要${profile.concerns?.[0] ?? ''}。`,
        `Got it: ${skin?.en ?? profile.skinType} skin, focus on ${concern?.en ?? profile.concerns?.[0]}.`,
      ),
    );
    return step.endDialog(profile);
  }
}


/** The shopping guide area (first cut: needs discovery only). */
export function createShoppingGuideArea(profile: StatePropertyAccessor<CustomerProfile>): DialogArea {
  return { name: 'shoppingGuide', dialogs: [new NeedsDiscoveryDialog(profile)], routes: { recommendation: NEEDS_DISCOVERY_DIALOG } };
}
