/** What the bot knows about a customer's needs; part of the customer's state, so known on every channel. */
export interface CustomerProfile {
  language?: 'zh' | 'en';
  skinType?: string; // 干皮 | 油皮 | 混合皮 | 中性皮 | 敏感肌
  concerns?: string[]; // 抗老, 保湿, 美白 …
  budgetMax?: number;
  texture?: string;
  /** products the customer looked at, newest first */
  viewedProducts?: string[];
  /** counters used to notice hesitation */
  hesitation?: { comparisons?: number; objections?: number; lastProductId?: string; revisits?: number };
}
