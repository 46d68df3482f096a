/**
 * The catalogue values a frame may hold, for checking frames that come from elsewhere (the LLM): category,
 * concern, skin-type and shade values, brand ids, and name → value resolution through the gazetteer.
 */
import type { Gazetteer } from '../entities/gazetteer';

export interface FrameVocabulary {
  values(type: 'category' | 'concern' | 'skin_type' | 'shade' | 'brand'): readonly string[];
  /** a value or a name of the given kind (面霜, moisturizer, face_cream…) → the vocabulary's value */
  resolve(type: 'category' | 'concern' | 'skin_type' | 'shade' | 'brand' | 'product', nameOrValue: string): string | undefined;
}

export function frameVocabulary(gazetteer: Gazetteer): FrameVocabulary {
  const byType = new Map<string, Set<string>>();
  for (const t of gazetteer.terms()) {
    const set = byType.get(t.type) ?? new Set<string>();
    set.add(t.value);
    byType.set(t.type, set);
  }
  const lists = new Map([...byType].map(([type, set]) => [type, [...set]]));
  return {
    values: (type) => lists.get(type) ?? [],
    resolve: (type, nameOrValue) => {
      if (byType.get(type)?.has(nameOrValue)) return nameOrValue;
      const term = gazetteer.lookup(nameOrValue.trim());
      return term?.type === type ? term.value : undefined;
    },
  };
}
