/**
 * The shape of the Telegram Update fields the channel reads (Bot API "Update", "Message", "User",
 * "PhotoSize", "CallbackQuery"). Every webhook body is parsed by it before any field is used, so a
 * wrong type anywhere is a 400 naming the field — not a TypeError mid-turn. Fields the channel does not
 * read pass through unchecked (Telegram adds fields over time), within the route's body limit.
 */
import { z } from 'zod';
import { describeZodIssues } from '../../platform/zodIssues';

const id = z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

export const tgUserSchema = z
  .object({
    id,
    is_bot: z.boolean().optional(),
    first_name: z.string().max(256).optional(),
    username: z.string().max(64).optional(),
    language_code: z.string().max(35).optional(),
  })
  .passthrough();

const photoSizeSchema = z
  .object({
    file_id: z.string().min(1).max(512),
    file_unique_id: z.string().max(512).optional(),
    width: z.number().int().nonnegative(),
    height: z.number().int().nonnegative(),
  })
  .passthrough();

export const tgMessageSchema = z
  .object({
    message_id: id,
    date: z.number().int().nonnegative(),
    chat: z.object({ id, type: z.string().max(32).optional() }).passthrough(),
    from: tgUserSchema.optional(),
    // Telegram's own limits are 4096 (text) and 1024 (caption) characters; allow some slack for entities
    text: z.string().max(8192).optional(),
    caption: z.string().max(4096).optional(),
    photo: z.array(photoSizeSchema).max(32).optional(),
    location: z.object({ latitude: z.number().finite(), longitude: z.number().finite() }).passthrough().optional(),
  })
  .passthrough();

const callbackQuerySchema = z
  .object({
    id: z.string().min(1).max(256),
    from: tgUserSchema,
    data: z.string().max(256).optional(),
    // an inline-mode button has no message; an inaccessible one is only checked when it is used
    message: z.unknown().optional(),
  })
  .passthrough();

export const tgUpdateSchema = z
  .object({
    update_id: id.nonnegative(),
    message: tgMessageSchema.optional(),
    callback_query: callbackQuerySchema.optional(),
  })
  .passthrough();

export type TgUser = z.infer<typeof tgUserSchema>;
export type TgMessage = z.infer<typeof tgMessageSchema>;
export type TgUpdate = z.infer<typeof tgUpdateSchema>;

/** "message.from.language_code: Expected string, received number" — the first few problems, for the 400. */
export function describeIssue(error: z.ZodError): string {
  return describeZodIssues(error, 'update');
}
