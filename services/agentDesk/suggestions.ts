/**
 * Suggested replies: FAQ answers to what the customer asked last. The customer's last few messages are
 * looked up newest first and the answers merged without repeats, so the best guess for the latest
 * question comes first and the agent can still pick one for an earlier question.
 */
import type { HandoffRecord } from '../handoff';
import type { HistoryEntry, SuggestReplies } from './types';

const ASKED = 3;
const LIMIT = 5;

function languageOfText(text: string, fallback: string | undefined): 'zh' | 'en' {
  if (/[\u4e00-\u9fff]/.test(text)) return 'zh';
  if (/[a-z]{2,}/i.test(text)) return 'en';
  return fallback === 'en' ? 'en' : 'zh';
}

/** The customer's last messages, newest first: from the history, else from the handoff summary. */
export function lastQuestions(history: HistoryEntry[], record: HandoffRecord | null): string[] {
  const said = history.filter((e) => e.from === 'customer').map((e) => e.text);
  const source = said.length > 0 ? said : [...(record?.summary?.lastTurns ?? []), ...(record?.inbox ?? []).map((m) => m.text)];
  return source
    .map((t) => t.trim())
    .filter(Boolean)
    .slice(-ASKED)
    .reverse();
}

export async function suggestReplies(questions: string[], language: string | undefined, suggest: SuggestReplies): Promise<{ text: string; source: string }[]> {
  const out: { text: string; source: string }[] = [];
  for (const question of questions) {
    for (const hit of await suggest(question, languageOfText(question, language))) {
      if (!out.some((o) => o.text === hit.text)) out.push(hit);
      if (out.length >= LIMIT) return out;
    }
  }
  return out;
}
