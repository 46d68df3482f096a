export * from './documentStore';
export { EmbeddedStore } from './embeddedStore';
export { MongoStore } from './mongoStore';
export { createStore } from './createStore';
export { DocumentBotStorage, EtagConflictError, IF_ABSENT, BOT_STATE_COLLECTION } from './botStateStorage';
