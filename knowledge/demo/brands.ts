/**
 * Demo store brands (written for this project). `own: true` = sold in our store; `own: false` = a
 * competitor kept only so customers can compare. Aliases are the ways customers type a brand, common
 * wrong characters included (兰寇, 雅思兰黛): a shop keeps such a list because input methods produce them.
 */
import type { Brand } from '../types';

export const demoBrands: Brand[] = [
  // house label of the demo store
  { _id: 'pureorigin', name: '初研', nameEn: 'Pure Origin', aliases: ['初研', 'Pure Origin', 'PureOrigin', '初研实验室'], own: true, country: 'CN' },
  // brands the store carries
  { _id: 'esteelauder', name: '雅诗兰黛', nameEn: 'Estée Lauder', aliases: ['雅诗兰黛', 'Estée Lauder', 'Estee Lauder', 'EL', '雅诗', 'ESTEE LAUDER', '雅思兰黛'], own: true, country: 'US' },
  { _id: 'lancome', name: '兰蔻', nameEn: 'Lancôme', aliases: ['兰蔻', 'Lancôme', 'Lancome', 'LANCOME', '兰寇'], own: true, country: 'FR' },
  { _id: 'loreal', name: '欧莱雅', nameEn: "L'Oréal Paris", aliases: ['欧莱雅', '巴黎欧莱雅', "L'Oréal", "L'OREAL", 'Loreal', 'LOREAL', "L'Oreal", '欧莱亚'], own: true, country: 'FR' },
  { _id: 'skii', name: 'SK-II', nameEn: 'SK-II', aliases: ['SK-II', 'SK2', 'SKII', 'SK-2', 'sk二'], own: true, country: 'JP' },
  { _id: 'shiseido', name: '资生堂', nameEn: 'Shiseido', aliases: ['资生堂', 'Shiseido', 'SHISEIDO'], own: true, country: 'JP' },
  { _id: 'chando', name: '自然堂', nameEn: 'CHANDO', aliases: ['自然堂', 'CHANDO', 'Chando'], own: true, country: 'CN' },
  { _id: 'proya', name: '珀莱雅', nameEn: 'PROYA', aliases: ['珀莱雅', 'PROYA', 'Proya', '泊莱雅'], own: true, country: 'CN' },
  { _id: 'winona', name: '薇诺娜', nameEn: 'WINONA', aliases: ['薇诺娜', 'WINONA', 'Winona'], own: true, country: 'CN' },
  { _id: 'olay', name: '玉兰油', nameEn: 'OLAY', aliases: ['玉兰油', 'OLAY', 'Olay', '欧蕾'], own: true, country: 'US' },
  { _id: 'herborist', name: '佰草集', nameEn: 'Herborist', aliases: ['佰草集', 'Herborist', 'HERBORIST'], own: true, country: 'CN' },
  { _id: 'inoherb', name: '相宜本草', nameEn: 'Inoherb', aliases: ['相宜本草', 'Inoherb', 'INOHERB'], own: true, country: 'CN' },
  { _id: 'mac', name: '魅可', nameEn: 'M·A·C', aliases: ['魅可', 'MAC', 'M·A·C', 'M.A.C'], own: true, country: 'CA' },
  { _id: 'dior', name: '迪奥', nameEn: 'Dior', aliases: ['迪奥', 'Dior', 'DIOR', 'CD'], own: true, country: 'FR' },
  { _id: 'perfectdiary', name: '完美日记', nameEn: 'Perfect Diary', aliases: ['完美日记', 'Perfect Diary', 'PerfectDiary', 'PD'], own: true, country: 'CN' },
  { _id: 'florasis', name: '花西子', nameEn: 'Florasis', aliases: ['花西子', 'Florasis', 'FLORASIS'], own: true, country: 'CN' },
  { _id: 'kerastase', name: '卡诗', nameEn: 'Kérastase', aliases: ['卡诗', 'Kérastase', 'Kerastase', 'KERASTASE'], own: true, country: 'FR' },
  { _id: 'pantene', name: '潘婷', nameEn: 'Pantene', aliases: ['潘婷', 'Pantene', 'PANTENE'], own: true, country: 'US' },
  { _id: 'schwarzkopf', name: '施华蔻', nameEn: 'Schwarzkopf', aliases: ['施华蔻', 'Schwarzkopf', 'SCHWARZKOPF'], own: true, country: 'DE' },
  // competitors (not sold here; kept for comparisons)
  { _id: 'helena', name: '赫莲娜', nameEn: 'Helena Rubinstein', aliases: ['赫莲娜', 'Helena Rubinstein', 'HR'], own: false, country: 'FR' },
  { _id: 'skinceuticals', name: '修丽可', nameEn: 'SkinCeuticals', aliases: ['修丽可', 'SkinCeuticals', 'SKC'], own: false, country: 'US' },
  { _id: 'kiehls', name: '科颜氏', nameEn: "Kiehl's", aliases: ['科颜氏', "Kiehl's", 'Kiehls', 'KIEHLS'], own: false, country: 'US' },
  { _id: 'lamer', name: '海蓝之谜', nameEn: 'La Mer', aliases: ['海蓝之谜', 'La Mer', 'LaMer', 'LAMER'], own: false, country: 'US' },
  { _id: 'clarins', name: '娇韵诗', nameEn: 'Clarins', aliases: ['娇韵诗', 'Clarins', 'CLARINS'], own: false, country: 'FR' },
  { _id: 'armani', name: '阿玛尼', nameEn: 'Giorgio Armani', aliases: ['阿玛尼', 'Armani', 'Giorgio Armani', 'GA'], own: false, country: 'IT' },
  { _id: 'chanel', name: '香奈儿', nameEn: 'Chanel', aliases: ['香奈儿', 'Chanel', 'CHANEL'], own: false, country: 'FR' },
  { _id: 'nars', name: 'NARS', nameEn: 'NARS', aliases: ['NARS', '纳斯'], own: false, country: 'US' },
  { _id: 'anessa', name: '安热沙', nameEn: 'ANESSA', aliases: ['安热沙', 'ANESSA', 'Anessa', '安耐晒'], own: false, country: 'JP' },
  { _id: 'moroccanoil', name: '摩洛哥油', nameEn: 'Moroccanoil', aliases: ['摩洛哥油', 'Moroccanoil', 'MOROCCANOIL'], own: false, country: 'IL' },
];
