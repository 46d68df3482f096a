/**
 * The picture of the product-page cards (`miniprogrampage` needs a thumb_media_id: temporary media,
 * valid 3 days). The file MINIPROGRAM_CARD_THUMB is uploaded once and its media_id kept in the store for
 * 2.5 days, shared by every instance (a second upload by a racing instance is harmless: both ids work).
 * No file, or an upload that fails: undefined, and cards go out as link cards instead.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../platform/logger';
import type { DocumentStore } from '../../storage/documentStore';
import type { MiniProgramApi } from './miniProgramApi';

const COLLECTION = 'miniProgramMedia';
const KEEP_MS = 60 * 60 * 60 * 1000; // 2.5 days of WeChat's 3
const RETRY_AFTER_FAILURE_MS = 10 * 60 * 1000;

interface MediaDoc {
  _id: string;
  mediaId: string;
  expiresAt: Date;
}

export class CardThumb {
  private cached?: { mediaId: string; until: number };
  private failedAt = 0;
  private pending?: Promise<string | undefined>;

  constructor(
    private readonly o: { store: DocumentStore; api: Pick<MiniProgramApi, 'uploadImage'>; appId: string; file?: string; logger: Logger; now?: () => number },
  ) {}

  /** The media id to show, or undefined (no picture configured, or WeChat would not take it). */
  mediaId(): Promise<string | undefined> {
    const now = this.o.now?.() ?? Date.now();
    if (!this.o.file) return Promise.resolve(undefined);
    if (this.cached && this.cached.until > now) return Promise.resolve(this.cached.mediaId);
    if (now - this.failedAt < RETRY_AFTER_FAILURE_MS) return Promise.resolve(undefined);
    this.pending ??= this.load(now).finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async load(now: number): Promise<string | undefined> {
    const docs = this.o.store.collection<MediaDoc>(COLLECTION);
    const id = `thumb:${this.o.appId}:${path.basename(this.o.file!)}`;
    try {
      const stored = await docs.findOne({ _id: id });
      if (stored && new Date(stored.expiresAt).getTime() > now) {
        this.cached = { mediaId: stored.mediaId, until: new Date(stored.expiresAt).getTime() };
        return stored.mediaId;
      }
      const mediaId = await this.o.api.uploadImage(await fs.readFile(this.o.file!), path.basename(this.o.file!));
      const expiresAt = new Date(now + KEEP_MS);
      await docs.updateOne({ _id: id }, { $set: { mediaId, expiresAt } }, { upsert: true });
      this.cached = { mediaId, until: expiresAt.getTime() };
      return mediaId;
    } catch (err) {
      this.failedAt = now;
      const e = err as Error & { errcode?: number };
      this.o.logger.warn({ err: { name: e.name, message: e.message, errcode: e.errcode } }, 'Mini Program card picture could not be uploaded: product cards go out as links');
      return undefined;
    }
  }
}
