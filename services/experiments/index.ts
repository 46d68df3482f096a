/** A/B experiments of the bot's strategies: the service, the tests it reports, the assignment. */
export { ExperimentService } from './experimentService';
export type { ExperimentSettings } from './experimentService';
export { ExperimentError } from './types';
export type { ExperimentArms, ExperimentResult, VariantResult } from './types';
export { assignVariant, bucketOf } from './assignment';
export { significanceOf, twoProportionZ, chiSquareTest, chiSquareSurvival, normalCdf } from './significance';
export type { TestResult, ArmCounts } from './significance';
export { reminderDaysOf, STRATEGIES } from './types';
export type { Strategy, OutcomeKind, ExperimentDoc } from './types';
