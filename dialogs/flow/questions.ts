/**
 * Does a message read as a question ("…吗？", "how …")? MainDialog lets a question switch away from a
 * waiting prompt with less NLU certainty than a statement; the shopping guide introduces a product
 * instead of answering when the message is no question at all.
 */
const QUESTION_LIKE =
  /[?？]|吗|呢|么|多少|怎么|如何|什么|哪|能不能|可不可以|有没有|是否|几天|几号|\b(how|what|which|when|where|why|does|do|is|are|can|could|will|should)\b/i;

export function isQuestionLike(text: string): boolean {
  return QUESTION_LIKE.test(text);
}
