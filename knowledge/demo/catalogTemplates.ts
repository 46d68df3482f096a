/**
 * Hand-written templates the seeded catalogue generator draws from (demo store and benchmark): product
 * types with their typical sizes, price bands, ingredients, claims, textures and usage. Our own words.
 */
import type { TopCategory } from '../types';

export interface IngredientTemplate {
  name: string;
  nameEn: string;
  /** concentration range in percent when the template discloses one */
  range?: [number, number];
}

export interface CategoryTemplate {
  category: string;
  categoryEn: string;
  topCategory: TopCategory;
  prefix: 'sk' | 'mk' | 'hc';
  /** relative frequency in a real catalogue */
  weight: number;
  price: [number, number];
  sizes: string[];
  ingredients: IngredientTemplate[];
  concerns: string[];
  skinTypes: string[];
  textures: string[];
  usage: string;
  shelfLifeMonths: number;
  paoMonths: number;
  consumptionDays: [number, number];
  shades?: 'lip' | 'cheek' | 'face' | 'eye';
}

const SKIN = ['干皮', '油皮', '混合皮', '中性皮', '敏感肌', '所有肤质'];
const HAIR = ['所有发质', '干性发质', '受损发质', '油性头皮'];

export const categoryTemplates: CategoryTemplate[] = [
  { category: '洁面', categoryEn: 'Cleanser', topCategory: 'skincare', prefix: 'sk', weight: 9, price: [39, 260], sizes: ['100g', '120g', '150ml'],
    ingredients: [{ name: '氨基酸表活', nameEn: 'Amino Acid Surfactant' }, { name: '水杨酸', nameEn: 'Salicylic Acid', range: [0.5, 2] }, { name: '甘油', nameEn: 'Glycerin' }],
    concerns: ['清洁', '控油', '保湿', '祛痘'], skinTypes: SKIN, textures: ['绵密泡沫', '啫喱', '膏状'], usage: '取适量加水揉出泡沫，按摩全脸后洗净。',
    shelfLifeMonths: 36, paoMonths: 12, consumptionDays: [45, 75] },
  { category: '爽肤水', categoryEn: 'Toner', topCategory: 'skincare', prefix: 'sk', weight: 8, price: [59, 680], sizes: ['150ml', '200ml', '400ml'],
    ingredients: [{ name: '透明质酸钠', nameEn: 'Sodium Hyaluronate', range: [0.1, 1] }, { name: '烟酰胺', nameEn: 'Niacinamide', range: [2, 5] }, { name: '积雪草提取物', nameEn: 'Centella Extract' },
      { name: '乙醇', nameEn: 'Alcohol Denat.' }, { name: '水杨酸', nameEn: 'Salicylic Acid', range: [0.5, 2] }],
    concerns: ['保湿', '补水', '舒缓', '提亮'], skinTypes: SKIN, textures: ['水状', '清爽', '微稠'], usage: '洁面后倒于掌心或化妆棉，轻拍全脸。',
    shelfLifeMonths: 36, paoMonths: 12, consumptionDays: [60, 90] },
  { category: '乳液', categoryEn: 'Emulsion', topCategory: 'skincare', prefix: 'sk', weight: 6, price: [69, 580], sizes: ['100ml', '120ml'],
    ingredients: [{ name: '神经酰胺', nameEn: 'Ceramide', range: [0.5, 2] }, { name: '角鲨烷', nameEn: 'Squalane' }],
    concerns: ['保湿', '修护'], skinTypes: SKIN, textures: ['轻薄乳液', '清爽', '滋润'], usage: '爽肤水后取适量均匀涂抹全脸。',
    shelfLifeMonths: 36, paoMonths: 12, consumptionDays: [50, 80] },
  { category: '精华', categoryEn: 'Serum', topCategory: 'skincare', prefix: 'sk', weight: 10, price: [99, 1600], sizes: ['15ml', '30ml', '50ml'],
    ingredients: [{ name: '玻色因', nameEn: 'Pro-Xylane', range: [1, 10] }, { name: '烟酰胺', nameEn: 'Niacinamide', range: [2, 10] }, { name: '视黄醇', nameEn: 'Retinol', range: [0.1, 1] },
      { name: '维生素C', nameEn: 'L-Ascorbic Acid', range: [5, 20] }, { name: '二裂酵母发酵产物溶胞物', nameEn: 'Bifida Ferment Lysate' }, { name: '胜肽', nameEn: 'Peptides', range: [1, 5] }],
    concerns: ['抗老', '美白', '保湿', '修护', '淡斑', '紧致', '抗氧化'], skinTypes: SKIN, textures: ['精华液', '水感凝露', '精华乳'], usage: '早晚洁面后取2-3滴按压全脸。',
    shelfLifeMonths: 36, paoMonths: 6, consumptionDays: [30, 75] },
  { category: '面霜', categoryEn: 'Cream', topCategory: 'skincare', prefix: 'sk', weight: 9, price: [79, 1800], sizes: ['30g', '50g', '50ml'],
    ingredients: [{ name: '神经酰胺', nameEn: 'Ceramide', range: [0.5, 3] }, { name: '胜肽', nameEn: 'Peptides', range: [1, 5] }, { name: '玻色因', nameEn: 'Pro-Xylane', range: [1, 8] }, { name: '角鲨烷', nameEn: 'Squalane' }],
    concerns: ['保湿', '抗老', '修护', '紧致'], skinTypes: SKIN, textures: ['乳霜', '滋润乳霜', '清爽啫喱霜'], usage: '护肤最后一步取适量，由内向外涂抹按摩。',
    shelfLifeMonths: 36, paoMonths: 12, consumptionDays: [45, 90] },
  { category: '眼霜', categoryEn: 'Eye Cream', topCategory: 'skincare', prefix: 'sk', weight: 5, price: [99, 1200], sizes: ['15ml', '20g'],
    ingredients: [{ name: '咖啡因', nameEn: 'Caffeine', range: [1, 5] }, { name: '视黄醇', nameEn: 'Retinol', range: [0.05, 0.5] }, { name: '胜肽', nameEn: 'Peptides' }],
    concerns: ['淡纹', '黑眼圈', '抗老'], skinTypes: SKIN, textures: ['乳霜', '凝霜'], usage: '取米粒大小，用无名指轻点眼周至吸收。',
    shelfLifeMonths: 36, paoMonths: 6, consumptionDays: [60, 90] },
  { category: '面膜', categoryEn: 'Mask', topCategory: 'skincare', prefix: 'sk', weight: 8, price: [49, 420], sizes: ['5片', '10片', '100g'],
    ingredients: [{ name: '透明质酸钠', nameEn: 'Sodium Hyaluronate' }, { name: '积雪草提取物', nameEn: 'Centella Extract' }, { name: '高岭土', nameEn: 'Kaolin' }],
    concerns: ['补水', '保湿', '舒缓', '清洁'], skinTypes: SKIN, textures: ['精华液', '泥状', '啫喱'], usage: '洁面后敷于脸部15分钟，取下后轻拍吸收。',
    shelfLifeMonths: 36, paoMonths: 6, consumptionDays: [20, 40] },
  { category: '防晒', categoryEn: 'Sunscreen', topCategory: 'skincare', prefix: 'sk', weight: 6, price: [59, 420], sizes: ['30ml', '50ml', '60g'],
    ingredients: [{ name: '氧化锌', nameEn: 'Zinc Oxide', range: [5, 20] }, { name: '二氧化钛', nameEn: 'Titanium Dioxide', range: [2, 10] }, { name: '乙醇', nameEn: 'Alcohol Denat.' }],
    concerns: ['防晒', '控油'], skinTypes: SKIN, textures: ['清爽乳液', '水感', '霜状'], usage: '出门前15分钟均匀涂抹，户外每2小时补涂。',
    shelfLifeMonths: 36, paoMonths: 12, consumptionDays: [30, 60] },
  { category: '卸妆', categoryEn: 'Makeup Remover', topCategory: 'skincare', prefix: 'sk', weight: 4, price: [49, 320], sizes: ['150ml', '200ml', '400ml'],
    ingredients: [{ name: '植物油', nameEn: 'Plant Oils' }, { name: '胶束', nameEn: 'Micelles' }],
    concerns: ['清洁', '温和'], skinTypes: SKIN, textures: ['油状', '水状', '膏状'], usage: '干手干脸取适量打圈按摩，加水乳化后洗净。',
    shelfLifeMonths: 36, paoMonths: 12, consumptionDays: [45, 90] },
  { category: '粉底液', categoryEn: 'Foundation', topCategory: 'makeup', prefix: 'mk', weight: 6, price: [89, 650], sizes: ['30ml', '35ml'],
    ingredients: [{ name: '二氧化钛', nameEn: 'Titanium Dioxide' }, { name: '透明质酸钠', nameEn: 'Sodium Hyaluronate' }],
    concerns: ['遮瑕', '持妆', '控油', '保湿'], skinTypes: SKIN, textures: ['哑光', '水光', '柔雾'], usage: '取适量以美妆蛋由脸中向外按压推开。',
    shelfLifeMonths: 36, paoMonths: 12, consumptionDays: [90, 150], shades: 'face' },
  { category: '口红', categoryEn: 'Lipstick', topCategory: 'makeup', prefix: 'mk', weight: 8, price: [59, 420], sizes: ['3g', '3.5g'],
    ingredients: [{ name: '蜂蜡', nameEn: 'Beeswax' }, { name: '维生素E', nameEn: 'Tocopherol' }],
    concerns: ['显色', '滋润', '持妆'], skinTypes: ['所有肤质'], textures: ['哑光', '缎光', '丝绒', '水润'], usage: '沿唇形涂抹，可叠涂加深。',
    shelfLifeMonths: 36, paoMonths: 12, consumptionDays: [120, 240], shades: 'lip' },
  { category: '唇釉', categoryEn: 'Lip Gloss', topCategory: 'makeup', prefix: 'mk', weight: 4, price: [59, 360], sizes: ['3.5ml', '5ml'],
    ingredients: [{ name: '植物油', nameEn: 'Plant Oils' }],
    concerns: ['显色', '滋润'], skinTypes: ['所有肤质'], textures: ['镜面', '丝绒', '水光'], usage: '用刷头沿唇形涂抹。',
    shelfLifeMonths: 36, paoMonths: 12, consumptionDays: [120, 240], shades: 'lip' },
  { category: '腮红', categoryEn: 'Blush', topCategory: 'makeup', prefix: 'mk', weight: 4, price: [49, 450], sizes: ['5g', '6g'],
    ingredients: [{ name: '云母', nameEn: 'Mica' }],
    concerns: ['提气色'], skinTypes: ['所有肤质'], textures: ['粉质细腻', '膏状', '珠光'], usage: '用腮红刷蘸取少量，在苹果肌晕开。',
    shelfLifeMonths: 36, paoMonths: 24, consumptionDays: [240, 365], shades: 'cheek' },
  { category: '眼影', categoryEn: 'Eyeshadow', topCategory: 'makeup', prefix: 'mk', weight: 4, price: [69, 680], sizes: ['4.5g', '7g', '10g'],
    ingredients: [{ name: '云母', nameEn: 'Mica' }],
    concerns: ['显色'], skinTypes: ['所有肤质'], textures: ['哑光', '珠光', '闪片'], usage: '浅色打底，深色加深眼尾。',
    shelfLifeMonths: 36, paoMonths: 24, consumptionDays: [240, 365], shades: 'eye' },
  { category: '睫毛膏', categoryEn: 'Mascara', topCategory: 'makeup', prefix: 'mk', weight: 3, price: [59, 320], sizes: ['6ml', '8ml'],
    ingredients: [{ name: '蜂蜡', nameEn: 'Beeswax' }],
    concerns: ['持妆', '防水'], skinTypes: ['所有肤质'], textures: ['纤长', '浓密'], usage: '由睫毛根部Z字形向上刷。',
    shelfLifeMonths: 36, paoMonths: 3, consumptionDays: [90, 120] },
  { category: '散粉', categoryEn: 'Setting Powder', topCategory: 'makeup', prefix: 'mk', weight: 3, price: [59, 480], sizes: ['8g', '10g'],
    ingredients: [{ name: '二氧化硅', nameEn: 'Silica' }],
    concerns: ['定妆', '控油'], skinTypes: ['油皮', '混合皮', '所有肤质'], textures: ['轻薄粉质'], usage: '粉扑蘸取后按压全脸定妆。',
    shelfLifeMonths: 36, paoMonths: 24, consumptionDays: [120, 200] },
  { category: '洗发水', categoryEn: 'Shampoo', topCategory: 'haircare', prefix: 'hc', weight: 7, price: [39, 420], sizes: ['300ml', '400ml', '500ml'],
    ingredients: [{ name: '氨基酸表活', nameEn: 'Amino Acid Surfactant' }, { name: '水杨酸', nameEn: 'Salicylic Acid', range: [0.5, 2] }, { name: '生姜提取物', nameEn: 'Ginger Extract' }],
    concerns: ['控油', '去屑', '蓬松', '修护', '柔顺'], skinTypes: HAIR, textures: ['啫喱', '乳液'], usage: '湿发后取适量揉出泡沫，按摩头皮后冲净。',
    shelfLifeMonths: 36, paoMonths: 12, consumptionDays: [45, 75] },
  { category: '护发素', categoryEn: 'Conditioner', topCategory: 'haircare', prefix: 'hc', weight: 4, price: [39, 380], sizes: ['200ml', '400ml'],
    ingredients: [{ name: '水解角蛋白', nameEn: 'Hydrolyzed Keratin' }, { name: '摩洛哥坚果油', nameEn: 'Argan Oil' }],
    concerns: ['柔顺', '修护'], skinTypes: HAIR, textures: ['乳霜'], usage: '洗发后涂抹于发中至发尾，停留1-2分钟后冲净。',
    shelfLifeMonths: 36, paoMonths: 12, consumptionDays: [45, 75] },
  { category: '发膜', categoryEn: 'Hair Mask', topCategory: 'haircare', prefix: 'hc', weight: 3, price: [49, 420], sizes: ['200ml', '250ml'],
    ingredients: [{ name: '氨基酸', nameEn: 'Amino Acids' }, { name: '乳木果油', nameEn: 'Shea Butter' }],
    concerns: ['修护', '柔顺', '滋养'], skinTypes: HAIR, textures: ['乳霜'], usage: '洗发后涂抹于发尾，停留5分钟后冲净，每周2-3次。',
    shelfLifeMonths: 36, paoMonths: 12, consumptionDays: [30, 60] },
  { category: '护发精油', categoryEn: 'Hair Oil', topCategory: 'haircare', prefix: 'hc', weight: 3, price: [59, 480], sizes: ['50ml', '100ml'],
    ingredients: [{ name: '摩洛哥坚果油', nameEn: 'Argan Oil' }, { name: '山茶花油', nameEn: 'Camellia Oil' }],
    concerns: ['柔顺', '防毛躁', '修护'], skinTypes: HAIR, textures: ['油状', '轻盈油状'], usage: '半干发取1-2泵涂抹发尾，无需冲洗。',
    shelfLifeMonths: 36, paoMonths: 12, consumptionDays: [90, 150] },
];

/** Product-line words brands combine with a product type, per kind of product (no "Cica Mascara"). */
export const lineWords: Record<'skincare' | 'makeup' | 'haircare', { zh: string; en: string }[]> = {
  skincare: [
    { zh: '水光', en: 'Hydra Glow' }, { zh: '焕颜', en: 'Renew' }, { zh: '修护', en: 'Repair' }, { zh: '净透', en: 'Clear' },
    { zh: '雪肌', en: 'Snow' }, { zh: '清润', en: 'Fresh' }, { zh: '玻尿酸', en: 'Hyaluronic' }, { zh: '氨基酸', en: 'Amino' },
    { zh: '胶原', en: 'Collagen' }, { zh: '光感', en: 'Radiance' }, { zh: '赋活', en: 'Revive' }, { zh: '臻颜', en: 'Prestige' },
    { zh: '沁润', en: 'Aqua' }, { zh: '冰川', en: 'Glacier' }, { zh: '绿茶', en: 'Green Tea' }, { zh: '山茶花', en: 'Camellia' },
    { zh: '米萃', en: 'Rice' }, { zh: '积雪草', en: 'Cica' },
  ],
  makeup: [
    { zh: '柔雾', en: 'Soft Matte' }, { zh: '丝绒', en: 'Velvet' }, { zh: '水光', en: 'Glow' }, { zh: '锁色', en: 'Lock Colour' },
    { zh: '轻透', en: 'Sheer' }, { zh: '缎光', en: 'Satin' }, { zh: '持妆', en: 'Long Wear' }, { zh: '奢金', en: 'Gold' },
    { zh: '星光', en: 'Starlight' }, { zh: '琉璃', en: 'Glaze' }, { zh: '云朵', en: 'Cloud' }, { zh: '花漾', en: 'Bloom' },
  ],
  haircare: [
    { zh: '修护', en: 'Repair' }, { zh: '丰盈', en: 'Volume' }, { zh: '柔顺', en: 'Smooth' }, { zh: '控油', en: 'Oil Control' },
    { zh: '山茶花', en: 'Camellia' }, { zh: '生姜', en: 'Ginger' }, { zh: '氨基酸', en: 'Amino' }, { zh: '蓬松', en: 'Airy' },
    { zh: '滋养', en: 'Nourish' }, { zh: '清爽', en: 'Fresh' }, { zh: '护色', en: 'Colour Care' },
  ],
};

/** Claim phrases marketplace titles append. */
export const claimPhrases: Record<string, string[]> = {
  保湿: ['补水保湿', '深层保湿', '长效锁水'], 抗老: ['抗皱紧致', '淡化细纹', '抗初老'], 美白: ['提亮肤色', '美白淡斑'],
  控油: ['清爽控油', '控油不油腻'], 祛痘: ['清痘净肤', '改善痘痘'], 修护: ['修护屏障', '舒缓修护'], 清洁: ['深层清洁', '温和清洁'],
  防晒: ['高倍防晒', '清爽防晒'], 显色: ['显白不挑皮', '高显色'], 柔顺: ['柔顺丝滑', '改善毛躁'], 控油去屑: ['去屑止痒'],
};

type Undertone = 'warm' | 'cool' | 'neutral';

/** Shade names per colour family, each with its undertone (a cool pink suits other faces than a warm coral). */
export const shadeFamilies: Record<'lip' | 'cheek' | 'face' | 'eye', { family: string; names: [string, Undertone][] }[]> = {
  lip: [
    { family: 'red', names: [['正红', 'neutral'], ['复古红', 'warm'], ['番茄红', 'warm'], ['蓝调红', 'cool']] },
    { family: 'pink', names: [['豆沙粉', 'neutral'], ['玫瑰粉', 'cool'], ['樱花粉', 'cool']] },
    { family: 'coral', names: [['珊瑚橘', 'warm'], ['蜜桃色', 'warm']] }, { family: 'nude', names: [['奶茶色', 'warm'], ['裸杏色', 'neutral']] },
    { family: 'berry', names: [['莓果色', 'cool'], ['葡萄紫', 'cool']] }, { family: 'orange', names: [['南瓜色', 'warm'], ['焦糖橘', 'warm']] },
    { family: 'brown', names: [['砖红', 'warm'], ['枫叶棕', 'warm']] },
  ],
  cheek: [
    { family: 'red', names: [['胭脂红', 'neutral']] }, { family: 'pink', names: [['甜粉', 'cool'], ['玫瑰粉', 'cool']] },
    { family: 'coral', names: [['蜜桃', 'warm'], ['珊瑚', 'warm']] }, { family: 'nude', names: [['裸杏', 'neutral'], ['奶茶', 'warm']] },
    { family: 'berry', names: [['莓果', 'cool']] }, { family: 'orange', names: [['暖橘', 'warm']] }, { family: 'brown', names: [['焦糖', 'warm']] },
  ],
  face: [
    { family: 'ivory', names: [['象牙白', 'neutral'], ['冷瓷白', 'cool']] },
    { family: 'beige', names: [['自然色', 'neutral'], ['暖米色', 'warm'], ['粉调米色', 'cool']] }, { family: 'tan', names: [['小麦色', 'warm']] },
  ],
  eye: [
    { family: 'brown', names: [['大地色', 'warm'], ['灰棕', 'cool']] }, { family: 'pink', names: [['粉棕', 'cool']] }, { family: 'orange', names: [['橘棕', 'warm']] },
  ],
};
