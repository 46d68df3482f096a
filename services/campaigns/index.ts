/** The campaign engine's public surface (wired in index.ts; the admin routes use CampaignEngine). */
export { CampaignEngine } from './engine';
export type { CampaignEngineOptions, CampaignSummary, Jobs, NewCampaign } from './engine';
export { SegmentRecorder } from './segments';
export { profilesFromBotState } from './audienceReader';
export type { ProfileFacts, ProfileReader } from './audienceReader';
export type { CampaignReport } from './reports';
export * from './types';
export { alertSubscribers } from './alertSource';
