/**
 * When a customer goes to a human, in one place (MainDialog's interruption check and the after-sales
 * flow used to keep their own copies, with the threshold written twice).
 */

/** Anger at or above this sends the customer to a human, with an apology. */
export const ANGER_THRESHOLD = 0.7;

/** An explicit request for an agent: honoured anywhere, at once, without an apology. */
export const ASKS_FOR_AGENT = /转人工|人工客服|找人工|接人工|真人客服|人工服务|\b(human|agent|real person|customer service rep)\b/i;

/**
 * Inside an after-sales problem, wider: a demand for a manager or "a real person" is an escalation, and
 * the after-sales flow apologises before it hands over.
 */
export const DEMANDS_ESCALATION =
  /转人工|人工客服|找人工|要人工|真人|活人|(找|叫)你们(的)?(经理|领导|主管)|human|real person|speak to (an? )?(agent|person|manager)|manager|supervisor/i;
