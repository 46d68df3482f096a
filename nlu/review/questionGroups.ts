/**
 * Groups the questions the bot could not answer so the store can write the missing FAQ. Explainable on
 * purpose: a question's words are its jieba tokens (the project's one segmenter) minus function words,
 * and two questions belong together when the Jaccard overlap of their words reaches the threshold
 * (shared words / all words of both). Groups are the connected questions (single link), biggest first.
 */
import { contentWords, jaccard } from '../../platform/text/wordOverlap';

/** question words, particles and pronouns: they say that something is asked, not what */
const FUNCTION_WORDS = new Set(
  (
    '的 了 吗 嘛 呢 啊 呀 吧 哦 么 是 有 在 和 与 就 都 也 还 要 想 能 会 可以 可 请问 请 问 问下 一下 我 你 您 你们 我们 他 她 它 这 那 这个 那个 ' +
    '用 支持 怎么 怎么样 怎样 如何 什么 啥 哪 哪里 哪儿 多少 几 是不是 有没有 能不能 可不可以 谢谢 亲 客服 ' +
    'a an the is are am be do does did can could will would should i you we it my your our me to of for in on at and or with what how when where which who why please'
  ).split(' '),
);

export function questionWords(text: string): Set<string> {
  return contentWords(text, FUNCTION_WORDS);
}

export interface UnansweredQuestion {
  id: string;
  text: string;
  /** how many times customers asked it */
  count: number;
}

export interface QuestionGroup {
  /** messages in the group (every time any of its questions was asked) */
  size: number;
  /** its distinct questions, most asked first (at most 10) */
  examples: string[];
  /** the question to start the FAQ entry from: the one most like the others, the most asked on a tie */
  suggestedQuestion: string;
  /** the words most of its questions share: why they are one group */
  words: string[];
  ids: string[];
}

export const DEFAULT_THRESHOLD = 0.34;

export function groupQuestions(questions: UnansweredQuestion[], threshold = DEFAULT_THRESHOLD): QuestionGroup[] {
  const words = questions.map((q) => questionWords(q.text));
  const parent = questions.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  const similarity = new Map<string, number>();
  for (let i = 0; i < questions.length; i++) {
    for (let j = i + 1; j < questions.length; j++) {
      const s = jaccard(words[i], words[j]);
      if (s < threshold) continue;
      similarity.set(`${i}:${j}`, s);
      parent[root(j)] = root(i);
    }
  }
  const members = new Map<number, number[]>();
  questions.forEach((_, i) => members.set(root(i), [...(members.get(root(i)) ?? []), i]));
  const groups = [...members.values()].map((list) => describe(list, questions, words, similarity));
  return groups.sort((a, b) => b.size - a.size || b.examples.length - a.examples.length);
}

function describe(list: number[], questions: UnansweredQuestion[], words: Set<string>[], similarity: Map<string, number>): QuestionGroup {
  const byCount = [...list].sort((a, b) => questions[b].count - questions[a].count);
  const closeness = (i: number) => list.reduce((sum, j) => sum + (i === j ? 0 : (similarity.get(i < j ? `${i}:${j}` : `${j}:${i}`) ?? 0)), 0);
  const central = byCount.reduce((best, i) => (closeness(i) > closeness(best) ? i : best), byCount[0]);
  const wordCounts = new Map<string, number>();
  for (const i of list) for (const w of words[i]) wordCounts.set(w, (wordCounts.get(w) ?? 0) + 1);
  const shared = [...wordCounts].filter(([, n]) => list.length === 1 || n >= 2).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([w]) => w);
  return {
    size: list.reduce((sum, i) => sum + questions[i].count, 0),
    examples: byCount.slice(0, 10).map((i) => questions[i].text),
    suggestedQuestion: questions[central].text,
    words: shared,
    ids: byCount.map((i) => questions[i].id),
  };
}
