/** What the shopping guide and marketing dialogs are built with (injected in index.ts). */
import type { StatePropertyAccessor } from 'botbuilder';
import type { KnowledgeBase } from '../../knowledge/types';
import type { CustomerProfile } from '../../services/customers/profile';
import type { Promotions } from '../../services/promotions';
import type { ExperimentArms } from '../../services/experiments';
import type { GuideState } from './guideState';

export interface ShoppingDeps {
  profile: StatePropertyAccessor<CustomerProfile>;
  guide: StatePropertyAccessor<GuideState>;
  knowledge: KnowledgeBase;
  promotions: Promotions;
  /** base of add-to-cart links (default https://shop.example/cart) */
  cartBase?: string;
  now?: () => Date;
  /** running A/B experiments (offer type on hesitation, discovery order); absent or none running: today's behaviour */
  experiments?: ExperimentArms;
}
